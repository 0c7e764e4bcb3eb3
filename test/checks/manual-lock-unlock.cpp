// RUN: %check_async_tidy --fix-notes %s async-manual-lock-unlock %t -- -std=c++17
// RUN: %check_async_tidy --fix-notes --check-suffix=CXX14 %s async-manual-lock-unlock %t-14 -- -std=c++14
// RUN: %check_async_tidy --check-suffix=OPTS %s async-manual-lock-unlock %t-opts \
// RUN:   -config="{CheckOptions: {async-manual-lock-unlock.MutexTypes: '::app::SpinLock'}}" -- -std=c++17

#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace app {
struct SpinLock {
  void lock();
  void unlock() noexcept;
};
} // namespace app

std::mutex registry_mutex;
std::vector<std::string> registry;
app::SpinLock spin;
int counter = 0;

void validate(const std::string &name) { if (name.empty()) throw std::invalid_argument("empty"); }
void log_line(const char *text) noexcept;

// ---- positives -------------------------------------------------------------

// The BlockPool free path: an exception from validate() keeps the pool's
// mutex locked, and every later allocation hangs.
void registerName(const std::string &name) {
  registry_mutex.lock();
  validate(name);
  registry.push_back(name);
  registry_mutex.unlock();
  // CHECK-NOTES: :[[@LINE-4]]:3: warning: mutex 'registry_mutex' is locked and unlocked by hand: an exit or an exception before the unlock leaves it locked for good [async-manual-lock-unlock]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: this call may throw, leaving 'registry_mutex' locked
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'registry_mutex' is unlocked only here
  // CHECK-FIXES: {{^}}  std::unique_lock lock(registry_mutex);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  validate(name);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  registry.push_back(name);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  lock.unlock();{{$}}
  // CHECK-MESSAGES-CXX14: :[[@LINE-11]]:3: warning: mutex 'registry_mutex' is locked
  // CHECK-FIXES-CXX14: {{^}}  std::unique_lock<std::mutex> lock(registry_mutex);{{$}}
  // CHECK-FIXES-CXX14: {{^}}  lock.unlock();{{$}}
}

// A return that keeps the lock, maybe on purpose: the fix is on a note.
int removeName(const std::string &name) {
  registry_mutex.lock();
  for (size_t i = 0; i < registry.size(); ++i) {
    if (registry[i].empty()) {
      registry_mutex.unlock();
      return static_cast<int>(i);
    }
  }
  if (registry.empty())
    return -1;
  registry_mutex.unlock();
  return -2;
  // CHECK-NOTES: :[[@LINE-11]]:3: warning: mutex 'registry_mutex' is locked and unlocked by hand
  // CHECK-NOTES: :[[@LINE-4]]:5: note: this return leaves 'registry_mutex' locked
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'registry_mutex' is unlocked only here
  // CHECK-NOTES: :[[@LINE-14]]:3: note: hold 'registry_mutex' in a std::unique_lock, which unlocks it on the ways out that left it locked
  // CHECK-FIXES: {{^}}  std::unique_lock lock(registry_mutex);{{$}}
  // CHECK-FIXES: {{^}}      lock.unlock();{{$}}
  // CHECK-FIXES: {{^}}  lock.unlock();{{$}}
  // CHECK-MESSAGES-CXX14: :[[@LINE-18]]:3: warning: mutex 'registry_mutex' is locked
  // CHECK-FIXES-CXX14: {{^}}  std::unique_lock<std::mutex> lock(registry_mutex);{{$}}
  // CHECK-FIXES-CXX14: {{^}}      lock.unlock();{{$}}
  // CHECK-FIXES-CXX14: {{^}}  lock.unlock();{{$}}
}

void throwsWhileLocked(int value) {
  registry_mutex.lock();
  if (value < 0)
    throw std::invalid_argument("negative");
  counter += value;
  registry_mutex.unlock();
  // CHECK-NOTES: :[[@LINE-5]]:3: warning: mutex 'registry_mutex' is locked and unlocked by hand
  // CHECK-NOTES: :[[@LINE-4]]:5: note: this throw leaves 'registry_mutex' locked
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'registry_mutex' is unlocked only here
  // CHECK-FIXES: {{^}}  std::unique_lock lock(registry_mutex);{{$}}
  // CHECK-FIXES: {{^}}  lock.unlock();{{$}}
  // CHECK-MESSAGES-CXX14: :[[@LINE-10]]:3: warning: mutex 'registry_mutex' is locked
  // CHECK-FIXES-CXX14: {{^}}  std::unique_lock<std::mutex> lock(registry_mutex);{{$}}
  // CHECK-FIXES-CXX14: {{^}}  lock.unlock();{{$}}
}

// A break skips the unlock() too; 'lock' is taken, so: 'mutex_lock'.
struct Table {
  std::mutex mutex_;
  int lock = 0;
  void drain(int rounds) {
    while (rounds-- > 0) {
      mutex_.lock();
      if (lock > 10)
        break;
      ++lock;
      mutex_.unlock();
    }
    // CHECK-NOTES: :[[@LINE-6]]:7: warning: mutex 'mutex_' is locked and unlocked by hand
    // CHECK-NOTES: :[[@LINE-5]]:9: note: this jump leaves 'mutex_' locked
    // CHECK-NOTES: :[[@LINE-4]]:7: note: 'mutex_' is unlocked only here
    // CHECK-NOTES: :[[@LINE-9]]:7: note: hold 'mutex_' in a std::unique_lock, which unlocks it on the ways out that left it locked
    // CHECK-FIXES: {{^}}      std::unique_lock mutex_lock(mutex_);{{$}}
    // CHECK-FIXES: {{^}}      mutex_lock.unlock();{{$}}
    // CHECK-MESSAGES-CXX14: :[[@LINE-12]]:7: warning: mutex 'mutex_' is locked
    // CHECK-FIXES-CXX14: {{^}}      std::unique_lock<std::mutex> mutex_lock(mutex_);{{$}}
    // CHECK-FIXES-CXX14: {{^}}      mutex_lock.unlock();{{$}}
  }
};

// A shared lock taken by hand is reported; the fix needs std::shared_lock,
// which this check does not write.
std::shared_timed_mutex config_mutex;
std::string config;
std::string readConfig() {
  config_mutex.lock_shared();
  std::string copy = config;
  validate(copy);
  config_mutex.unlock_shared();
  return copy;
  // CHECK-NOTES: :[[@LINE-5]]:3: warning: mutex 'config_mutex' is locked and unlocked by hand
  // CHECK-NOTES: :[[@LINE-4]]:3: note: this call may throw, leaving 'config_mutex' locked
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'config_mutex' is unlocked only here
  // CHECK-MESSAGES-CXX14: :[[@LINE-8]]:3: warning: mutex 'config_mutex' is locked
}

// A mutex passed on inside the region cannot become a unique_lock: no fix.
bool tryAgain(std::mutex &m);
void passedOn() {
  registry_mutex.lock();
  if (!tryAgain(registry_mutex))
    validate("again");
  registry_mutex.unlock();
  // CHECK-NOTES: :[[@LINE-4]]:3: warning: mutex 'registry_mutex' is locked and unlocked by hand
  // CHECK-NOTES: :[[@LINE-3]]:5: note: this call may throw, leaving 'registry_mutex' locked
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'registry_mutex' is unlocked only here
  // CHECK-MESSAGES-CXX14: :[[@LINE-7]]:3: warning: mutex 'registry_mutex' is locked
}

// A mutex type of the program, known by its lock() and unlock() members,
// or listed in the option.
void spinning() {
  spin.lock();
  validate("spin");
  spin.unlock();
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: mutex 'spin' is locked and unlocked by hand
  // CHECK-NOTES: :[[@LINE-3]]:3: note: this call may throw, leaving 'spin' locked
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'spin' is unlocked only here
  // CHECK-FIXES: {{^}}  std::unique_lock lock(spin);{{$}}
  // CHECK-MESSAGES-CXX14: :[[@LINE-7]]:3: warning: mutex 'spin' is locked and unlocked by hand
  // CHECK-FIXES-CXX14: {{^}}  std::unique_lock<app::SpinLock> lock(spin);{{$}}
  // CHECK-MESSAGES-OPTS: :[[@LINE-9]]:3: warning: mutex 'spin' is locked and unlocked by hand
  // CHECK-FIXES-OPTS: {{^}}  std::unique_lock lock(spin);{{$}}
  // CHECK-FIXES-OPTS: {{^}}  lock.unlock();{{$}}
}

// A handler that catches only some exceptions lets the others through, and
// one that does not unlock leaves the mutex locked.
void partialCatch(const std::string &name) {
  registry_mutex.lock();
  try {
    validate(name);
  } catch (const std::invalid_argument &) {
    registry_mutex.unlock();
    throw;
  }
  registry_mutex.unlock();
  // CHECK-NOTES: :[[@LINE-8]]:3: warning: mutex 'registry_mutex' is locked and unlocked by hand
  // CHECK-NOTES: :[[@LINE-7]]:5: note: this call may throw, leaving 'registry_mutex' locked
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'registry_mutex' is unlocked only here
  // CHECK-MESSAGES-CXX14: :[[@LINE-11]]:3: warning: mutex 'registry_mutex' is locked
  // CHECK-FIXES: {{^}}  } catch (const std::invalid_argument &) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    lock.unlock();{{$}}
  // CHECK-FIXES-CXX14: {{^}}  } catch (const std::invalid_argument &) {{{$}}
  // CHECK-FIXES-CXX14-NEXT: {{^}}    lock.unlock();{{$}}
}
void handlerKeepsTheLock(const std::string &name) {
  registry_mutex.lock();
  try {
    validate(name);
  } catch (...) {
    throw std::runtime_error("validation failed");
  }
  registry_mutex.unlock();
  // CHECK-NOTES: :[[@LINE-7]]:3: warning: mutex 'registry_mutex' is locked and unlocked by hand
  // CHECK-NOTES: :[[@LINE-4]]:5: note: this throw leaves 'registry_mutex' locked
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'registry_mutex' is unlocked only here
  // CHECK-MESSAGES-CXX14: :[[@LINE-10]]:3: warning: mutex 'registry_mutex' is locked
}

// ---- must not flag -----------------------------------------------------------

// Nothing between lock() and unlock() can leave early.
void plainRegion(int value) {
  registry_mutex.lock();
  counter += value;
  log_line("added"); // noexcept
  registry_mutex.unlock();
}

// Code already using RAII guards.
void withGuards(const std::string &name) {
  std::lock_guard<std::mutex> guard(registry_mutex);
  validate(name);
  registry.push_back(name);
}
void withUniqueLock(const std::string &name) {
  std::unique_lock<std::mutex> lock(registry_mutex);
  validate(name);
  lock.unlock();
  validate(name);
  lock.lock();
  registry.push_back(name);
  lock.unlock();
}

// Locked here, unlocked by the caller: a protocol, not a pair.
void lockForCaller() {
  registry_mutex.lock();
  validate("caller");
}

// Returns, throws and breaks that stay inside the region, or inside a lambda
// that runs later.
void exitsInside(int n) {
  registry_mutex.lock();
  for (int i = 0; i < n; ++i) {
    if (i == 3)
      break;
    if (i == 1)
      continue;
    counter += i;
  }
  switch (n) {
  case 1:
    counter = 0;
    break;
  default:
    break;
  }
  auto later = [] { return 1; };
  counter += static_cast<int>(sizeof(later));
  registry_mutex.unlock();
}

// The hand-written guard: every exception is caught, the handler unlocks
// before it rethrows.
void handWrittenGuard(const std::string &name) {
  registry_mutex.lock();
  try {
    validate(name);
    registry.push_back(name);
  } catch (...) {
    registry_mutex.unlock();
    throw;
  }
  registry_mutex.unlock();
}

// The same calls outside the locked region.
void outside(const std::string &name) {
  validate(name);
  registry_mutex.lock();
  ++counter;
  registry_mutex.unlock();
  validate(name);
}
