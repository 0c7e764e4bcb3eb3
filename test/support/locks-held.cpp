// Which mutexes are held at each statement of a function body, and which
// are already held when each lock is taken.
// RUN: %probe_tidy -checks='-*,probe-locks-held' %s -- -std=c++17 2>&1 \
// RUN:   | grep -v "^ " | FileCheck %s --implicit-check-not="warning:"

#include <mutex>
#include <shared_mutex>

void touch();

std::mutex a, b;
std::shared_mutex shared;

void nothingHeld() {
  touch();
  // CHECK: :[[@LINE-1]]:3: warning: held: none [probe-locks-held]
}

void nestedBlocks(bool flag) {
  std::lock_guard<std::mutex> outer(a);
  // CHECK: :[[@LINE-1]]:3: warning: takes a while holding: none
  if (flag) {
    std::unique_lock<std::mutex> inner(b);
    // CHECK: :[[@LINE-1]]:5: warning: takes b while holding: a [probe-locks-held]
    touch();
    // CHECK: :[[@LINE-1]]:5: warning: held: a b
    inner.unlock();
    touch();
    // CHECK: :[[@LINE-1]]:5: warning: held: a [probe-locks-held]
  }
  touch();
  // CHECK: :[[@LINE-1]]:3: warning: held: a [probe-locks-held]
}

void releasedOnOnePath(bool flag) {
  std::unique_lock<std::mutex> lock(a);
  // CHECK: :[[@LINE-1]]:3: warning: takes a while holding: none
  if (flag) {
    lock.unlock();
    touch();
    // CHECK: :[[@LINE-1]]:5: warning: held: none
    return;
  }
  touch();
  // CHECK: :[[@LINE-1]]:3: warning: held: a [probe-locks-held]
}

void byHandAndInConditions(int n) {
  a.lock();
  // CHECK: :[[@LINE-1]]:3: warning: takes a while holding: none
  while (n-- > 0)
    touch();
  // CHECK: :[[@LINE-1]]:5: warning: held: a [probe-locks-held]
  a.unlock();
  touch();
  // CHECK: :[[@LINE-1]]:3: warning: held: none
  std::shared_lock<std::shared_mutex> reader(shared);
  // CHECK: :[[@LINE-1]]:3: warning: takes shared while holding: none
  for (int i = 0; i < n; ++i) {
    std::scoped_lock both(a, b);
    // CHECK: :[[@LINE-1]]:5: warning: takes a b while holding: shared [probe-locks-held]
    touch();
    // CHECK: :[[@LINE-1]]:5: warning: held: shared a b
  }
}

// The walk of a function leaves out the lambdas in it: their bodies run
// later, maybe without the lock (no "held: a" here).
void lambdasAreTheirOwn() {
  std::lock_guard<std::mutex> lock(a);
  // CHECK: :[[@LINE-1]]:3: warning: takes a while holding: none
  auto later = [] { touch(); };
  later();
}

// ---- the lock model of issue 15 ---------------------------------------------

// The branch where an attempt got the lock holds it; the other does not.
void triedBranches(std::unique_lock<std::mutex> &given) {
  if (a.try_lock()) {
    touch();
    // CHECK: :[[@LINE-1]]:5: warning: held: a [probe-locks-held]
    a.unlock();
    touch();
    // CHECK: :[[@LINE-1]]:5: warning: held: none
  } else {
    touch();
    // CHECK: :[[@LINE-1]]:5: warning: held: none
  }
  std::unique_lock<std::mutex> lock(b, std::try_to_lock);
  if (lock)
    touch();
  // CHECK: :[[@LINE-1]]:5: warning: held: b [probe-locks-held]
  if (!lock.owns_lock())
    touch();
  // CHECK: :[[@LINE-1]]:5: warning: held: none
  else
    touch();
  // CHECK: :[[@LINE-1]]:5: warning: held: b [probe-locks-held]
  touch();
  // CHECK: :[[@LINE-1]]:3: warning: held: none
}

// A lock moved away, also in a nested block, is released from the statement
// that moves it on: afterwards it may or may not be held, and a lock held
// "maybe" is not held.
void consume(std::unique_lock<std::mutex> lock);
void movedInABranch(bool flag) {
  std::unique_lock<std::mutex> lock(a);
  // CHECK: :[[@LINE-1]]:3: warning: takes a while holding: none
  if (flag) {
    consume(std::move(lock));
    touch();
    // CHECK: :[[@LINE-1]]:5: warning: held: none
  }
  touch();
  // CHECK: :[[@LINE-1]]:3: warning: held: none
}

// The statement that moves the lock in one branch runs with it held (its
// condition, its other branch); a branch that moves it and returns leaves
// the lock held on the paths that go on.
void movedAndReturned(bool flag) {
  std::unique_lock<std::mutex> lock(a);
  // CHECK: :[[@LINE-1]]:3: warning: takes a while holding: none
  if (flag)
    return consume(std::move(lock));
  if (flag)
    consume(std::move(lock));
  else
    touch();
  // CHECK: :[[@LINE-1]]:5: warning: held: a [probe-locks-held]
  if (flag) {
    consume(std::move(lock));
  } else {
    touch();
    // CHECK: :[[@LINE-1]]:5: warning: held: none
  }
  touch();
  // CHECK: :[[@LINE-1]]:3: warning: held: none
  std::unique_lock<std::mutex> again(b);
  // CHECK: :[[@LINE-1]]:3: warning: takes b while holding: none
  while (flag) {
    if (flag) {
      touch();
      // CHECK: :[[@LINE-1]]:7: warning: held: b
      consume(std::move(again));
      return;
    }
  }
  touch();
  // CHECK: :[[@LINE-1]]:3: warning: held: b
}

// std::lock takes several at once: no order between them.
void together() {
  std::lock(a, b);
  // CHECK: :[[@LINE-1]]:3: warning: takes a b while holding: none
  touch();
  // CHECK: :[[@LINE-1]]:3: warning: held: a b
  a.unlock();
  b.unlock();
}
