// A class whose inline member functions live in a header: they show which
// mutex guards which member to the translation units that include it.
#ifndef JOB_TABLE_H
#define JOB_TABLE_H

#include <map>
#include <mutex>
#include <string>

class JobTable {
public:
  void add(int id, std::string name) {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_[id] = std::move(name);
  }
  void remove(int id);
  std::size_t size() const;

private:
  mutable std::mutex mutex_;
  std::map<int, std::string> jobs_;
};

#endif
