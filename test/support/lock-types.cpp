// What a class is to the lock model (support/LockTypes.h): a mutex, a guard,
// the implementation of a lock or an event, an object that owns a mutex.
// RUN: %probe_tidy -checks='-*,probe-lock-types' %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not="warning:"

#include <mutex>
#include <pthread.h>

// A wrapper with lock() and unlock(): a mutex, and the implementation of one.
class Mutex {
  // CHECK: :[[@LINE-1]]:7: warning: mutex true, guard false, implements true, owns true
public:
  void lock() { m_.lock(); }
  void unlock() { m_.unlock(); }

private:
  std::mutex m_;
};

// A guard of it.
class MutexLock {
  // CHECK: :[[@LINE-1]]:7: warning: mutex false, guard true, implements false, owns false
public:
  explicit MutexLock(Mutex *mu) : mu_(mu) { mu_->lock(); }
  ~MutexLock() { mu_->unlock(); }

private:
  Mutex *mu_;
};

// An empty lock() takes nothing; the class still says it unlocks.
struct NoLock {
  // CHECK: :[[@LINE-1]]:8: warning: mutex false, guard false, implements true, owns false
  void lock() {}
  void unlock() {}
};

// An asynchronous mutex whose Lock() returns what to co_await, and a
// shared one that only unlocks by another name.
struct AsyncMutex {
  // CHECK: :[[@LINE-1]]:8: warning: mutex false, guard false, implements true, owns false
  int Lock();
  void Unlock();
};
struct SharedCore {
  // CHECK: :[[@LINE-1]]:8: warning: mutex false, guard false, implements true, owns false
  void UnlockHereShared();
};

// Events: wait() with set(), signal() or notify_all().
struct Event {
  // CHECK: :[[@LINE-1]]:8: warning: mutex false, guard false, implements true, owns false
  void Wait();
  void Set();
};
struct Latch {
  // CHECK: :[[@LINE-1]]:8: warning: mutex false, guard false, implements true, owns false
  void wait();
  void notify_all();
};

// Users of locks: a pool that waits for its workers, a table with set().
struct Pool {
  // CHECK: :[[@LINE-1]]:8: warning: mutex false, guard false, implements false, owns false
  void wait();
  void post(int job);
};
struct Table {
  // CHECK: :[[@LINE-1]]:8: warning: mutex false, guard false, implements false, owns false
  void set(int key, int value);
  void unlocked_size();
};

// Owners of a mutex: a member of a mutex class, of a C API's lock type, or
// a base that owns one.
struct Registry {
  // CHECK: :[[@LINE-1]]:8: warning: mutex false, guard false, implements false, owns true
  pthread_mutex_t mutex;
  int count;
};
typedef pthread_rwlock_t RwLock;
struct Table2 {
  // CHECK: :[[@LINE-1]]:8: warning: mutex false, guard false, implements false, owns true
  RwLock lock;
};
struct Derived : Registry {
  // CHECK: :[[@LINE-1]]:8: warning: mutex false, guard false, implements false, owns true
};
struct PlainData {
  // CHECK: :[[@LINE-1]]:8: warning: mutex false, guard false, implements false, owns false
  pthread_t thread;
  int count;
};
