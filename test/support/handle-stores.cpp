// Which member keeps task handles of a type, and what waits for them
// (support/HandleStores.h).
// RUN: %probe_tidy -checks='-*,probe-handle-stores' %s -- -std=c++20 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not="warning:"

#include <deque>
#include <future>
#include <list>
#include <map>
#include <thread>
#include <vector>

template <typename T> void keep(T &&);
void work();

class Workers {
  void add(std::thread t) {
    keep(t);
    // CHECK: :[[@LINE-1]]:5: warning: store 'threads_', waiter 'stop', joins on destruction false
    keep(std::async(work));
    // CHECK: :[[@LINE-1]]:5: warning: store 'futures_', waiter 'collect', joins on destruction false
    keep(std::jthread(work));
    // CHECK: :[[@LINE-1]]:5: warning: store 'jthreads_', waiter 'none', joins on destruction true
    keep(std::async([] { return 1; }));
    // CHECK: :[[@LINE-1]]:5: warning: store 'ints_', waiter 'none', joins on destruction false
    auto later = [&] { keep(t); };
    // CHECK: :[[@LINE-1]]:24: warning: not directly in a member function
  }
  // Joined through a range-for variable, an index, front() or back().
  void stop() {
    for (auto &t : threads_)
      t.join();
  }
  void collect() { futures_.front().wait(); }
  // Read, but not waited for: size() and valid() do not wait.
  bool ready() { return ints_.size() > 0 && ints_.back().valid(); }

  std::map<int, std::thread> byId_; // not a sequence
  std::vector<std::thread> threads_;
  std::list<std::future<void>> futures_;
  std::deque<std::jthread> jthreads_;
  std::vector<std::future<int>> ints_;
};

class Empty {
  void add() { keep(std::thread(work)); }
  // CHECK: :[[@LINE-1]]:16: warning: no store
};

void outside() { keep(1); }
// CHECK: :[[@LINE-1]]:18: warning: not directly in a member function
