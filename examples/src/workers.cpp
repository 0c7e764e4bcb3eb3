#include "telemetry.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

namespace telemetry {

// A queue of events drained by a background thread, with listeners that
// see every event, and counters kept under two mutexes.
class EventQueue {
public:
  void push(Event event) {
    std::lock_guard<std::mutex> lock(mutex_);
    events_.push(std::move(event));
    ready_.notify_one();
  }

  void listen(std::function<void(const Event &)> listener) {
    std::lock_guard<std::mutex> lock(mutex_);
    listeners_.push_back(std::move(listener));
  }

  // Waits without a predicate, calls the listeners with the lock held, and
  // can never be told to stop.
  void drain() {
    while (true) {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock);
      while (!events_.empty()) {
        for (auto &listener : listeners_)
          listener(events_.front());
        events_.pop();
      }
    }
  }

  void start() {
    worker_ = std::thread([this] { drain(); });
  }

  // Takes the counters in one order here...
  void count(bool dropped) {
    std::lock_guard<std::mutex> stats(stats_mutex_);
    std::lock_guard<std::mutex> lock(mutex_);
    if (dropped)
      ++dropped_;
    ++seen_;
  }

  // ...and in the other order here.
  int pending() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::lock_guard<std::mutex> stats(stats_mutex_);
    return static_cast<int>(events_.size()) - dropped_;
  }

private:
  std::mutex mutex_, stats_mutex_;
  std::condition_variable ready_;
  std::queue<Event> events_;
  std::vector<std::function<void(const Event &)>> listeners_;
  std::thread worker_;
  int dropped_ = 0, seen_ = 0;
};

void runEventQueue() {
  EventQueue queue;
  queue.start();
  queue.push({"started", 1.0});
}

// Keeps the latest events for a status page, and nothing ever trims it.
class RecentEvents {
public:
  void record(const Event &event) {
    std::lock_guard<std::mutex> lock(mutex_);
    events_.push_back(event);
  }
  std::size_t size() {
    std::lock_guard<std::mutex> lock(mutex_);
    return events_.size();
  }

private:
  std::mutex mutex_;
  std::deque<Event> events_;
};

} // namespace telemetry
