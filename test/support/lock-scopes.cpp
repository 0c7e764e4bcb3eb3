// Which locks a block takes, and for how many of its statements each is held.
// RUN: %probe_tidy -checks='-*,probe-lock-scopes' %s -- -std=c++17 2>&1 \
// RUN:   | grep -v "^ " | FileCheck %s --implicit-check-not="warning:" --implicit-check-not="note:"

#include <mutex>

std::mutex m;
int counter;

void guards() {
  std::lock_guard<std::mutex> guard(m);
  // CHECK: :[[@LINE-1]]:3: warning: guard 'guard' held for 2 statements to the end of the block [probe-lock-scopes]
  // CHECK-NEXT: :[[@LINE-2]]:3: note: it locks 'm'
  ++counter;
  ++counter;
}

void uniqueLockReleased() {
  std::unique_lock<std::mutex> lock(m);
  // CHECK: :[[@LINE-1]]:3: warning: guard 'lock' held for 1 statements, up to its release
  // CHECK-NEXT: :[[@LINE-2]]:3: note: it locks 'm'
  ++counter;
  lock.unlock();
  ++counter;
}

void deferred() {
  std::unique_lock<std::mutex> lock(m, std::defer_lock);
  ++counter;
}

void byHand() {
  m.lock();
  // CHECK: :[[@LINE-1]]:3: warning: mutex 'm' held for 1 statements, up to its release
  // CHECK-NEXT: :[[@LINE-2]]:3: note: it locks 'm'
  ++counter;
  m.unlock();
  {
    std::lock_guard<std::mutex> inner(m);
    // CHECK: :[[@LINE-1]]:5: warning: guard 'inner' held for 0 statements to the end of the block
    // CHECK-NEXT: :[[@LINE-2]]:5: note: it locks 'm'
  }
}

void releasedButStillLocked() {
  std::unique_lock<std::mutex> lock(m);
  // CHECK: :[[@LINE-1]]:3: warning: guard 'lock' held for 2 statements to the end of the block
  // CHECK-NEXT: :[[@LINE-2]]:3: note: it locks 'm'
  lock.release(); // the mutex stays locked
  ++counter;
}

void madeWithAFunctionalCast() {
  auto lock = std::unique_lock(m);
  // CHECK: :[[@LINE-1]]:3: warning: guard 'lock' held for 1 statements to the end of the block
  // CHECK-NEXT: :[[@LINE-2]]:3: note: it locks 'm'
  ++counter;
}

void lockedAgain() {
  std::unique_lock<std::mutex> lock(m);
  // CHECK: :[[@LINE-1]]:3: warning: guard 'lock' held for 0 statements, up to its release
  // CHECK-NEXT: :[[@LINE-2]]:3: note: it locks 'm'
  lock.unlock();
  ++counter;
  lock.lock();
  // CHECK: :[[@LINE-1]]:3: warning: guard 'lock' held for 1 statements to the end of the block
  // CHECK-NEXT: :[[@LINE-2]]:3: note: it locks 'm'
  ++counter;
}

std::mutex other;

struct Account {
  std::mutex mutex;
  int balance = 0;
  void twoMutexes() {
    std::scoped_lock lock(mutex, other);
    // CHECK: :[[@LINE-1]]:5: warning: guard 'lock' held for 1 statements to the end of the block
    // CHECK-NEXT: :[[@LINE-2]]:5: note: it locks 'mutex'
    // CHECK-NEXT: :[[@LINE-3]]:5: note: it locks 'other'
    ++balance;
  }
  void adopted() {
    std::lock(mutex, other);
    std::lock_guard<std::mutex> first(mutex, std::adopt_lock);
    // CHECK: :[[@LINE-1]]:5: warning: guard 'first' held for 2 statements to the end of the block
    // CHECK-NEXT: :[[@LINE-2]]:5: note: it locks 'mutex'
    std::lock_guard<std::mutex> second(other, std::adopt_lock);
    // CHECK: :[[@LINE-1]]:5: warning: guard 'second' held for 1 statements to the end of the block
    // CHECK-NEXT: :[[@LINE-2]]:5: note: it locks 'other'
    ++balance;
  }
};
