// RUN: %check_async_tidy %s async-fire-and-forget %t \
// RUN:   -config="{CheckOptions: {async-fire-and-forget.SpawnFunctions: '::app::spawn'}}" -- -std=c++20
// RUN: %check_async_tidy --check-suffix=,NOTES --fix-notes %s async-fire-and-forget %t-notes \
// RUN:   -config="{CheckOptions: {async-fire-and-forget.SpawnFunctions: '::app::spawn'}}" -- -std=c++20

// Storing the handle, where the class already keeps handles of that type
// and waits for them. Each fix is on a note: the owner now waits for the
// task when it shuts down, and a std::async call no longer blocks.

#include <deque>
#include <future>
#include <list>
#include <thread>
#include <utility>
#include <vector>

void work();
int compute();

// std::thread kept in a vector that stop() joins.
class Pool {
public:
  void spawn() {
    std::thread worker(work);
    worker.detach();
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: thread is detached: nothing can wait for it to finish or learn that it failed [async-fire-and-forget]
    // CHECK-NOTES: :[[@LINE-2]]:12: note: keep the thread in 'workers_', which 'stop' joins
    // CHECK-FIXES-NOTES: {{^}}    workers_.push_back(std::move(worker));{{$}}
    std::thread(work).detach();
    // CHECK-NOTES: :[[@LINE-1]]:23: warning: thread is detached
    // CHECK-NOTES: :[[@LINE-2]]:23: note: keep the thread in 'workers_', which 'stop' joins
    // CHECK-FIXES-NOTES: {{^}}    workers_.push_back(std::thread(work));{{$}}
  }
  void stop() {
    for (auto &worker : workers_)
      worker.join();
  }
  ~Pool() { stop(); }

private:
  std::vector<std::thread> workers_;
};

// std::jthread elements join when they are destroyed: nothing else needs to.
class Crew {
public:
  void hire() {
    std::jthread hand(work);
    hand.detach();
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: thread is detached
    // CHECK-NOTES: :[[@LINE-2]]:10: note: keep the thread in 'hands_', whose threads join when they are destroyed
    // CHECK-FIXES-NOTES: {{^}}    hands_.push_back(std::move(hand));{{$}}
  }

private:
  std::deque<std::jthread> hands_;
};

// Joined by the destructor only.
class Team {
public:
  void add() {
    std::thread(work).detach();
    // CHECK-NOTES: :[[@LINE-1]]:23: warning: thread is detached
    // CHECK-NOTES: :[[@LINE-2]]:23: note: keep the thread in 'members_', which '~Team' joins
    // CHECK-FIXES-NOTES: {{^}}    members_.push_back(std::thread(work));{{$}}
  }
  ~Team() {
    for (auto &member : members_)
      member.join();
  }

private:
  std::vector<std::thread> members_;
};

// A dropped std::async future, kept in a list whose elements drain() gets.
class Batch {
public:
  void submit() {
    std::async(std::launch::async, compute);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: future returned by 'std::async' is discarded: the statement blocks until the task ends, and an exception it throws is lost [async-fire-and-forget]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: keep the future in 'pending_', which 'drain' waits for
    // CHECK-FIXES-NOTES: {{^}}    pending_.push_back(std::async(std::launch::async, compute));{{$}}
  }
  int drain() {
    int total = 0;
    while (!pending_.empty()) {
      total += pending_.front().get(); // NOLINT(async-wait-without-timeout)
      pending_.pop_front();
    }
    return total;
  }

private:
  std::list<std::future<int>> pending_;
};

// The handle of a user-listed spawn function, kept where shutdown() joins.
namespace app {
struct Task {
  void join();
};
Task spawn(void (*)());
} // namespace app
class Scheduler {
public:
  void post() {
    app::spawn(work);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: task handle returned by 'spawn' is discarded: the task can no longer be awaited, joined or cancelled, and its failure is lost [async-fire-and-forget]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: keep the handle in 'tasks_', which 'shutdown' waits for
    // CHECK-FIXES-NOTES: {{^}}    tasks_.push_back(app::spawn(work));{{$}}
  }
  void shutdown() {
    for (std::size_t i = 0; i < tasks_.size(); ++i)
      tasks_[i].join();
  }

private:
  std::vector<app::Task> tasks_;
};

// ---- no fix ------------------------------------------------------------------

// The vector holds threads, but nothing joins them: destroying a joinable
// std::thread calls std::terminate, so no fix moves one there.
class Leaky {
public:
  void spawn() {
    std::thread worker(work);
    worker.detach();
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: thread is detached
    // CHECK-NOTES: :[[@LINE-2]]:12: note: 'threads_' keeps such handles, but no member function joins them: a joinable std::thread destroyed there ends the program in std::terminate
  }
  std::size_t count() const { return threads_.size(); }

private:
  std::vector<std::thread> threads_;
};

// Futures of another type, or none kept: the note names the member to add.
class Mixed {
public:
  void submit() {
    std::async(std::launch::async, work);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: future returned by 'std::async' is discarded
    // CHECK-NOTES: :[[@LINE-2]]:5: note: keep the future in a member that waits for it, such as 'std::vector<std::future<void>>', and wait for its elements when the object shuts down
  }
  void wait() {
    for (auto &result : results_)
      result.wait(); // NOLINT(async-wait-without-timeout)
  }

private:
  std::vector<std::future<int>> results_;
};

// A static or const member function, or a lambda, cannot store into the
// object: the note of a free function.
class Starter {
public:
  static void launch() {
    std::thread(work).detach();
    // CHECK-NOTES: :[[@LINE-1]]:23: warning: thread is detached
    // CHECK-NOTES: :[[@LINE-2]]:23: note: keep the thread and join it, or hold it in a std::jthread that joins when it is destroyed
  }
  void later() const {
    std::thread(work).detach();
    // CHECK-NOTES: :[[@LINE-1]]:23: warning: thread is detached
    // CHECK-NOTES: :[[@LINE-2]]:23: note: keep the thread and join it
  }
  void deferred() {
    auto start = [] { std::thread(work).detach(); };
    // CHECK-NOTES: :[[@LINE-1]]:41: warning: thread is detached
    // CHECK-NOTES: :[[@LINE-2]]:41: note: keep the thread and join it
    start();
  }
  void stop() {
    for (auto &thread : threads_)
      thread.join();
  }

private:
  std::vector<std::thread> threads_;
};
