// The lock checks share the lock model's walk of each function only when
// they are configured with the same lock types (support/LockScopes.h keys
// its walks by them): here each of the two sees only the guards it knows.
// RUN: %check_async_tidy --check-suffix=ORDER %s async-callback-under-lock,async-lock-order-inversion %t-order \
// RUN:   -config="{CheckOptions: {async-callback-under-lock.GuardTypes: '::std::lock_guard'}}" -- -std=c++17
// RUN: %check_async_tidy --check-suffix=CALLBACK %s async-callback-under-lock,async-lock-order-inversion %t-callback \
// RUN:   -config="{CheckOptions: {async-lock-order-inversion.GuardTypes: '::std::lock_guard'}}" -- -std=c++17
// RUN: %check_async_tidy --check-suffix=ORDER,CALLBACK %s async-callback-under-lock,async-lock-order-inversion %t-both -- -std=c++17

#include <functional>
#include <mutex>

std::mutex first, second;
std::function<void()> onChange;

void forward() {
  std::unique_lock<std::mutex> a(first);
  std::unique_lock<std::mutex> b(second);
  // CHECK-MESSAGES-ORDER: :[[@LINE-1]]:3: warning: mutex 'second' is acquired while 'first' is held, and elsewhere in the opposite order: the two can deadlock [async-lock-order-inversion]
  // CHECK-FIXES-ORDER: std::scoped_lock a(first, second);
  onChange();
  // CHECK-MESSAGES-CALLBACK: :[[@LINE-1]]:3: warning: a callable object is called with a lock held: the code it runs can take the same lock, or wait for this thread, and deadlock [async-callback-under-lock]
}

void backward() {
  std::unique_lock<std::mutex> b(second);
  std::unique_lock<std::mutex> a(first);
}
