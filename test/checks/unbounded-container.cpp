// RUN: %check_async_tidy %s async-unbounded-container %t -- -std=c++17
// RUN: %check_async_tidy --check-suffix=OPTS %s async-unbounded-container %t-opts \
// RUN:   -config="{CheckOptions: {async-unbounded-container.ContainerTypes: '::app::Ring', async-unbounded-container.SetUpFunctions: 'boot'}}" -- -std=c++17

#include <algorithm>
#include <atomic>
#include <deque>
#include <mutex>
#include <pthread.h>
#include <thread>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace app {
template <typename T> struct Ring {
  void push_back(T);
};
} // namespace app

// ---- positives -------------------------------------------------------------

// The reviews' per-job maps, error lists and latency samples, in a tracker
// that locks for itself: shared between threads, it lives as long as the
// service. The job map is keyed by a counter, so every launch() adds a key.
class JobTracker {
public:
  int launch(std::string name) {
    std::lock_guard<std::mutex> lock(mutex_);
    int job = next_job_++;
    names_[job] = std::move(name);
    return job;
  }
  void fail(int job, std::string error) { errors_[job].push_back(error); }
  void sample(double latency) { latencies_.push_back(latency); }
  std::size_t running() {
    std::lock_guard<std::mutex> lock(mutex_);
    return names_.size();
  }
  void retry(int job) { errors_[job].clear(); }
  void scale(double by) { for (auto &l : latencies_) l *= by; }

private:
  std::mutex mutex_;
  int next_job_ = 0;
  std::map<int, std::string> names_;
  // Keyed by the caller's job ids, and its vectors are cleared: not shown
  // to grow.
  std::unordered_map<int, std::vector<std::string>> errors_;
  std::vector<double> latencies_;
  app::Ring<int> ring_;
  // CHECK-NOTES: :[[@LINE-6]]:30: warning: 'names_' only grows: no member function removes from it, so a long-running process keeps every element forever [async-unbounded-container]
  // CHECK-NOTES: :[[@LINE-22]]:5: note: it grows here
  // CHECK-NOTES: :[[@LINE-4]]:23: warning: 'latencies_' only grows
  // CHECK-NOTES: :[[@LINE-20]]:44: note: it grows here
};

// Keys from a counter: a local taken from it, or the member after `++`.
class Sessions {
public:
  long open(std::string user) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto id = next_id_.fetch_add(1);
    users_.emplace(id, std::move(user));
    return id;
  }
  void queue(std::string request) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++sequence_;
    pending_.insert({sequence_, std::move(request)});
  }

private:
  std::mutex mutex_;
  std::atomic<long> next_id_{0};
  long sequence_ = 0;
  std::unordered_map<long, std::string> users_;
  std::map<long, std::string> pending_;
  // CHECK-NOTES: :[[@LINE-2]]:41: warning: 'users_' only grows
  // CHECK-NOTES: :[[@LINE-16]]:12: note: it grows here
  // CHECK-NOTES: :[[@LINE-3]]:31: warning: 'pending_' only grows
  // CHECK-NOTES: :[[@LINE-12]]:14: note: it grows here
};

// Nested: the vectors in the map grow, whatever the keys.
class Inbox {
public:
  void deliver(const std::string &user, std::string message) {
    std::lock_guard<std::mutex> lock(mutex_);
    inbox_.at(user).push_back(std::move(message));
  }
  std::size_t users() {
    std::lock_guard<std::mutex> lock(mutex_);
    return inbox_.size();
  }

private:
  std::mutex mutex_;
  std::map<std::string, std::vector<std::string>> inbox_;
  // CHECK-NOTES: :[[@LINE-1]]:51: warning: 'inbox_' only grows: no member function removes from it or from the containers it holds, so a long-running process keeps every element forever
  // CHECK-NOTES: :[[@LINE-11]]:21: note: it grows here
};

// A singleton locked with a pthread mutex (workflow's upstream manager):
// upstream_delete() elsewhere never removes the policy from this list.
class UpstreamRegistry {
public:
  static UpstreamRegistry *instance() {
    static UpstreamRegistry registry;
    return &registry;
  }
  void add(void *policy) {
    pthread_mutex_lock(&mutex_);
    policies_.push_back(policy);
    pthread_mutex_unlock(&mutex_);
  }

private:
  pthread_mutex_t mutex_ = PTHREAD_MUTEX_INITIALIZER;
  std::vector<void *> policies_;
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'policies_' only grows
  // CHECK-NOTES: :[[@LINE-8]]:15: note: it grows here
};

// A vector used as a queue: every pop moves the rest.
void drain(std::vector<int> &queue) {
  while (!queue.empty())
    queue.erase(queue.begin());
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: vector used as a queue: erase(begin()) moves every element that remains, a linear cost per removal; use std::deque or a ring buffer
  // CHECK-MESSAGES-OPTS: :[[@LINE-2]]:11: warning: vector used as a queue
}

// A user-listed container, with the option; a user-listed set-up function
// fills once.
class Recorder {
public:
  void record(int value) { ring_.push_back(value); }
  void boot() { warm_.push_back(0); }

private:
  std::mutex mutex_;
  app::Ring<int> ring_, warm_;
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:18: warning: 'ring_' only grows
};

// Growth per call in any loop but a counted one: a batch of a request, a
// drained socket. A connection made here is not a caller's registration,
// even if it has virtual functions.
class Connection {
public:
  virtual ~Connection() = default;
};
class Acceptor {
public:
  void onBatch(const std::vector<int> &batch) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (int item : batch)
      seen_.push_back(item);
  }
  void onAccept() {
    std::lock_guard<std::mutex> lock(mutex_);
    auto connection = std::make_shared<Connection>();
    while (connections_.size() < 1000000)
      connections_.push_back(connection);
  }

private:
  std::mutex mutex_;
  std::vector<int> seen_;
  std::vector<std::shared_ptr<Connection>> connections_;
  // CHECK-NOTES: :[[@LINE-2]]:20: warning: 'seen_' only grows
  // CHECK-NOTES: :[[@LINE-14]]:13: note: it grows here
  // CHECK-NOTES: :[[@LINE-3]]:44: warning: 'connections_' only grows
  // CHECK-NOTES: :[[@LINE-10]]:20: note: it grows here
};

// ---- must not flag -----------------------------------------------------------

// Any removal path bounds it: erase, pop, clear, swap, reassignment, and for
// nested containers the outer erase.
class Bounded {
public:
  void add(int job) { jobs_.push_back(job); }
  void done() { jobs_.pop_front(); }
  void put(int k, int v) { table_[k] = v; }
  void drop(int k) { table_.erase(k); }
  void log(std::string line) {
    lines_.push_back(std::move(line));
    if (lines_.size() > 100)
      lines_.erase(lines_.begin(), lines_.begin() + 50);
  }
  void note(const std::string &user, int n) { nested_[user].push_back(n); }
  void forget(const std::string &user) { nested_.erase(user); }
  void sample(int v) { samples_.push_back(v); }
  void flush() { std::vector<int>().swap(samples_); }
  void keep(int v) { kept_.push_back(v); }
  void reset() { kept_ = {}; }
  void grow(int v) { moved_.push_back(v); }
  std::vector<int> take() { return std::move(moved_); }

private:
  std::deque<int> jobs_;
  std::map<int, int> table_;
  std::vector<std::string> lines_;
  std::map<std::string, std::vector<int>> nested_;
  std::vector<int> samples_, kept_, moved_;
  std::mutex mutex_;
};

// Removed through a reference, a callback, or std::erase_if.
class Indirect {
public:
  void add(int v) { values_.push_back(v); }
  void purge() {
    auto &values = values_;
    values.clear();
  }
  void tick(int k) { timers_[k] = k; }
  void expire() {
    auto cleanup = [this] { timers_.clear(); };
    cleanup();
  }
  void push(int v) { odd_.push_back(v); }
  void prune() {
    odd_.erase(std::remove_if(odd_.begin(), odd_.end(),
                              [](int v) { return v % 2 == 0; }),
               odd_.end());
  }

private:
  std::vector<int> values_;
  std::map<int, int> timers_;
  std::vector<int> odd_;
  std::mutex mutex_;
};

// A member function defined elsewhere could remove: not judged.
class Partial {
public:
  void add(int v) { values_.push_back(v); }
  void removeAll();

private:
  std::vector<int> values_;
  std::mutex mutex_;
};

// Filled only by the constructor: bounded by construction.
class Fixed {
public:
  Fixed() {
    for (int i = 0; i < 8; ++i)
      slots_.push_back(i);
  }
  int slot(int i) const { return slots_[i]; }

private:
  std::vector<int> slots_;
  std::mutex mutex_;
};

// Filled once: by a set-up function (start, init ...), or by a counted
// loop (crow's io_context pool, one per worker thread, in run()).
class Server {
public:
  void start() {
    std::lock_guard<std::mutex> lock(mutex_);
    listeners_.push_back(80);
  }
  void run(int threads) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (int i = 0; i < threads; ++i)
      pool_.push_back(std::make_unique<int>(i));
  }

private:
  std::mutex mutex_;
  std::vector<int> listeners_;
  std::vector<std::unique_ptr<int>> pool_;
};

// A registration: the caller hands over an object with behaviour (cpprest's
// pipeline stages, a logger's sinks). There are as many as the program is
// configured with.
class Stage {
public:
  virtual ~Stage() = default;
  virtual void handle(int request) = 0;
};
class Pipeline {
public:
  void append(const std::shared_ptr<Stage> &stage) {
    std::lock_guard<std::mutex> lock(mutex_);
    stages_.push_back(stage);
  }
  void adopt(std::unique_ptr<Stage> stage) {
    std::lock_guard<std::mutex> lock(mutex_);
    owned_.push_back(std::move(stage));
  }
  void attach(Stage *stage) {
    std::lock_guard<std::mutex> lock(mutex_);
    borrowed_.push_back(stage);
  }

private:
  std::mutex mutex_;
  std::vector<std::shared_ptr<Stage>> stages_;
  std::vector<std::unique_ptr<Stage>> owned_;
  std::vector<Stage *> borrowed_;
};

// The evidence of a long life is missing: an object that owns no mutex (a
// request, a parser, a builder), or a map whose keys come from outside (one
// per configured scheme, peer or route).
class Request {
public:
  void addHeader(std::string header) { headers_.push_back(std::move(header)); }

private:
  std::vector<std::string> headers_;
};
class SchemeRegistry {
public:
  void registerPort(const std::string &scheme, int port) {
    std::lock_guard<std::mutex> lock(mutex_);
    ports_[scheme] = port;
  }
  void registerQueue(const std::string &name) {
    std::lock_guard<std::mutex> lock(mutex_);
    queues_.emplace(name, 0);
  }

private:
  std::mutex mutex_;
  std::map<std::string, int> ports_;
  std::unordered_map<std::string, int> queues_;
};

// A reference member: the map is another object's, bounded or not there.
class Index {
public:
  explicit Index(std::vector<int> &entries) : entries_(entries) {}
  void add(int entry) {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.push_back(entry);
  }

private:
  std::mutex mutex_;
  std::vector<int> &entries_;
};

// Drained by the worker lambda that the constructor starts, or by a static
// member function handed the object.
class WorkerPool {
public:
  WorkerPool() {
    worker_ = std::thread([this] {
      std::lock_guard<std::mutex> lock(mutex_);
      while (!jobs_.empty())
        jobs_.pop_front();
    });
  }
  ~WorkerPool() { worker_.join(); }
  void post(int job) {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push_back(job);
    urgent_.push_back(job);
  }
  static void drainUrgent(WorkerPool *self) {
    std::lock_guard<std::mutex> lock(self->mutex_);
    self->urgent_.clear();
  }

private:
  std::mutex mutex_;
  std::deque<int> jobs_, urgent_;
  std::thread worker_;
};

// A deque used as a queue, and erase of another position.
void drainDeque(std::deque<int> &queue) {
  while (!queue.empty())
    queue.erase(queue.begin());
}
void eraseLast(std::vector<int> &values) {
  values.erase(values.end() - 1);
}
