// What makes a member guarded: a write with the mutex held. Shapes from the
// corpus (see docs/precision.md) where the old evidence, any access under
// the lock, made a race report that nobody would believe.
// RUN: %check_async_tidy --fix-notes %s async-unguarded-member %t -- -std=c++17

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

// ---- not reported -------------------------------------------------------------

// Configuration written at set-up and only read next to guarded state.
class Pool {
public:
  void resize(int threads) { thread_count_ = threads; }
  int work() {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.assign(thread_count_, 0);
    return thread_count_;
  }

private:
  std::mutex mutex_;
  int thread_count_ = 0;
  std::vector<int> queue_;
};

// An address is not an access; a call through a pointer member changes the
// pointee, not the member; a const member function only reads.
struct Node {
  Node *next = nullptr;
};
class Route {
public:
  Node *head() { return &cache_; }
  void add(Node *n) {
    std::lock_guard<std::mutex> lock(mutex_);
    n->next = cache_.next;
    cache_.next = n;
  }
  void rename() { name_->append("x"); }
  std::string *name() const { return name_; }
  void setTask(std::string *task) {
    std::lock_guard<std::mutex> lock(mutex_);
    name_->append("y");
    (void)task;
  }

private:
  std::mutex mutex_;
  Node cache_;
  std::string *name_ = nullptr;
};

// Functions that say they are not for concurrent use.
#define NO_THREAD_SAFETY_ANALYSIS __attribute__((no_thread_safety_analysis))
class Event {
public:
  void set() {
    std::lock_guard<std::mutex> lock(mutex_);
    ready_ = true;
  }
  /// Reset for reuse. Not thread-safe: call it when no set() is in flight.
  void reset() { ready_ = false; }
  bool peekForTest() NO_THREAD_SAFETY_ANALYSIS { return ready_; }

private:
  std::mutex mutex_;
  bool ready_ = false;
};

// A class that is not thread-safe, whose only locked code copies another
// object.
class Settings {
public:
  Settings &operator=(Settings &&other) {
    std::scoped_lock lock(mutex_, other.mutex_);
    values_ = std::move(other.values_);
    return *this;
  }
  void add(int value) { values_.push_back(value); }

private:
  std::mutex mutex_;
  std::vector<int> values_;
};

// A member function of a class template, called from its worker with the
// worker's lock held; and a call a template leaves unresolved.
template <typename Task> class Workers {
public:
  void push(Task task) {
    std::scoped_lock lock(mutex_);
    tasks_.push_back(std::move(task));
  }
  void worker() {
    while (true) {
      std::unique_lock lock(mutex_);
      available_.wait(lock, [this] { return !tasks_.empty(); });
      {
        auto task = pop_task();
        lock.unlock();
        task();
      }
    }
  }
  template <typename T> void drain(T sink) {
    std::scoped_lock lock(mutex_);
    take(sink);
  }

private:
  Task pop_task() {
    Task task = std::move(tasks_.front());
    tasks_.pop_front();
    return task;
  }
  template <typename T> void take(T &sink) {
    sink(tasks_.front());
    tasks_.pop_front();
  }
  std::mutex mutex_;
  std::condition_variable available_;
  std::deque<Task> tasks_;
};
template class Workers<std::function<void()>>;

// A function that asserts its caller holds the lock runs under it; a tried
// lock is held where the test that it failed has left.
#define ASSERT_EXCLUSIVE_LOCK(m) __attribute__((assert_exclusive_lock(m)))
class Info {
public:
  void assertHeld() ASSERT_EXCLUSIVE_LOCK(mutex_) {}
  void setRep(int *rep) {
    assertHeld();
    rep_ = rep;
  }
  int *rep() {
    std::lock_guard<std::mutex> lock(mutex_);
    rep_ = nullptr;
    return rep_;
  }
  int *tryTake() {
    std::unique_lock<std::mutex> lock(mutex_, std::try_to_lock);
    if (!lock || rep_ == nullptr)
      return nullptr;
    int *taken = rep_;
    rep_ = nullptr;
    return taken;
  }

private:
  std::mutex mutex_;
  int *rep_ = nullptr;
};

// A reference member names someone else's object; the address of a part of
// a member is no access; an atomic member of a class template is shared.
#include <atomic>
struct Scheduler {
  void post(int) {}
};
struct Tree {
  Node root;
};
template <typename T> class Reactor {
public:
  explicit Reactor(Scheduler &scheduler) : scheduler_(scheduler) {}
  void run() {
    std::lock_guard<std::mutex> lock(mutex_);
    scheduler_.post(1);
    tree_.root.next = nullptr;
    tail_.store(nullptr);
  }
  void postLater() { scheduler_.post(2); }
  Node *root() { return &tree_.root; }
  T *tail() { return tail_.load(); }
  void clearTail() { tail_.store(nullptr); }

private:
  std::mutex mutex_;
  Scheduler &scheduler_;
  Tree tree_;
  std::atomic<T *> tail_{nullptr};
};
template class Reactor<int>;

// A private member function that nothing in the class calls.
class Orphan {
public:
  void set(int v) {
    std::lock_guard<std::mutex> lock(mutex_);
    value_ = v;
  }

private:
  int peek() { return value_; }
  std::mutex mutex_;
  int value_ = 0;
};

// A member that locks for itself.
class SuccessorCache {
public:
  void add(int id) {
    std::lock_guard<std::mutex> lock(mutex_);
    ids_.assign(1, id);
  }

private:
  std::mutex mutex_;
  std::vector<int> ids_;
};
class FlowNode {
public:
  void registerSuccessor(int id) {
    std::lock_guard<std::mutex> lock(mutex_);
    successors_.add(id);
  }
  void addUnlocked(int id) { successors_.add(id); }

private:
  std::mutex mutex_;
  SuccessorCache successors_;
};

// A pointer member handed on by value: the callee changes the block it
// points to, not the member (oneTBB's arena frees its cache this way).
class Arena {
public:
  void trim() {
    std::lock_guard<std::mutex> lock(mutex_);
    release(cache_);
  }
  int *cache() const { return cache_; }

private:
  static void release(int *block) { block[0] = 0; }
  std::mutex mutex_;
  int *cache_ = nullptr;
};

// A member that locks for itself through a base (oneTBB's successor caches
// inherit their mutex), also when it is a template parameter that defaults
// to a mutex.
template <typename T, typename M = std::mutex> class CacheBase {
protected:
  typedef M mutex_type;
  mutex_type mutex_;
  std::deque<T> items_;
};
template <typename T, typename M = std::mutex>
class Cache : public CacheBase<T, M> {
public:
  void add(T item) {
    std::lock_guard<M> lock(this->mutex_);
    this->items_.push_back(item);
  }
};
template <typename T> class Limiter {
public:
  void push(T item) {
    std::lock_guard<std::mutex> lock(mutex_);
    successors_.add(item);
    ++count_;
  }
  void forward(T item) { successors_.add(item); }

private:
  std::mutex mutex_;
  Cache<T> successors_;
  int count_ = 0;
};
template class Limiter<int>;

// A read before the function takes the lock itself is a deliberate fast
// path, checked again under the lock.
class Breaker {
public:
  void trip() {
    std::lock_guard<std::mutex> lock(mutex_);
    ++broken_;
  }
  void notifyAvailable() {
    if (broken_ == 0)
      return;
    std::lock_guard<std::mutex> lock(mutex_);
    --broken_;
  }

private:
  std::mutex mutex_;
  int broken_ = 0;
};

// A protected member function that nothing in the class calls runs when a
// base or a derived class calls it (oneTBB's reset_node(), from a graph
// reset that must not run concurrently); set-up and teardown functions by
// name (`SingleThreadedFunctions`).
class NodeBase {
public:
  virtual ~NodeBase() = default;

protected:
  virtual void resetNode() = 0;
};
class Node2 : public NodeBase {
public:
  void put() {
    std::lock_guard<std::mutex> lock(mutex_);
    ++count_;
  }
  void shutdown() { count_ = 0; }
  void destroy_services() { count_ = 0; }
  void init() { clear(); }
  /// Cannot be used concurrently with put().
  int peek() const { return count_; }
  // Plain comments say it too: cannot be used concurrently with put().
  int peekAgain() const { return count_; }

protected:
  void resetNode() override { count_ = 0; }

private:
  // Called only from set-up.
  void clear() { count_ = 0; }
  std::mutex mutex_;
  int count_ = 0;
};

// A guard moved away in one branch: the other branch and the condition
// still hold it, and a branch that moves it and returns leaves it held on
// the paths that go on (yaclib's thread pool).
class StoppingPool {
public:
  void push() {
    std::unique_lock<std::mutex> lock(mutex_);
    state_ += 4;
  }
  void softStop() {
    std::unique_lock<std::mutex> lock(mutex_);
    if (noJobs())
      stop(std::move(lock));
    else
      state_ |= 2;
  }
  void loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (int round = 0; round < 8; ++round) {
      if (noJobs() && wantStop())
        return stop(std::move(lock));
      if (wasStopped())
        return;
      state_ -= 4;
    }
  }

private:
  bool noJobs() const { return (state_ >> 2) == 0; }
  bool wantStop() const { return (state_ & 2) != 0; }
  bool wasStopped() const { return (state_ & 1) != 0; }
  void stop(std::unique_lock<std::mutex> &&lock) {
    state_ |= 1;
    lock.unlock();
  }
  std::mutex mutex_;
  unsigned state_ = 0;
};

// White-box tests make everything public in their translation unit; the
// class still says what is protected.
#define protected public
class Whitebox : public NodeBase {
public:
  void put() {
    std::lock_guard<std::mutex> lock(mutex_);
    ++count_;
  }

protected:
  void resetNode() override { count_ = 0; }

private:
  std::mutex mutex_;
  int count_ = 0;
};
#undef protected

// A flag or pointer that one member function locks around: state handed
// from thread to thread by a protocol (workflow's series: the running task
// sets the last task, pop() takes it after that task is done). One locked
// function is not evidence enough for a scalar; two are (see Server below).
struct Task;
class Series {
public:
  Task *pop() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!queue_.empty()) {
      Task *next = queue_.back();
      queue_.pop_back();
      return next;
    }
    Task *task = last_;
    last_ = nullptr;
    return task;
  }
  Task *lastTask() const { return last_; }
  void setLastTask(Task *task) { last_ = task; }
  void unsetLastTask() { last_ = nullptr; }
  void add(Task *task) {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(task);
  }

private:
  std::mutex mutex_;
  std::vector<Task *> queue_;
  Task *last_ = nullptr;
};

// The implementation of a lock or an event: its state follows the
// primitive's protocol (the owner's recursion count; a reset while nobody
// waits).
class RecursiveLock {
public:
  void lock() {
    if (owner_ == current()) {
      ++depth_;
      return;
    }
    mutex_.lock();
    owner_ = current();
    depth_ = 1;
    names_.push_back("lock");
  }
  void unlock() {
    if (--depth_ == 0) {
      owner_ = 0;
      names_.clear();
      mutex_.unlock();
    }
  }

private:
  static long current();
  std::mutex mutex_;
  long owner_ = 0;
  int depth_ = 0;
  std::vector<std::string> names_;
};
class ManualEvent {
public:
  void set() {
    std::lock_guard<std::mutex> lock(mutex_);
    ready_ = true;
    waiters_.clear();
    ready_cv_.notify_all();
  }
  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_cv_.wait(lock, [this] { return ready_; });
  }
  void reset() {
    ready_ = false;
    waiters_.clear();
  }

private:
  std::mutex mutex_;
  std::condition_variable ready_cv_;
  bool ready_ = false;
  std::vector<int> waiters_;
};

// A function that asserts, with no lock, the state the member is in relies
// on a protocol that keeps other threads away: cpprest's stream buffer
// makes a block in alloc() and hands it over under the lock in commit().
#include <cassert>
#include <memory>
class StreamBuffer {
public:
  char *alloc(std::size_t count) {
    assert(!pending_);
    pending_ = std::make_shared<std::vector<char>>(count);
    return pending_->data();
  }
  void commit() {
    std::lock_guard<std::mutex> lock(mutex_);
    blocks_.push_back(pending_);
    pending_ = nullptr;
  }
  void consume() {
    std::lock_guard<std::mutex> lock(mutex_);
    blocks_.clear();
  }

private:
  std::mutex mutex_;
  std::shared_ptr<std::vector<char>> pending_;
  std::vector<std::shared_ptr<std::vector<char>>> blocks_;
};

// A member returned by reference: what the caller does with it is the
// access, and a lock in the function would not cover it. And start(), like
// init(), runs before other threads use the object.
class Connection {
public:
  void upgrade(std::string host) {
    std::lock_guard<std::mutex> lock(mutex_);
    host_ = std::move(host);
    acceptor_ = std::make_unique<int>(0);
  }
  const std::string &host() const { return host_; }
  void start() { acceptor_ = std::make_unique<int>(1); }
  void stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    acceptor_.reset();
  }

private:
  std::mutex mutex_;
  std::string host_;
  std::unique_ptr<int> acceptor_;
};

// ---- reported -----------------------------------------------------------------

class Counters {
public:
  void bump(std::size_t i) {
    std::lock_guard<std::mutex> lock(mutex_);
    counts_[i] = counts_[i] + 1;
  }
  // An element assigned through operator[]: a write.
  void clear(std::size_t i) { counts_[i] = 0; }
  // CHECK-NOTES: :[[@LINE-1]]:31: warning: 'counts_' is written without holding 'mutex_', which guards it elsewhere: concurrent calls race [async-unguarded-member]
  // CHECK-NOTES: :[[@LINE-5]]:5: note: 'counts_' is written with 'mutex_' held here
  // CHECK-NOTES: :[[@LINE-3]]:29: note: hold 'mutex_' for the whole function
  // CHECK-FIXES: {{^}}  void clear(std::size_t i) { std::scoped_lock lock(mutex_); counts_[i] = 0; }{{$}}

  // The address handed to a function that may write through it.
  void reset() { fill(&last_); }
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'last_' is written without holding 'mutex_', which guards it elsewhere: concurrent calls race [async-unguarded-member]
  // CHECK-NOTES: :[[@LINE+12]]:5: note: 'last_' is written with 'mutex_' held here
  // CHECK-NOTES: :[[@LINE-3]]:16: note: hold 'mutex_' for the whole function
  // CHECK-FIXES: {{^}}  void reset() { std::scoped_lock lock(mutex_); fill(&last_); }{{$}}

  // A read of a member written under the lock.
  int first() { return counts_.front(); }
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'counts_' is read without holding 'mutex_', which guards it elsewhere: concurrent calls race [async-unguarded-member]
  // CHECK-NOTES: :[[@LINE-19]]:5: note: 'counts_' is written with 'mutex_' held here
  // CHECK-NOTES: :[[@LINE-3]]:15: note: hold 'mutex_' for the whole function
  // CHECK-FIXES: {{^}}  int first() { std::scoped_lock lock(mutex_); return counts_.front(); }{{$}}
  void record(int value) {
    std::lock_guard<std::mutex> lock(mutex_);
    last_ = value;
  }
  int last() {
    std::lock_guard<std::mutex> lock(mutex_);
    return last_;
  }

private:
  static void fill(int *out) { *out = 0; }
  std::mutex mutex_;
  std::vector<int> counts_ = std::vector<int>(8);
  int last_ = 0;
};

// A write outside the lock in a function that takes it elsewhere is no fast
// path; an array member handed to a pointer parameter is written.
class Journal {
public:
  void append(int value) {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.push_back(value);
  }
  void rotate() {
    entries_.clear();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'entries_' is written without holding 'mutex_', which guards it elsewhere: concurrent calls race [async-unguarded-member]
    // CHECK-NOTES: :[[@LINE-5]]:5: note: 'entries_' is written with 'mutex_' held here
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.push_back(0);
  }
  void stamp() {
    std::lock_guard<std::mutex> lock(mutex_);
    fill(label_);
  }
  void relabel() { fill(label_); }
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: 'label_' is written without holding 'mutex_', which guards it elsewhere: concurrent calls race [async-unguarded-member]
  // CHECK-NOTES: :[[@LINE-4]]:10: note: 'label_' is written with 'mutex_' held here
  // CHECK-NOTES: :[[@LINE-3]]:18: note: hold 'mutex_' for the whole function
  // CHECK-FIXES: {{^}}  void relabel() { std::scoped_lock lock(mutex_); fill(label_); }{{$}}

private:
  static void fill(char *out) { out[0] = 'x'; }
  std::mutex mutex_;
  std::vector<int> entries_;
  char label_[8] = {};
};

// A read in another branch than the one that takes the lock is no fast
// path; the condition of the branch that locks is (double-checked locking).
class Branches {
public:
  int update(bool write, int value) {
    if (!write)
      return value_;
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'value_' is read without holding 'mutex_', which guards it elsewhere: concurrent calls race [async-unguarded-member]
    // CHECK-NOTES: :[[@LINE+3]]:7: note: 'value_' is written with 'mutex_' held here
    else {
      std::lock_guard<std::mutex> lock(mutex_);
      value_ = value;
    }
    return 0;
  }
  void ensure() {
    if (!ready_) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!ready_)
        ready_ = true;
    }
  }
  int value() {
    std::lock_guard<std::mutex> lock(mutex_);
    return value_;
  }

private:
  std::mutex mutex_;
  int value_ = 0;
  bool ready_ = false;
};

// A flag that two member functions lock around (crow's server_started_,
// set by the server thread and waited for under the lock), read without it.
class Server {
public:
  void run() {
    std::lock_guard<std::mutex> lock(mutex_);
    started_ = true;
  }
  bool waitStarted() {
    std::lock_guard<std::mutex> lock(mutex_);
    return started_;
  }
  int port() const { return started_ ? 80 : 0; }
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: 'started_' is read without holding 'mutex_', which guards it elsewhere: concurrent calls race [async-unguarded-member]
  // CHECK-NOTES: :[[@LINE-8]]:5: note: 'started_' is written with 'mutex_' held here

private:
  std::mutex mutex_;
  bool started_ = false;
};
