// ScalarLockingFunctions: how many member functions must lock around a flag,
// counter or pointer before its lock counts as its guard. The default, 2,
// keeps quiet about a scalar that one function writes under the lock (on
// real code most often state handed over by a protocol); 1 is the rule of
// Infer's RacerD, whose suite reports these reads (peers/README.md).
// RUN: %check_async_tidy --check-suffix=DEFAULT %s async-unguarded-member %t-default -- -std=c++17
// RUN: %check_async_tidy --check-suffix=ONE %s async-unguarded-member %t-one \
// RUN:   -config="{CheckOptions: {async-unguarded-member.ScalarLockingFunctions: '1'}}" -- -std=c++17
// RUN: %check_async_tidy --check-suffix=ONE %s async-unguarded-member %t-one-global \
// RUN:   -config="{CheckOptions: {async-unguarded-member.ScalarLockingFunctions: 1}}" -- -std=c++17

#include <mutex>
#include <vector>

// Infer's basics.cpp shape: one function writes the counter under the lock,
// another reads it without.
class Counter {
public:
  void set(int value) {
    std::lock_guard<std::mutex> lock(mutex_);
    count_ = value;
  }
  int get() { return count_; }
  // CHECK-MESSAGES-ONE: :[[@LINE-1]]:22: warning: 'count_' is read without holding 'mutex_', which guards it elsewhere: concurrent calls race [async-unguarded-member]

private:
  std::mutex mutex_;
  int count_ = 0;
};

// A container needs one locking function under either setting.
class Queue {
public:
  void push(int value) {
    std::lock_guard<std::mutex> lock(mutex_);
    items_.push_back(value);
  }
  void clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    items_.clear();
  }
  bool empty() const { return items_.empty(); }
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:31: warning: 'items_' is read without holding 'mutex_', which guards it elsewhere: concurrent calls race [async-unguarded-member]
  // CHECK-MESSAGES-ONE: :[[@LINE-2]]:31: warning: 'items_' is read without holding 'mutex_', which guards it elsewhere: concurrent calls race [async-unguarded-member]

private:
  mutable std::mutex mutex_;
  std::vector<int> items_;
};

// Two locking functions make a scalar guarded under either setting.
class Flag {
public:
  void raise() {
    std::lock_guard<std::mutex> lock(mutex_);
    raised_ = true;
  }
  void lower() {
    std::lock_guard<std::mutex> lock(mutex_);
    raised_ = false;
  }
  bool raised() const { return raised_; }
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:32: warning: 'raised_' is read without holding 'mutex_', which guards it elsewhere: concurrent calls race [async-unguarded-member]
  // CHECK-MESSAGES-ONE: :[[@LINE-2]]:32: warning: 'raised_' is read without holding 'mutex_', which guards it elsewhere: concurrent calls race [async-unguarded-member]

private:
  mutable std::mutex mutex_;
  bool raised_ = false;
};
