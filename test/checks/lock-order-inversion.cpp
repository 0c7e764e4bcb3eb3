// RUN: %check_async_tidy %s async-lock-order-inversion %t -- -std=c++17
// RUN: %check_async_tidy --check-suffix=CXX14 %s async-lock-order-inversion %t-14 -- -std=c++14
// RUN: %check_async_tidy --check-suffix=OPTS %s async-lock-order-inversion %t-opts \
// RUN:   -config="{CheckOptions: {async-lock-order-inversion.RecursiveMutexTypes: '::std::recursive_mutex;::std::mutex'}}" -- -std=c++17

#include <mutex>
#include <shared_mutex>

std::mutex accounts, ledger;
int balance = 0, entries = 0;

// ---- positives -------------------------------------------------------------

// Two code paths, two orders: one thread in each, and both wait forever.
void deposit(int amount) {
  std::lock_guard<std::mutex> a(accounts);
  std::lock_guard<std::mutex> l(ledger);
  balance += amount;
  ++entries;
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: mutex 'ledger' is acquired while 'accounts' is held, and elsewhere in the opposite order: the two can deadlock [async-lock-order-inversion]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: 'accounts' is acquired here
  // CHECK-NOTES: :[[@LINE+9]]:3: note: 'accounts' is acquired while 'ledger' is held
  // CHECK-FIXES: {{^}}  std::scoped_lock a(accounts, ledger);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  balance += amount;{{$}}
  // CHECK-MESSAGES-CXX14: :[[@LINE-8]]:3: warning: mutex 'ledger' is acquired while 'accounts' is held
  // CHECK-MESSAGES-OPTS: :[[@LINE-9]]:3: warning: mutex 'ledger' is acquired while 'accounts' is held
  // CHECK-FIXES-OPTS: {{^}}  std::scoped_lock a(accounts, ledger);{{$}}
}
void audit() {
  std::unique_lock<std::mutex> l(ledger);
  accounts.lock();
  entries = balance;
  accounts.unlock();
}

// The second acquisition inside a function called with the first lock held.
struct Cache {
  std::mutex index_mutex, data_mutex;
  int index = 0, data = 0;
  void refreshData() {
    std::lock_guard<std::mutex> lock(data_mutex);
    ++data;
  }
  void reindex() {
    std::lock_guard<std::mutex> lock(index_mutex);
    refreshData();
    ++index;
  }
  // The warning goes where the fix can merge two guards: in compact().
  void compact() {
    std::lock_guard<std::mutex> data(data_mutex);
    std::lock_guard<std::mutex> index(index_mutex);
  }
  // CHECK-NOTES: :[[@LINE-2]]:5: warning: mutex 'index_mutex' is acquired while 'data_mutex' is held, and elsewhere in the opposite order: the two can deadlock
  // CHECK-NOTES: :[[@LINE-4]]:5: note: 'data_mutex' is acquired here
  // CHECK-NOTES: :[[@LINE-10]]:5: note: 'data_mutex' is acquired in 'refreshData', called here, while 'index_mutex' is held
  // CHECK-FIXES: {{^}}    std::scoped_lock data(data_mutex, index_mutex);{{$}}
  // CHECK-MESSAGES-CXX14: :[[@LINE-6]]:5: warning: mutex 'index_mutex' is acquired while 'data_mutex' is held
  // CHECK-MESSAGES-OPTS: :[[@LINE-7]]:5: warning: mutex 'index_mutex' is acquired while 'data_mutex' is held
  // CHECK-FIXES-OPTS: {{^}}    std::scoped_lock data(data_mutex, index_mutex);{{$}}

  // A non-recursive mutex taken again, through a call.
  void resize() {
    std::lock_guard<std::mutex> lock(data_mutex);
    refreshData();
  }
  // CHECK-NOTES: :[[@LINE-2]]:5: warning: mutex 'data_mutex' is acquired in 'refreshData', called here, while it is already held: a non-recursive mutex deadlocks on itself
  // CHECK-NOTES: :[[@LINE-4]]:5: note: 'data_mutex' is first acquired here
  // CHECK-MESSAGES-CXX14: :[[@LINE-4]]:5: warning: mutex 'data_mutex' is acquired in 'refreshData', called here, while it is already held
};

// ---- must not flag -----------------------------------------------------------

std::mutex first, second;
std::recursive_mutex reentrant;
std::shared_timed_mutex table;

// One consistent order everywhere, with nested guards.
void inOrder() {
  std::lock_guard<std::mutex> a(first);
  {
    std::lock_guard<std::mutex> b(second);
  }
}
void inOrderToo() {
  first.lock();
  second.lock();
  second.unlock();
  first.unlock();
}
// Deadlock-free acquisition of both, in any order.
#if __cplusplus >= 201703L
void together() { std::scoped_lock both(second, first); }
#endif
void adopted() {
  std::lock(second, first);
  std::lock_guard<std::mutex> b(second, std::adopt_lock);
  std::lock_guard<std::mutex> a(first, std::adopt_lock);
}
// Released before the other is taken.
void oneAfterTheOther() {
  {
    std::lock_guard<std::mutex> b(second);
  }
  std::lock_guard<std::mutex> a(first);
}
// A recursive mutex taken again.
void recurse(int depth) {
  std::lock_guard<std::recursive_mutex> lock(reentrant);
  if (depth > 0)
    recurse(depth - 1);
}
// Readers sharing a shared mutex.
int readTwice() {
  std::shared_lock<std::shared_timed_mutex> outer(table);
  std::shared_lock<std::shared_timed_mutex> inner(table);
  return 0;
}
// The same member of two different objects: a transfer between accounts.
struct Account {
  std::mutex mutex;
  int balance = 0;
};
void transfer(Account &from, Account &to, int amount) {
  std::lock_guard<std::mutex> a(from.mutex);
  std::lock_guard<std::mutex> b(to.mutex);
  from.balance -= amount;
  to.balance += amount;
}

// Each place that takes a held mutex again is a deadlock of its own: through
// a member function called with it held, and a deferred unique_lock locked
// while a guard on the same mutex is alive.
class Reentrant {
public:
  void inner() { std::lock_guard<std::mutex> lock(mutex_); }
  void outer() {
    std::lock_guard<std::mutex> lock(mutex_);
    inner();
  }
  // CHECK-NOTES: :[[@LINE-2]]:5: warning: mutex 'mutex_' is acquired in 'inner', called here, while it is already held: a non-recursive mutex deadlocks on itself [async-lock-order-inversion]
  // CHECK-NOTES: :[[@LINE-4]]:5: note: 'mutex_' is first acquired here
  // CHECK-MESSAGES-CXX14: :[[@LINE-4]]:5: warning: mutex 'mutex_' is acquired in 'inner'
  void deferredLater() {
    std::unique_lock<std::mutex> later(mutex_, std::defer_lock);
    std::lock_guard<std::mutex> now(mutex_);
    later.lock();
  }
  // CHECK-NOTES: :[[@LINE-2]]:5: warning: mutex 'mutex_' is acquired while it is already held: a non-recursive mutex deadlocks on itself [async-lock-order-inversion]
  // CHECK-NOTES: :[[@LINE-4]]:5: note: 'mutex_' is first acquired here
  // CHECK-MESSAGES-CXX14: :[[@LINE-4]]:5: warning: mutex 'mutex_' is acquired while it is already held

private:
  std::mutex mutex_;
};

// A guard that adopts a lock taken by hand takes nothing, also when the tag
// is an enumerator (Asio's scoped_lock<Mutex>::adopt_lock).
template <typename Mutex> class ScopedLock {
public:
  enum adopt_lock_t { adopt_lock };
  ScopedLock(Mutex &m, adopt_lock_t) : mutex_(m), locked_(true) {}
  ~ScopedLock() {
    if (locked_)
      mutex_.unlock();
  }

private:
  Mutex &mutex_;
  bool locked_;
};
std::mutex descriptor_mutex;
void performIo() {
  descriptor_mutex.lock();
  ScopedLock<std::mutex> lock(descriptor_mutex, ScopedLock<std::mutex>::adopt_lock);
}
