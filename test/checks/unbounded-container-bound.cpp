// The bound that MaxSize asks for, on a note: it changes what the program
// does (elements are dropped or refused), so -fix alone leaves the code as
// it is.
// RUN: %check_async_tidy %s async-unbounded-container %t \
// RUN:   -config="{CheckOptions: {async-unbounded-container.MaxSize: 1024}}" -- -std=c++17
// RUN: %check_async_tidy --check-suffix=,DROP --fix-notes %s async-unbounded-container %t-drop \
// RUN:   -config="{CheckOptions: {async-unbounded-container.MaxSize: 1024}}" -- -std=c++17
// RUN: %check_async_tidy --check-suffix=REJECT --fix-notes %s async-unbounded-container %t-reject \
// RUN:   -config="{CheckOptions: {async-unbounded-container.MaxSize: kMaxPending, async-unbounded-container.OverflowPolicy: reject}}" -- -std=c++17
// Without MaxSize, no note and no fix.
// RUN: %check_async_tidy --check-suffix=PLAIN --fix-notes %s async-unbounded-container %t-plain -- -std=c++17

#include <deque>
#include <list>
#include <map>
#include <mutex>
#include <queue>
#include <string>
#include <system_error>
#include <vector>

constexpr std::size_t kMaxPending = 1024;

// A deque, a std::queue and a list: the oldest element is at the front.
class Outbox {
public:
  bool send(std::string message) {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.push_back(std::move(message));
    return true;
  }
  std::error_code enqueue(int job) {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push(job);
    return {};
  }
  bool log(std::string line) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto append = [&] { lines_.push_back(line); };
    append();
    lines_.push_back(std::move(line));
    return true;
  }

private:
  std::mutex mutex_;
  std::deque<std::string> pending_;
  std::queue<int> jobs_;
  std::list<std::string> lines_;
  // The lambda returns void: no reject fix for lines_, so none at all.
  // CHECK-NOTES: :[[@LINE-4]]:27: warning: 'pending_' only grows
  // CHECK-NOTES: :[[@LINE-23]]:14: note: it grows here
  // CHECK-NOTES: :[[@LINE-6]]:27: note: bound it: before each growth, drop the oldest element once it holds 1024 elements
  // CHECK-NOTES-PLAIN: :[[@LINE-7]]:27: warning: 'pending_' only grows
  // CHECK-NOTES-PLAIN: :[[@LINE-26]]:14: note: it grows here
  // CHECK-NOTES-REJECT: :[[@LINE-9]]:27: warning: 'pending_' only grows
  // CHECK-NOTES-REJECT: :[[@LINE-28]]:14: note: it grows here
  // CHECK-NOTES-REJECT: :[[@LINE-11]]:27: note: bound it: before each growth, refuse the new element once it holds kMaxPending elements
  // CHECK-NOTES: :[[@LINE-11]]:19: warning: 'jobs_' only grows
  // CHECK-NOTES: :[[@LINE-26]]:11: note: it grows here
  // CHECK-NOTES: :[[@LINE-13]]:19: note: bound it: before each growth, drop the oldest element once it holds 1024 elements
  // CHECK-NOTES-PLAIN: :[[@LINE-14]]:19: warning: 'jobs_' only grows
  // CHECK-NOTES-PLAIN: :[[@LINE-29]]:11: note: it grows here
  // CHECK-NOTES-REJECT: :[[@LINE-16]]:19: warning: 'jobs_' only grows
  // CHECK-NOTES-REJECT: :[[@LINE-31]]:11: note: it grows here
  // CHECK-NOTES-REJECT: :[[@LINE-18]]:19: note: bound it: before each growth, refuse the new element once it holds kMaxPending elements
  // CHECK-NOTES: :[[@LINE-18]]:26: warning: 'lines_' only grows
  // CHECK-NOTES: :[[@LINE-29]]:32: note: it grows here
  // CHECK-NOTES: :[[@LINE-28]]:12: note: it grows here
  // CHECK-NOTES: :[[@LINE-21]]:26: note: bound it: before each growth, drop the oldest element once it holds 1024 elements
  // CHECK-NOTES-PLAIN: :[[@LINE-22]]:26: warning: 'lines_' only grows
  // CHECK-NOTES-PLAIN: :[[@LINE-33]]:32: note: it grows here
  // CHECK-NOTES-PLAIN: :[[@LINE-32]]:12: note: it grows here
  // CHECK-NOTES-REJECT: :[[@LINE-25]]:26: warning: 'lines_' only grows
  // CHECK-NOTES-REJECT: :[[@LINE-36]]:32: note: it grows here
  // CHECK-NOTES-REJECT: :[[@LINE-35]]:12: note: it grows here
};
// CHECK-FIXES-DROP:      {{^}}    if (pending_.size() >= 1024){{$}}
// CHECK-FIXES-DROP-NEXT: {{^}}      pending_.pop_front();{{$}}
// CHECK-FIXES-DROP-NEXT: {{^}}    pending_.push_back(std::move(message));{{$}}
// CHECK-FIXES-DROP:      {{^}}    if (jobs_.size() >= 1024){{$}}
// CHECK-FIXES-DROP-NEXT: {{^}}      jobs_.pop();{{$}}
// CHECK-FIXES-DROP-NEXT: {{^}}    jobs_.push(job);{{$}}
// CHECK-FIXES-DROP:      {{^}}    auto append = [&] { if (lines_.size() >= 1024){{$}}
// CHECK-FIXES-DROP-NEXT: {{^}}      lines_.pop_front();{{$}}
// CHECK-FIXES-DROP-NEXT: {{^}}    lines_.push_back(line); };{{$}}
// CHECK-FIXES-DROP:      {{^}}    if (lines_.size() >= 1024){{$}}
// CHECK-FIXES-DROP-NEXT: {{^}}      lines_.pop_front();{{$}}
// CHECK-FIXES-DROP-NEXT: {{^}}    lines_.push_back(std::move(line));{{$}}
// CHECK-FIXES-REJECT:      {{^}}    if (pending_.size() >= kMaxPending){{$}}
// CHECK-FIXES-REJECT-NEXT: {{^}}      return false;{{$}}
// CHECK-FIXES-REJECT-NEXT: {{^}}    pending_.push_back(std::move(message));{{$}}
// CHECK-FIXES-REJECT:      {{^}}    if (jobs_.size() >= kMaxPending){{$}}
// CHECK-FIXES-REJECT-NEXT: {{^}}      return std::make_error_code(std::errc::no_buffer_space);{{$}}
// CHECK-FIXES-REJECT-NEXT: {{^}}    jobs_.push(job);{{$}}


// A map keyed by a counter: the first element has the smallest key, the
// oldest. No drop for a vector (erase(begin()) moves every element), and no
// fix at all when one growth site cannot take a statement before it.
class Jobs {
public:
  void add(std::string name) {
    std::lock_guard<std::mutex> lock(mutex_);
    names_[next_++] = std::move(name);
  }
  void sample(double latency, bool keep) {
    std::lock_guard<std::mutex> lock(mutex_);
    samples_.push_back(latency);
    if (keep)
      kept_.push_back(latency);
    kept_.push_back(0);
  }

private:
  std::mutex mutex_;
  long next_ = 0;
  std::map<long, std::string> names_;
  std::vector<double> samples_;
  std::deque<double> kept_;
  // CHECK-NOTES: :[[@LINE-3]]:31: warning: 'names_' only grows
  // CHECK-NOTES: :[[@LINE-17]]:5: note: it grows here
  // CHECK-NOTES: :[[@LINE-5]]:31: note: bound it: before each growth, erase its first element once it holds 1024 elements
  // CHECK-NOTES-PLAIN: :[[@LINE-6]]:31: warning: 'names_' only grows
  // CHECK-NOTES-PLAIN: :[[@LINE-20]]:5: note: it grows here
  // CHECK-NOTES-REJECT: :[[@LINE-8]]:31: warning: 'names_' only grows
  // CHECK-NOTES-REJECT: :[[@LINE-22]]:5: note: it grows here
  // CHECK-NOTES: :[[@LINE-9]]:23: warning: 'samples_' only grows
  // CHECK-NOTES: :[[@LINE-20]]:14: note: it grows here
  // CHECK-NOTES-PLAIN: :[[@LINE-11]]:23: warning: 'samples_' only grows
  // CHECK-NOTES-PLAIN: :[[@LINE-22]]:14: note: it grows here
  // CHECK-NOTES-REJECT: :[[@LINE-13]]:23: warning: 'samples_' only grows
  // CHECK-NOTES-REJECT: :[[@LINE-24]]:14: note: it grows here
  // CHECK-NOTES: :[[@LINE-14]]:22: warning: 'kept_' only grows
  // CHECK-NOTES: :[[@LINE-24]]:13: note: it grows here
  // CHECK-NOTES: :[[@LINE-24]]:11: note: it grows here
  // CHECK-NOTES-PLAIN: :[[@LINE-17]]:22: warning: 'kept_' only grows
  // CHECK-NOTES-PLAIN: :[[@LINE-27]]:13: note: it grows here
  // CHECK-NOTES-PLAIN: :[[@LINE-27]]:11: note: it grows here
  // CHECK-NOTES-REJECT: :[[@LINE-20]]:22: warning: 'kept_' only grows
  // CHECK-NOTES-REJECT: :[[@LINE-30]]:13: note: it grows here
  // CHECK-NOTES-REJECT: :[[@LINE-30]]:11: note: it grows here
};
// CHECK-FIXES-DROP:      {{^}}    if (names_.size() >= 1024){{$}}
// CHECK-FIXES-DROP-NEXT: {{^}}      names_.erase(names_.begin());{{$}}
// CHECK-FIXES-DROP-NEXT: {{^}}    names_[next_++] = std::move(name);{{$}}
// CHECK-FIXES-DROP:      {{^}}    samples_.push_back(latency);{{$}}
// CHECK-FIXES-DROP-NEXT: {{^}}    if (keep){{$}}
// CHECK-FIXES-DROP-NEXT: {{^}}      kept_.push_back(latency);{{$}}
// CHECK-FIXES-DROP-NEXT: {{^}}    kept_.push_back(0);{{$}}

// Locked and unlocked by hand: an early return would leave the mutex locked,
// so reject offers nothing; dropping the oldest is safe.
class Registry {
public:
  bool add(int value) {
    mutex_.lock();
    items_.push_back(value);
    mutex_.unlock();
    return true;
  }

private:
  std::mutex mutex_;
  std::deque<int> items_;
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'items_' only grows
  // CHECK-NOTES: :[[@LINE-9]]:12: note: it grows here
  // CHECK-NOTES: :[[@LINE-3]]:19: note: bound it: before each growth, drop the oldest element once it holds 1024 elements
  // CHECK-NOTES-PLAIN: :[[@LINE-4]]:19: warning: 'items_' only grows
  // CHECK-NOTES-PLAIN: :[[@LINE-12]]:12: note: it grows here
  // CHECK-NOTES-REJECT: :[[@LINE-6]]:19: warning: 'items_' only grows
  // CHECK-NOTES-REJECT: :[[@LINE-14]]:12: note: it grows here
};
// CHECK-FIXES-DROP:      {{^}}    mutex_.lock();{{$}}
// CHECK-FIXES-DROP-NEXT: {{^}}    if (items_.size() >= 1024){{$}}
// CHECK-FIXES-DROP-NEXT: {{^}}      items_.pop_front();{{$}}
// CHECK-FIXES-DROP-NEXT: {{^}}    items_.push_back(value);{{$}}
