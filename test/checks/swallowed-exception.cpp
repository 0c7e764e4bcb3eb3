// RUN: %check_async_tidy %s async-swallowed-exception %t -- -std=c++17
// RUN: %check_async_tidy --check-suffix=NOTES --fix-notes %s async-swallowed-exception %t-notes -- -std=c++17
// RUN: %check_async_tidy --check-suffix=REPORT %s async-swallowed-exception %t-report \
// RUN:   -config="{CheckOptions: {async-swallowed-exception.ReportFunction: '::app::report'}}" -- -std=c++17
// RUN: %check_async_tidy --check-suffix=IGNORED %s async-swallowed-exception %t-ignored \
// RUN:   -config="{CheckOptions: {async-swallowed-exception.IgnoredExceptionTypes: '::app::Retry'}}" -- -std=c++17
// RUN: %check_async_tidy --check-suffix=REPORTERS %s async-swallowed-exception %t-reporters \
// RUN:   -config="{CheckOptions: {async-swallowed-exception.Reporters: 'note_failure'}}" -- -std=c++17

#include <exception>
#include <iostream>
#include <stdexcept>

namespace app {
void report(std::exception_ptr);
void log_error(const char *);
struct Logger {
  void warn(const char *);
};
struct Retry : std::runtime_error {
  using std::runtime_error::runtime_error;
};
[[noreturn]] void fail(const char *);
} // namespace app

void work();
void note_failure();
int failures;

// ---- positives -------------------------------------------------------------

void catchAllEmpty() {
  try {
    work();
  } catch (...) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception is swallowed: the handler neither rethrows, reports nor inspects it, so the failure goes unnoticed [async-swallowed-exception]
  // CHECK-MESSAGES-NOTES: :[[@LINE-2]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-REPORT: :[[@LINE-3]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-IGNORED: :[[@LINE-4]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-REPORTERS: :[[@LINE-5]]:5: warning: exception is swallowed
  // CHECK-FIXES: {{^}}  } catch (...) {}{{$}}
  // CHECK-FIXES-NOTES: {{^}}  } catch (...) { throw; }{{$}}
  // CHECK-FIXES-REPORT: {{^}}  } catch (...) { ::app::report(std::current_exception()); }{{$}}
}

void onlyAComment() {
  try {
    work();
  } catch (const std::exception &) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception is swallowed
    // CHECK-MESSAGES-NOTES: :[[@LINE-2]]:5: warning: exception is swallowed
    // CHECK-MESSAGES-REPORT: :[[@LINE-3]]:5: warning: exception is swallowed
    // CHECK-MESSAGES-IGNORED: :[[@LINE-4]]:5: warning: exception is swallowed
    // CHECK-MESSAGES-REPORTERS: :[[@LINE-5]]:5: warning: exception is swallowed
    // ignored
  }
  // CHECK-FIXES-REPORT: {{^}}  } catch (const std::exception &) {{{$}}
  // CHECK-FIXES-REPORT-NEXT: {{^}}    ::app::report(std::current_exception());{{$}}
  // CHECK-FIXES-NOTES: {{^}}    // ignored{{$}}
  // CHECK-FIXES-NOTES-NEXT: {{^}}    throw;{{$}}
  // CHECK-FIXES-NOTES-NEXT: {{^}}  }{{$}}
}

void onlyBumpsACounter() {
  try {
    work();
  } catch (const std::runtime_error &error) {
    ++failures;
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-NOTES: :[[@LINE-4]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-REPORT: :[[@LINE-5]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-IGNORED: :[[@LINE-6]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-REPORTERS: :[[@LINE-7]]:5: warning: exception is swallowed
  // CHECK-FIXES-REPORT: {{^}}  } catch (const std::runtime_error &error) {{{$}}
  // CHECK-FIXES-REPORT-NEXT: {{^}}    ::app::report(std::current_exception());{{$}}
  // CHECK-FIXES-REPORT-NEXT: {{^}}    ++failures;{{$}}
}

void catchesRetry() {
  try {
    work();
  } catch (const app::Retry &) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-NOTES: :[[@LINE-3]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-REPORT: :[[@LINE-4]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-REPORTERS: :[[@LINE-5]]:5: warning: exception is swallowed
}

void callsAnUnlistedFunction() {
  try {
    work();
  } catch (...) {
    note_failure();
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-NOTES: :[[@LINE-4]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-REPORT: :[[@LINE-5]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-IGNORED: :[[@LINE-6]]:5: warning: exception is swallowed
}

// A rethrow in a destructor or a noexcept function would call std::terminate:
// the note names the remedy but offers no fix-it there.
struct Connection {
  ~Connection() {
    try {
      work();
    } catch (...) {
      ++failures;
    }
    // CHECK-MESSAGES: :[[@LINE-3]]:7: warning: exception is swallowed
    // CHECK-MESSAGES-NOTES: :[[@LINE-4]]:7: warning: exception is swallowed
    // CHECK-MESSAGES-REPORT: :[[@LINE-5]]:7: warning: exception is swallowed
    // CHECK-MESSAGES-IGNORED: :[[@LINE-6]]:7: warning: exception is swallowed
    // CHECK-MESSAGES-REPORTERS: :[[@LINE-7]]:7: warning: exception is swallowed
    // CHECK-FIXES-NOTES: {{^}}    } catch (...) {{{$}}
    // CHECK-FIXES-NOTES-NEXT: {{^}}      ++failures;{{$}}
    // CHECK-FIXES-NOTES-NEXT: {{^}}    }{{$}}
    // Reporting is fine in a destructor:
    // CHECK-FIXES-REPORT: {{^}}    } catch (...) {{{$}}
    // CHECK-FIXES-REPORT-NEXT: {{^}}      ::app::report(std::current_exception());{{$}}
  }
};

void closeQuietly() noexcept {
  try {
    work();
  } catch (...) { ++failures; }
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-NOTES: :[[@LINE-2]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-REPORT: :[[@LINE-3]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-IGNORED: :[[@LINE-4]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-REPORTERS: :[[@LINE-5]]:5: warning: exception is swallowed
  // CHECK-FIXES-NOTES: {{^}}  } catch (...) { ++failures; }{{$}}
  // CHECK-FIXES-REPORT: {{^}}  } catch (...) { ::app::report(std::current_exception()); ++failures; }{{$}}
}

// ---- negatives -------------------------------------------------------------

void rethrows() {
  try {
    work();
  } catch (...) {
    ++failures;
    throw;
  }
}

void translates() {
  try {
    work();
  } catch (const std::exception &) {
    throw std::runtime_error("work failed");
  }
}

bool returnsAnError() {
  try {
    work();
  } catch (...) {
    return false;
  }
  return true;
}

void usesTheCaughtObject() {
  try {
    work();
  } catch (const std::exception &error) {
    std::string text = error.what();
  }
}

void logsToStderr() {
  try {
    work();
  } catch (...) {
    std::cerr << "work failed\n";
  }
  // Reporters replaces the default list: std::cerr no longer counts.
  // CHECK-MESSAGES-REPORTERS: :[[@LINE-4]]:5: warning: exception is swallowed
}

void logsThroughAppLogger(app::Logger &logger) {
  try {
    work();
  } catch (...) {
    logger.warn("work failed");
  }
  // CHECK-MESSAGES-REPORTERS: :[[@LINE-3]]:5: warning: exception is swallowed
  try {
    work();
  } catch (...) {
    app::log_error("work failed");
  }
  // CHECK-MESSAGES-REPORTERS: :[[@LINE-3]]:5: warning: exception is swallowed
}

std::exception_ptr stored;
void storesTheException() {
  try {
    work();
  } catch (...) {
    stored = std::current_exception();
  }
}

void endsTheProgram() {
  try {
    work();
  } catch (...) {
    app::fail("cannot work");
  }
  try {
    work();
  } catch (...) {
    std::terminate();
  }
}

// Code that the preprocessor leaves out still counts: the handler is not
// judged as empty.
void conditionallyLogs() {
  try {
    work();
  } catch (...) {
#ifdef VERBOSE
    std::cerr << "work failed\n";
#endif
  }
}

// In a macro: warned at the use, never edited.
#define IGNORE_ERRORS(statement)                                               \
  try {                                                                        \
    statement;                                                                 \
  } catch (...) {                                                              \
  }
void inAMacro() {
  IGNORE_ERRORS(work());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exception is swallowed
  // CHECK-MESSAGES-NOTES: :[[@LINE-2]]:3: warning: exception is swallowed
  // CHECK-MESSAGES-REPORT: :[[@LINE-3]]:3: warning: exception is swallowed
  // CHECK-MESSAGES-IGNORED: :[[@LINE-4]]:3: warning: exception is swallowed
  // CHECK-MESSAGES-REPORTERS: :[[@LINE-5]]:3: warning: exception is swallowed
  // CHECK-FIXES: {{^}}  IGNORE_ERRORS(work());{{$}}
}

// ---- more negatives --------------------------------------------------------

// The handlers of a constructor's or destructor's function-try-block rethrow
// when they end.
struct Resource {
  Resource() try {
    work();
  } catch (...) {
  }
};

// Code the preprocessor left out counts even when the handler does more.
void countsAndConditionallyLogs() {
  try {
    work();
  } catch (...) {
    ++failures;
#ifdef VERBOSE
    std::cerr << "work failed\n";
#endif
  }
}

// In a template, a call the template leaves unresolved may be the report.
template <typename Logger> void logsThroughAParameter(Logger &logger) {
  try {
    work();
  } catch (...) {
    logger.error("work failed");
  }
}

// ---- more positives --------------------------------------------------------

// A nested handler that uses its own exception does not make the outer one
// less silent.
void nestedHandlers() {
  try {
    work();
  } catch (...) {
    try {
      work();
    } catch (const std::exception &inner) {
      std::string text = inner.what();
    }
  }
  // CHECK-MESSAGES: :[[@LINE-7]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-NOTES: :[[@LINE-8]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-REPORT: :[[@LINE-9]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-IGNORED: :[[@LINE-10]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-REPORTERS: :[[@LINE-11]]:5: warning: exception is swallowed
}

// One line with code in it: the report call goes first.
void oneLineWithCode() {
  try { work(); } catch (...) { ++failures; }
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: exception is swallowed
  // CHECK-MESSAGES-NOTES: :[[@LINE-2]]:19: warning: exception is swallowed
  // CHECK-MESSAGES-REPORT: :[[@LINE-3]]:19: warning: exception is swallowed
  // CHECK-MESSAGES-IGNORED: :[[@LINE-4]]:19: warning: exception is swallowed
  // CHECK-MESSAGES-REPORTERS: :[[@LINE-5]]:19: warning: exception is swallowed
  // CHECK-FIXES-REPORT: {{^}}  try { work(); } catch (...) { ::app::report(std::current_exception()); ++failures; }{{$}}
  // CHECK-FIXES-NOTES: {{^}}  try { work(); } catch (...) { ++failures; throw; }{{$}}
}

// In main and in lambdas (which may run as a thread) a rethrow can end the
// process: the note names the remedy without a fix-it.
int main() {
  try {
    work();
  } catch (...) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-NOTES: :[[@LINE-2]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-REPORT: :[[@LINE-3]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-IGNORED: :[[@LINE-4]]:5: warning: exception is swallowed
  // CHECK-MESSAGES-REPORTERS: :[[@LINE-5]]:5: warning: exception is swallowed
  // CHECK-FIXES-NOTES: {{^}}  } catch (...) {}{{$}}
  // CHECK-FIXES-REPORT: {{^}}  } catch (...) { ::app::report(std::current_exception()); }{{$}}
  auto task = [] {
    try {
      work();
    } catch (...) {}
  };
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: exception is swallowed
  // CHECK-MESSAGES-NOTES: :[[@LINE-3]]:7: warning: exception is swallowed
  // CHECK-MESSAGES-REPORT: :[[@LINE-4]]:7: warning: exception is swallowed
  // CHECK-MESSAGES-IGNORED: :[[@LINE-5]]:7: warning: exception is swallowed
  // CHECK-MESSAGES-REPORTERS: :[[@LINE-6]]:7: warning: exception is swallowed
  // CHECK-FIXES-NOTES: {{^}}    } catch (...) {}{{$}}
  // CHECK-FIXES-REPORT: {{^}}    } catch (...) { ::app::report(std::current_exception()); }{{$}}
  task();
}
