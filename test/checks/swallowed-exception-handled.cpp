// Handlers that keep the failure visible in ways the handler's own body does
// not show, as real projects write them (triaged on the corpus, see
// docs/precision.md): they are not reported. What still loses the exception
// is.
// RUN: %check_async_tidy %s async-swallowed-exception %t -- -std=c++17

#include <exception>
#include <optional>
#include <stdexcept>
#include <string>

void work();
void log_line(const std::string &);

// ---- handed on to a function of the translation unit ----------------------

std::exception_ptr first_error;
void remember_current_exception() { first_error = std::current_exception(); }

void handsOnToAFunctionThatStoresIt() {
  try {
    work();
  } catch (...) {
    remember_current_exception();
  }
}

void describe_and_log() {
  try {
    throw;
  } catch (const std::exception &error) {
    log_line(error.what());
  }
}
void on_failure() { describe_and_log(); }

void handsOnThroughTwoCalls() {
  try {
    work();
  } catch (...) {
    on_failure();
  }
}

struct Scheduler {
  void fail_task(int id);
  std::exception_ptr error;
  void run(int id) {
    try {
      work();
    } catch (...) {
      fail_task(id);
    }
  }
};
void Scheduler::fail_task(int) { error = std::current_exception(); }

// ---- turned into an error status or state ----------------------------------

struct Status {
  static Status Aborted(const char *);
  static Status Ok();
};

Status turnsItIntoAStatus() {
  Status status = Status::Ok();
  try {
    work();
  } catch (...) {
    status = Status::Aborted("work failed");
  }
  return status;
}

struct Connection {
  bool broken_ = false;
  void send() {
    try {
      work();
    } catch (const std::exception &) {
      broken_ = true;
    }
  }
};

void setsAnOutParameter(bool *failed) {
  try {
    work();
  } catch (...) {
    *failed = true;
  }
}

// ---- a sentinel exception used for control flow -----------------------------

struct StopIteration {};
void visitAll() {
  try {
    work();
  } catch (const StopIteration &) {
  }
}

// ---- clean-up that must not throw, best effort over a collection ----------

struct Pool {
  ~Pool() {
    try {
      work();
    } catch (...) {
      // a destructor must not throw
    }
  }
  void releaseAll(int *items, int n) {
    for (int i = 0; i < n; ++i) {
      try {
        work();
      } catch (const std::exception &) {
        // go on with the next one
      }
    }
  }
};

// ---- the object takes the failure over ---------------------------------------

struct Session {
  void stop();
  void read() {
    try {
      work();
    } catch (const std::exception &) {
      stop();
    }
  }
};

// ---- still swallowed --------------------------------------------------------

int failures;
void note_nothing() {}

void onlyBumpsACounter() {
  try {
    work();
  } catch (...) {
    ++failures;
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: exception is swallowed: {{.*}} [async-swallowed-exception]
}

void callsAFunctionThatDropsIt() {
  try {
    work();
  } catch (...) {
    note_nothing();
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: exception is swallowed: {{.*}} [async-swallowed-exception]
}

void assignsALocal() {
  try {
    work();
  } catch (...) {
    bool failed = true;
    failed = false;
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:5: warning: exception is swallowed: {{.*}} [async-swallowed-exception]
}

// A library function that may throw knows nothing of the exception being
// handled.
void readsAnOptional(std::optional<int> fallback) {
  try {
    work();
  } catch (...) {
    int value = fallback.value();
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: exception is swallowed: {{.*}} [async-swallowed-exception]
}

struct ParseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
void catchesAnErrorType() {
  try {
    work();
  } catch (const ParseError &) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: exception is swallowed: {{.*}} [async-swallowed-exception]
}
