// RUN: %check_async_tidy --fix-notes %s async-unguarded-member %t -- -std=c++17 -I%inputs
// RUN: %check_async_tidy --fix-notes --check-suffix=CXX14 %s async-unguarded-member %t-14 -- -std=c++14 -I%inputs
// RUN: %check_async_tidy --fix-notes --check-suffix=OPTS %s async-unguarded-member %t-opts \
// RUN:   -config="{CheckOptions: {async-unguarded-member.MutexTypes: '::app::Spin', async-unguarded-member.GuardTypes: '::app::SpinGuard'}}" \
// RUN:   -- -std=c++17 -I%inputs

#include "job_table.h"

#include <atomic>
#include <cstddef>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

// ---- the BlockPool of the reviews ------------------------------------------

// allocate() holds the mutex while it takes blocks from the free list;
// release() puts them back without it. Two threads in allocate() and
// release() corrupt the vector; available() reads it while it changes.
class BlockPool {
public:
  explicit BlockPool(int blocks) {
    for (int i = 0; i < blocks; ++i)
      free_.push_back(i);
  }
  ~BlockPool() { free_.clear(); }

  std::vector<int> allocate(std::size_t n) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (free_.size() < n)
      throw std::runtime_error("pool exhausted");
    std::vector<int> blocks;
    for (std::size_t i = 0; i < n; ++i) {
      blocks.push_back(free_.back());
      free_.pop_back();
    }
    allocated_ += n;
    ++allocations_;
    return blocks;
  }

  void release(const std::vector<int> &blocks) {
    for (int block : blocks)
      free_.push_back(block);
    allocated_ -= blocks.size();
  }
  // CHECK-NOTES: :[[@LINE-3]]:7: warning: 'free_' is written without holding 'mutex_', which guards it elsewhere: concurrent calls race [async-unguarded-member]
  // CHECK-NOTES: :[[@LINE-13]]:7: note: 'free_' is written with 'mutex_' held here
  // CHECK-NOTES: :[[@LINE-7]]:48: note: hold 'mutex_' for the whole function
  // CHECK-FIXES: {{^}}  void release(const std::vector<int> &blocks) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::scoped_lock lock(mutex_);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    for (int block : blocks){{$}}
  // CHECK-MESSAGES-CXX14: :[[@LINE-9]]:7: warning: 'free_' is written without holding 'mutex_'
  // CHECK-FIXES-CXX14: {{^}}    std::lock_guard<std::mutex> lock(mutex_);{{$}}

  // A const member function cannot lock a mutex that is not mutable: no fix.
  std::size_t available() const { return free_.size(); }
  // CHECK-NOTES: :[[@LINE-1]]:42: warning: 'free_' is read without holding 'mutex_', which guards it elsewhere: concurrent calls race
  // CHECK-NOTES: :[[@LINE-24]]:7: note: 'free_' is written with 'mutex_' held here
  // CHECK-MESSAGES-CXX14: :[[@LINE-3]]:42: warning: 'free_' is read without holding 'mutex_'

  // Check-then-act outside the lock: another thread can take the last
  // block between the test and the pop.
  int tryTakeOne() {
    if (!free_.empty()) {
      int block = free_.back();
      free_.pop_back();
      return block;
    }
    return -1;
  }
  // CHECK-NOTES: :[[@LINE-7]]:10: warning: 'free_' is read without holding 'mutex_', which guards it elsewhere: concurrent calls race
  // CHECK-NOTES: :[[@LINE-38]]:7: note: 'free_' is written with 'mutex_' held here
  // CHECK-NOTES: :[[@LINE-10]]:20: note: hold 'mutex_' for the whole function
  // CHECK-FIXES: {{^}}  int tryTakeOne() {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::scoped_lock lock(mutex_);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    if (!free_.empty()) {{{$}}
  // CHECK-MESSAGES-CXX14: :[[@LINE-13]]:10: warning: 'free_' is read without holding 'mutex_'
  // CHECK-FIXES-CXX14: {{^}}    std::lock_guard<std::mutex> lock(mutex_);{{$}}

  // ---- must not flag in this class ----

  // Called only with the lock held, by the caller.
  std::size_t countLocked() const { return free_.size(); }
  std::size_t count() {
    std::lock_guard<std::mutex> lock(mutex_);
    return countLocked();
  }
  // Handed the caller's guard, or annotated as needing the lock.
  void dropAll(std::unique_lock<std::mutex> &held) { free_.clear(); }
  void dropSome() __attribute__((requires_capability(mutex_))) {
    free_.pop_back();
  }
  // Atomics, const members and the mutex itself are not guarded state.
  std::size_t allocations() const { return allocations_.load(); }
  std::size_t capacity() const { return capacity_; }
  // A member never touched under the lock is not known to need it.
  const std::string &name() const { return name_; }
  void rename(std::string name) { name_ = std::move(name); }

private:
  std::mutex mutex_;
  std::vector<int> free_;
  std::size_t allocated_ = 0;
  std::atomic<std::size_t> allocations_{0};
  const std::size_t capacity_ = 64;
  std::string name_;
};

// ---- the rest of a class from a header ---------------------------------------

// JobTable::add(), inline in job_table.h, shows that mutex_ guards jobs_.
void JobTable::remove(int id) { jobs_.erase(id); }
// CHECK-NOTES: :[[@LINE-1]]:33: warning: 'jobs_' is written without holding 'mutex_', which guards it elsewhere: concurrent calls race
// CHECK-NOTES: job_table.h:14:5: note: 'jobs_' is written with 'mutex_' held here
// CHECK-NOTES: :[[@LINE-3]]:31: note: hold 'mutex_' for the whole function
// CHECK-FIXES: {{^}}void JobTable::remove(int id) { std::scoped_lock lock(mutex_); jobs_.erase(id); }{{$}}
// CHECK-MESSAGES-CXX14: :[[@LINE-5]]:33: warning: 'jobs_' is written without holding 'mutex_'
// CHECK-FIXES-CXX14: {{^}}void JobTable::remove(int id) { std::lock_guard<std::mutex> lock(mutex_); jobs_.erase(id); }{{$}}

// A const member function with a mutable mutex can lock it.
std::size_t JobTable::size() const {
  return jobs_.size();
}
// CHECK-NOTES: :[[@LINE-2]]:10: warning: 'jobs_' is read without holding 'mutex_', which guards it elsewhere: concurrent calls race
// CHECK-NOTES: job_table.h:14:5: note: 'jobs_' is written with 'mutex_' held here
// CHECK-NOTES: :[[@LINE-5]]:36: note: hold 'mutex_' for the whole function
// CHECK-FIXES: {{^}}std::size_t JobTable::size() const {{{$}}
// CHECK-FIXES-NEXT: {{^}}  std::scoped_lock lock(mutex_);{{$}}
// CHECK-FIXES-NEXT: {{^}}  return jobs_.size();{{$}}
// CHECK-MESSAGES-CXX14: :[[@LINE-8]]:10: warning: 'jobs_' is read without holding 'mutex_'
// CHECK-FIXES-CXX14: {{^}}  std::lock_guard<std::mutex> lock(mutex_);{{$}}

// ---- class templates, bare lock() and functions that hold back the fix ------

template <typename T> class Queue {
public:
  void push(T value) {
    mutex_.lock();
    items_.push_back(std::move(value));
    mutex_.unlock();
  }
  // Unknown to the template: push_back() or not, it counts as a write.
  void drop() { items_.pop_front(); }
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'items_' is written without holding 'mutex_', which guards it elsewhere: concurrent calls race
  // CHECK-NOTES: :[[@LINE-6]]:5: note: 'items_' is written with 'mutex_' held here
  // CHECK-NOTES: :[[@LINE-3]]:15: note: hold 'mutex_' for the whole function
  // CHECK-FIXES: {{^}}  void drop() { std::scoped_lock lock(mutex_); items_.pop_front(); }{{$}}
  // CHECK-MESSAGES-CXX14: :[[@LINE-5]]:17: warning: 'items_' is written without holding 'mutex_'
  // CHECK-FIXES-CXX14: {{^}}  void drop() { std::lock_guard<std::mutex> lock(mutex_); items_.pop_front(); }{{$}}

  // Locking here would deadlock in push(): reported, no fix.
  void pushTwice(T value) {
    items_.clear();
    push(value);
    push(value);
  }
  // CHECK-NOTES: :[[@LINE-4]]:5: warning: 'items_' is written without holding 'mutex_', which guards it elsewhere: concurrent calls race
  // CHECK-NOTES: :[[@LINE-19]]:5: note: 'items_' is written with 'mutex_' held here
  // CHECK-MESSAGES-CXX14: :[[@LINE-6]]:5: warning: 'items_' is written without holding 'mutex_'

private:
  std::mutex mutex_;
  std::deque<T> items_;
};

// Two mutexes, each guarding its member: a function that needs both gets
// no fix; one guard would not do.
class Accounts {
public:
  void credit(int amount) {
    std::lock_guard<std::mutex> lock(balance_mutex_);
    balance_ += amount;
  }
  int balance() {
    std::lock_guard<std::mutex> lock(balance_mutex_);
    return balance_;
  }
  void log(std::string line) {
    std::lock_guard<std::mutex> lock(history_mutex_);
    history_.push_back(std::move(line));
  }
  void reset() {
    balance_ = 0;
    history_.clear();
  }
  // CHECK-NOTES: :[[@LINE-3]]:5: warning: 'balance_' is written without holding 'balance_mutex_', which guards it elsewhere: concurrent calls race
  // CHECK-NOTES: :[[@LINE-15]]:5: note: 'balance_' is written with 'balance_mutex_' held here
  // CHECK-MESSAGES-CXX14: :[[@LINE-5]]:5: warning: 'balance_' is written without holding 'balance_mutex_'

private:
  std::mutex balance_mutex_, history_mutex_;
  int balance_ = 0;
  std::vector<std::string> history_;
};

// ---- must not flag -----------------------------------------------------------

// A class without a mutex.
class Counter {
public:
  void add() { ++count_; }
  int get() const { return count_; }

private:
  int count_ = 0;
};

// Every access under the lock, with guards, unique_lock and lock()/unlock().
class Careful {
public:
  void put(int value) {
    std::unique_lock<std::mutex> lock(mutex_);
    values_.push_back(value);
    lock.unlock();
    notify();
  }
  int take() {
    mutex_.lock();
    int value = values_.back();
    values_.pop_back();
    mutex_.unlock();
    return value;
  }
  void notify() {}

private:
  std::mutex mutex_;
  std::vector<int> values_;
};

// A mutex and a guard of the program, known by their shape or listed in the
// options.
namespace app {
struct Spin {
  void lock();
  void unlock();
};
struct SpinGuard {
  explicit SpinGuard(Spin &);
  ~SpinGuard();
};
} // namespace app
class Spinning {
public:
  void set(int v) {
    app::SpinGuard guard(spin_);
    value_ = v;
  }
  int get() {
    app::SpinGuard guard(spin_);
    return value_;
  }
  void clear() { value_ = 0; }
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'value_' is written without holding 'spin_', which guards it elsewhere
  // CHECK-NOTES: :[[@LINE-8]]:5: note: 'value_' is written with 'spin_' held here
  // CHECK-NOTES: :[[@LINE-3]]:16: note: hold 'spin_' for the whole function
  // CHECK-FIXES: {{^}}  void clear() { std::scoped_lock lock(spin_); value_ = 0; }{{$}}
  // CHECK-MESSAGES-CXX14: :[[@LINE-5]]:18: warning: 'value_' is written without holding 'spin_'
  // CHECK-FIXES-CXX14: {{^}}  void clear() { std::lock_guard<app::Spin> lock(spin_); value_ = 0; }{{$}}
  // CHECK-MESSAGES-OPTS: :[[@LINE-7]]:18: warning: 'value_' is written without holding 'spin_', which guards it elsewhere
  // CHECK-FIXES-OPTS: {{^}}  void clear() { std::scoped_lock lock(spin_); value_ = 0; }{{$}}

private:
  app::Spin spin_;
  int value_ = 0;
};

// A function that already does something with the mutex (try_lock()) keeps
// its own locking: no fix, which would lock a mutex it may then hold twice.
class Stats {
public:
  void add(int value) {
    std::lock_guard<std::mutex> lock(mutex_);
    total_ += value;
  }
  bool tryReset() {
    if (!mutex_.try_lock())
      return false;
    total_ = 0;
    mutex_.unlock();
    return true;
  }
  int total() {
    std::lock_guard<std::mutex> lock(mutex_);
    return total_;
  }
  // The statements after a failed try_lock() has returned hold the mutex:
  // not reported.
  void resetUnlocked() { total_ = 0; }
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'total_' is written without holding 'mutex_', which guards it elsewhere: concurrent calls race
  // CHECK-NOTES: :[[@LINE-17]]:5: note: 'total_' is written with 'mutex_' held here
  // CHECK-NOTES: :[[@LINE-3]]:24: note: hold 'mutex_' for the whole function
  // CHECK-MESSAGES-CXX14: :[[@LINE-4]]:26: warning: 'total_' is written without holding 'mutex_'
  // CHECK-FIXES: {{^}}  void resetUnlocked() { std::scoped_lock lock(mutex_); total_ = 0; }{{$}}
  // CHECK-FIXES-CXX14: {{^}}  void resetUnlocked() { std::lock_guard<std::mutex> lock(mutex_); total_ = 0; }{{$}}

private:
  std::mutex mutex_;
  int total_ = 0;
};
