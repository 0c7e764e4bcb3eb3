#ifndef SERVICE_H
#define SERVICE_H
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

// Grows in sessions.cpp, and nothing in either unit removes from it.
class Sessions {
public:
  void open(int Id);
  int count() const;

private:
  mutable std::mutex Mu;
  std::vector<int> Open;
};

// Grows in one unit and is drained in the other: bounded.
class Mailbox {
public:
  void post(std::string Message);
  std::string take();

private:
  std::mutex Mu;
  std::deque<std::string> Pending;
};

// Every body in this header: the check judges it in each unit that
// includes it, and the merge leaves it alone.
class Log {
public:
  void add(std::string Line) {
    std::lock_guard<std::mutex> Lock(Mu);
    Lines.push_back(std::move(Line));
  }

private:
  std::mutex Mu;
  std::vector<std::string> Lines;
};

// A member function defined nowhere (perhaps in a unit not analysed): a
// removal may be there, so no one judges it.
class Jobs {
public:
  void submit(int Job);
  void cancelAll();

private:
  std::mutex Mu;
  std::map<int, int> ById;
  int Next = 0;
};

// Grows, and nothing removes from it, but the user says so on purpose: the
// merge reads the NOLINT comment from the facts.
class Archive {
public:
  void keep(int Record);
  int count() const;

private:
  mutable std::mutex Mu;
  std::vector<int> Kept; // NOLINT(async-unbounded-container): bounded by caller
};
#endif
