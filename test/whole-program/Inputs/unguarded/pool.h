#ifndef POOL_H
#define POOL_H
#include <cstddef>
#include <mutex>
#include <vector>

// The member functions are spread over allocate.cpp and release.cpp: each
// unit alone shows either the guard or the unguarded use, never both.
class BlockPool {
public:
  std::vector<int> allocate(std::size_t N);
  void reset();
  void release(int Block);
  std::size_t available() const;
  void recycle(int Block);
  bool empty() const;
  int served() const;
  void clear();
  void shutdown();

private:
  mutable std::mutex Mu;
  std::vector<int> Free;
  int Served = 0;
};

// Every body here: the check judges it in each unit, the merge does not.
class Registry {
public:
  void add(int Id) {
    std::lock_guard<std::mutex> Lock(Mu);
    Ids.push_back(Id);
  }
  std::size_t size() const { return Ids.size(); }

private:
  mutable std::mutex Mu;
  std::vector<int> Ids;
};

#endif
