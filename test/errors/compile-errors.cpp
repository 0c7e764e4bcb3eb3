// Code with compile errors is analysed without crashing, and no fix-it
// touches code clang had to recover: -fix-errors applies every fix offered,
// and only the sound handler at the end changes.
// RUN: %check_async_tidy --expect-compile-errors %s async-* %t \
// RUN:   -config="{CheckOptions: {async-swallowed-exception.ReportFunction: 'report', async-ignored-error.ReportFunction: 'report_error', async-exception-escaping-thread.ReportFunction: 'report', async-fire-and-forget.ReportFunction: 'report'}}" \
// RUN:   -- -std=c++17

#include <exception>
#include <future>
#include <condition_variable>
#include <functional>
#include <fstream>
#include <map>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

void report(std::exception_ptr);
void report_error(std::error_code);
std::error_code send_frame(int);
void work() noexcept(false);

void brokenHandler() {
  try {
    work();
  } catch (...) {
    undeclared_logger("failed");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: error: use of undeclared identifier 'undeclared_logger'
    // CHECK-FIXES: {{^}}    undeclared_logger("failed");{{$}}
  }
}

void brokenCall() {
  send_frame(undeclared_value);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: error: use of undeclared identifier 'undeclared_value'
  // CHECK-FIXES: {{^}}  send_frame(undeclared_value);{{$}}
}

void brokenThreadBody() {
  std::thread worker([] {
    throw std::runtime_error(undeclared_text);
    // CHECK-MESSAGES: :[[@LINE-1]]:30: error: use of undeclared identifier 'undeclared_text'
    // CHECK-FIXES: {{^}}    throw std::runtime_error(undeclared_text);{{$}}
  });
  worker.join();
}

void brokenStatementInHandler() {
  try {
    work();
  } catch (...) {
    int = 3;
    // CHECK-MESSAGES: :[[@LINE-1]]:9: error: expected unqualified-id
  }
}

void brokenAsync() { std::async(std::launch::async, undeclared_function); }
// CHECK-MESSAGES: :[[@LINE-1]]:53: error: use of undeclared identifier 'undeclared_function'
// CHECK-FIXES: {{^}}void brokenAsync() { std::async(std::launch::async, undeclared_function); }{{$}}

// The thread's lambda is still reported, but wrapping its body would rewrite
// code that contains a recovered error, so no fix is offered; the sound
// handler after it is fixed as usual.
void reportedWithoutFix() {
  std::thread worker([] {
    throw std::runtime_error("x");
    undeclared_cleanup();
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:22: warning: an exception can escape this thread's entry lambda
  // CHECK-MESSAGES: :[[@LINE-3]]:5: error: use of undeclared identifier 'undeclared_cleanup'
  // CHECK-FIXES: {{^}}  std::thread worker([] {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    throw std::runtime_error("x");{{$}}
  worker.join();
  try {
    work();
  } catch (...) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception is swallowed
  // CHECK-FIXES: {{^}}  } catch (...) { report(std::current_exception()); }{{$}}
}

// The race checks: broken code between lock() and unlock(), in a branch
// that inserts and in a member function is analysed without a crash, and
// nothing that contains it is edited.
std::mutex table_mutex;
std::map<int, int> table;

void brokenBetweenLockAndUnlock(int key) {
  table_mutex.lock();
  table[key] = 1;
  work();
  work(undeclared_value_a);
  table_mutex.unlock();
  // CHECK-MESSAGES: :[[@LINE-5]]:3: warning: mutex 'table_mutex' is locked and unlocked by hand
  // CHECK-MESSAGES: :[[@LINE-3]]:8: error: use of undeclared identifier 'undeclared_value_a'
  // CHECK-FIXES: {{^}}  table_mutex.lock();{{$}}
  // CHECK-FIXES: {{^}}  table_mutex.unlock();{{$}}
}

void brokenInsertingBranch(int key) {
  if (table.find(key) == table.end()) {
    table[key] = 1;
    work(undeclared_value_b);
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:7: warning: 'table' is searched for a key that is then inserted
  // CHECK-MESSAGES: :[[@LINE-3]]:10: error: use of undeclared identifier 'undeclared_value_b'
  // CHECK-FIXES: {{^}}  if (table.find(key) == table.end()) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    table[key] = 1;{{$}}
}

class BrokenPool {
public:
  void put(int block) {
    std::lock_guard<std::mutex> lock(mutex_);
    free_[block] = 1;
    work(undeclared_value_c);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: error: use of undeclared identifier 'undeclared_value_c'
  }
  void take(int block) {
    free_.erase(block);
    work(undeclared_value_d);
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 'free_' is written without holding 'mutex_'
  // CHECK-MESSAGES: :[[@LINE-3]]:10: error: use of undeclared identifier 'undeclared_value_d'
  // CHECK-FIXES: {{^}}  void take(int block) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    free_.erase(block);{{$}}

private:
  std::mutex mutex_;
  std::map<int, int> free_;
};

// The deadlock and hang checks with broken code in the places they look at:
// no crash, no fix that touches it.
std::mutex first_mutex, second_mutex;
std::condition_variable wake;
std::function<void()> on_done;

void brokenUnderLock() {
  std::lock_guard<std::mutex> lock(first_mutex);
  on_done();
  work(undeclared_value_e);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: a callable object is called with a lock held
  // CHECK-MESSAGES: :[[@LINE-2]]:8: error: use of undeclared identifier 'undeclared_value_e'
}

void brokenWait() {
  std::unique_lock<std::mutex> lock(first_mutex);
  wake.wait(lock);
  work(undeclared_value_f);
  // CHECK-MESSAGES: :[[@LINE-2]]:8: warning: wait without a predicate or a timeout
  // CHECK-MESSAGES: :[[@LINE-2]]:8: error: use of undeclared identifier 'undeclared_value_f'
}

void brokenOrders() {
  std::lock_guard<std::mutex> a(first_mutex);
  std::lock_guard<std::mutex> b(second_mutex);
  work(undeclared_value_g);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: mutex 'second_mutex' is acquired while 'first_mutex' is held
  // CHECK-MESSAGES: :[[@LINE-2]]:8: error: use of undeclared identifier 'undeclared_value_g'
  // CHECK-FIXES: {{^}}  std::scoped_lock a(first_mutex, second_mutex);{{$}}
}
void otherOrder() {
  std::lock_guard<std::mutex> b(second_mutex);
  std::lock_guard<std::mutex> a(first_mutex);
}

void brokenWorker() {
  std::thread worker([] {
    while (true)
      work(undeclared_value_h);
  });
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: infinite loop with no way out
  // CHECK-MESSAGES: :[[@LINE-3]]:12: error: use of undeclared identifier 'undeclared_value_h'
  worker.join();
}

// The memory and state checks.
class BrokenLog {
public:
  void add(int line) {
    lines_.push_back(line);
    work(undeclared_value_i);
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:10: error: use of undeclared identifier 'undeclared_value_i'

private:
  std::mutex mutex_;
  std::vector<int> lines_;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'lines_' only grows
};

void brokenRewrite(const char *path) {
  std::ifstream in(path);
  work(undeclared_value_j);
  std::ofstream out(path);
  // CHECK-MESSAGES: :[[@LINE-2]]:8: error: use of undeclared identifier 'undeclared_value_j'
  // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: file is rewritten in place after it was read
}
