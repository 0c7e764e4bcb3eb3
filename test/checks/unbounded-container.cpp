// RUN: %check_async_tidy %s async-unbounded-container %t -- -std=c++17
// RUN: %check_async_tidy --check-suffix=OPTS %s async-unbounded-container %t-opts \
// RUN:   -config="{CheckOptions: {async-unbounded-container.ContainerTypes: '::app::Ring'}}" -- -std=c++17

#include <algorithm>
#include <deque>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace app {
template <typename T> struct Ring {
  void push_back(T);
};
} // namespace app

// ---- positives -------------------------------------------------------------

// The reviews' per-job maps, error lists and latency samples.
class JobTracker {
public:
  void start(int job, std::string name) { names_[job] = std::move(name); }
  void fail(int job, std::string error) { errors_[job].push_back(error); }
  void sample(double latency) { latencies_.push_back(latency); }
  std::size_t running() const { return names_.size(); }
  void retry(int job) { errors_[job].clear(); }
  void scale(double by) { for (auto &l : latencies_) l *= by; }

private:
  std::map<int, std::string> names_;
  std::unordered_map<int, std::vector<std::string>> errors_;
  std::vector<double> latencies_;
  app::Ring<int> ring_;
  // CHECK-NOTES: :[[@LINE-4]]:30: warning: 'names_' only grows: no member function removes from it, so a long-running process keeps every element forever [async-unbounded-container]
  // CHECK-NOTES: :[[@LINE-13]]:43: note: it grows here
  // CHECK-NOTES: :[[@LINE-5]]:53: warning: 'errors_' only grows: no member function removes from it, so a long-running process keeps every element forever
  // CHECK-NOTES: :[[@LINE-14]]:43: note: it grows here
  // CHECK-NOTES: :[[@LINE-12]]:25: note: it grows here
  // CHECK-NOTES: :[[@LINE-7]]:23: warning: 'latencies_' only grows
  // CHECK-NOTES: :[[@LINE-16]]:44: note: it grows here
};

// Nested: the vectors in the map grow, the map itself never does.
class Inbox {
public:
  void deliver(const std::string &user, std::string message) {
    inbox_.at(user).push_back(std::move(message));
  }
  std::size_t users() const { return inbox_.size(); }

private:
  std::map<std::string, std::vector<std::string>> inbox_;
  // CHECK-NOTES: :[[@LINE-1]]:51: warning: 'inbox_' only grows: no member function removes from it or from the containers it holds, so a long-running process keeps every element forever
  // CHECK-NOTES: :[[@LINE-7]]:21: note: it grows here
};

// A vector used as a queue: every pop moves the rest.
void drain(std::vector<int> &queue) {
  while (!queue.empty())
    queue.erase(queue.begin());
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: vector used as a queue: erase(begin()) moves every element that remains, a linear cost per removal; use std::deque or a ring buffer
  // CHECK-MESSAGES-OPTS: :[[@LINE-2]]:11: warning: vector used as a queue
}

// A user-listed container, with the option.
class Recorder {
public:
  void record(int value) { ring_.push_back(value); }

private:
  app::Ring<int> ring_;
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:18: warning: 'ring_' only grows
};

// ---- must not flag -----------------------------------------------------------

// Any removal path bounds it: erase, pop, clear, swap, reassignment, and for
// nested containers the outer erase.
class Bounded {
public:
  void add(int job) { jobs_.push_back(job); }
  void done() { jobs_.pop_front(); }
  void put(int k, int v) { table_[k] = v; }
  void drop(int k) { table_.erase(k); }
  void log(std::string line) {
    lines_.push_back(std::move(line));
    if (lines_.size() > 100)
      lines_.erase(lines_.begin(), lines_.begin() + 50);
  }
  void note(const std::string &user, int n) { nested_[user].push_back(n); }
  void forget(const std::string &user) { nested_.erase(user); }
  void sample(int v) { samples_.push_back(v); }
  void flush() { std::vector<int>().swap(samples_); }
  void keep(int v) { kept_.push_back(v); }
  void reset() { kept_ = {}; }
  void grow(int v) { moved_.push_back(v); }
  std::vector<int> take() { return std::move(moved_); }

private:
  std::deque<int> jobs_;
  std::map<int, int> table_;
  std::vector<std::string> lines_;
  std::map<std::string, std::vector<int>> nested_;
  std::vector<int> samples_, kept_, moved_;
};

// Removed through a reference, a callback, or std::erase_if.
class Indirect {
public:
  void add(int v) { values_.push_back(v); }
  void purge() {
    auto &values = values_;
    values.clear();
  }
  void tick(int k) { timers_[k] = k; }
  void expire() {
    auto cleanup = [this] { timers_.clear(); };
    cleanup();
  }
  void push(int v) { odd_.push_back(v); }
  void prune() {
    odd_.erase(std::remove_if(odd_.begin(), odd_.end(),
                              [](int v) { return v % 2 == 0; }),
               odd_.end());
  }

private:
  std::vector<int> values_;
  std::map<int, int> timers_;
  std::vector<int> odd_;
};

// A member function defined elsewhere could remove: not judged.
class Partial {
public:
  void add(int v) { values_.push_back(v); }
  void removeAll();

private:
  std::vector<int> values_;
};

// Filled only by the constructor: bounded by construction.
class Fixed {
public:
  Fixed() {
    for (int i = 0; i < 8; ++i)
      slots_.push_back(i);
  }
  int slot(int i) const { return slots_[i]; }

private:
  std::vector<int> slots_;
};

// A deque used as a queue, and erase of another position.
void drainDeque(std::deque<int> &queue) {
  while (!queue.empty())
    queue.erase(queue.begin());
}
void eraseLast(std::vector<int> &values) {
  values.erase(values.end() - 1);
}
