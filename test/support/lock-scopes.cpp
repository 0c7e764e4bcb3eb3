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

// release() hands the locked mutex to whoever took it: the guard's hold
// ends there.
void releasedToTheCaller() {
  std::unique_lock<std::mutex> lock(m);
  // CHECK: :[[@LINE-1]]:3: warning: guard 'lock' held for 0 statements, up to its release
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
    // CHECK: :[[@LINE-1]]:5: warning: mutex 'mutex' held for 3 statements to the end of the block
    // CHECK-NEXT: :[[@LINE-2]]:5: note: it locks 'mutex'
    // CHECK-NEXT: :[[@LINE-3]]:5: note: it locks 'other'
    std::lock_guard<std::mutex> first(mutex, std::adopt_lock);
    // CHECK: :[[@LINE-1]]:5: warning: guard 'first' held for 2 statements to the end of the block
    // CHECK-NEXT: :[[@LINE-2]]:5: note: it locks 'mutex'
    std::lock_guard<std::mutex> second(other, std::adopt_lock);
    // CHECK: :[[@LINE-1]]:5: warning: guard 'second' held for 1 statements to the end of the block
    // CHECK-NEXT: :[[@LINE-2]]:5: note: it locks 'other'
    ++balance;
  }
};

// ---- the lock model of issue 15 ---------------------------------------------

// A failed attempt that leaves: held after it. A guard made with
// try_to_lock holds nothing by itself.
bool triedAndGot() {
  if (!m.try_lock())
    return false;
  // CHECK: :[[@LINE-2]]:3: warning: mutex 'm' held for 1 statements, up to its release
  // CHECK-NEXT: :[[@LINE-3]]:3: note: it locks 'm'
  ++counter;
  m.unlock();
  return true;
}
void triedWithAGuard() {
  std::unique_lock<std::mutex> lock(m, std::try_to_lock);
  if (!lock.owns_lock())
    return;
  // CHECK: :[[@LINE-2]]:3: warning: guard 'lock' held for 1 statements to the end of the block
  // CHECK-NEXT: :[[@LINE-3]]:3: note: it locks 'm'
  ++counter;
}
void spinsUntilGot() {
  while (!m.try_lock())
    ;
  // CHECK: :[[@LINE-2]]:3: warning: mutex 'm' held for 1 statements, up to its release
  // CHECK-NEXT: :[[@LINE-3]]:3: note: it locks 'm'
  ++counter;
  m.unlock();
}
// A failed attempt that goes on is no lock.
void triedAndWentOn() {
  if (!m.try_lock())
    ++counter;
}

// A guard moved away (into an awaiter, a callee, a member) holds no more.
void consume(std::unique_lock<std::mutex> lock);
void movedAway() {
  std::unique_lock<std::mutex> lock(m);
  // CHECK: :[[@LINE-1]]:3: warning: guard 'lock' held for 1 statements, up to its release
  // CHECK-NEXT: :[[@LINE-2]]:3: note: it locks 'm'
  ++counter;
  consume(std::move(lock));
  ++counter;
}

// A reference to the mutex names the mutex.
void throughAReference() {
  std::mutex &alias = m;
  std::lock_guard<std::mutex> lock(alias);
  // CHECK: :[[@LINE-1]]:3: warning: guard 'lock' held for 0 statements to the end of the block
  // CHECK-NEXT: :[[@LINE-2]]:3: note: it locks 'm'
}

// Types the options do not list: a wrapper with lock() and unlock() is a
// mutex, a class built from one that unlocks in its destructor is a guard;
// an empty lock() takes nothing.
namespace port {
class Mutex {
public:
  void lock() { mu_.lock(); }
  // CHECK: :[[@LINE-1]]:17: warning: mutex 'mu_' held for 0 statements to the end of the block
  // CHECK-NEXT: :[[@LINE-2]]:17: note: it locks 'mu_'
  void unlock() { mu_.unlock(); }

private:
  std::mutex mu_;
};
class MutexLock {
public:
  explicit MutexLock(Mutex *mu) : mu_(mu) { mu_->lock(); }
  ~MutexLock() { mu_->unlock(); }

private:
  Mutex *mu_;
};
struct NoLock {
  void lock() {}
  void unlock() {}
};
} // namespace port
port::Mutex wrapped;
port::NoLock nothing;
void wrappers() {
  wrapped.lock();
  // CHECK: :[[@LINE-1]]:3: warning: mutex 'wrapped' held for 1 statements, up to its release
  // CHECK-NEXT: :[[@LINE-2]]:3: note: it locks 'wrapped'
  ++counter;
  wrapped.unlock();
  nothing.lock();
  ++counter;
  nothing.unlock();
  {
    std::lock_guard<port::NoLock> none(nothing);
    ++counter;
  }
  {
    port::MutexLock guard(&wrapped);
    // CHECK: :[[@LINE-1]]:5: warning: guard 'guard' held for 1 statements to the end of the block
    // CHECK-NEXT: :[[@LINE-2]]:5: note: it locks 'wrapped'
    ++counter;
  }
}
