// Which locks a block takes, and for how many of its statements each is held.
// RUN: %probe_tidy -checks='-*,probe-lock-scopes' %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not="warning:"

#include <mutex>

std::mutex m;
int counter;

void guards() {
  std::lock_guard<std::mutex> guard(m);
  // CHECK: :[[@LINE-1]]:3: warning: guard 'guard' held for 2 statements to the end of the block [probe-lock-scopes]
  ++counter;
  ++counter;
}

void uniqueLockReleased() {
  std::unique_lock<std::mutex> lock(m);
  // CHECK: :[[@LINE-1]]:3: warning: guard 'lock' held for 1 statements, up to its release
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
  ++counter;
  m.unlock();
  {
    std::lock_guard<std::mutex> inner(m);
    // CHECK: :[[@LINE-1]]:5: warning: guard 'inner' held for 0 statements to the end of the block
  }
}

void releasedButStillLocked() {
  std::unique_lock<std::mutex> lock(m);
  // CHECK: :[[@LINE-1]]:3: warning: guard 'lock' held for 2 statements to the end of the block
  lock.release(); // the mutex stays locked
  ++counter;
}

void madeWithAFunctionalCast() {
  auto lock = std::unique_lock(m);
  // CHECK: :[[@LINE-1]]:3: warning: guard 'lock' held for 1 statements to the end of the block
  ++counter;
}

void lockedAgain() {
  std::unique_lock<std::mutex> lock(m);
  // CHECK: :[[@LINE-1]]:3: warning: guard 'lock' held for 0 statements, up to its release
  lock.unlock();
  ++counter;
  lock.lock();
  // CHECK: :[[@LINE-1]]:3: warning: guard 'lock' held for 1 statements to the end of the block
  ++counter;
}
