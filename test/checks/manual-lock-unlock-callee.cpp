// A member function of the same object that unlocks the mutex itself ends
// the region: `return runWriter();` hands the lock over (yaclib's shared
// mutex). A callee that does not unlock is a way out with the lock held.
// RUN: %check_async_tidy --fix-notes %s async-manual-lock-unlock %t -- -std=c++17

#include <mutex>
class Shared {
public:
  void slowUnlock(int s) {
    lock_.lock();
    if (s > 1)
      return runWriter();
    if (s == 0) {
      runReaders();
      return;
    }
    count_ = s;
    lock_.unlock();
  }
  void leaky(int s) {
    lock_.lock();
    if (s > 1)
      return other();
    lock_.unlock();
  }
  // CHECK-NOTES: :[[@LINE-5]]:5: warning: mutex 'lock_' is locked and unlocked by hand: an exit or an exception before the unlock leaves it locked for good [async-manual-lock-unlock]
  // CHECK-NOTES: :[[@LINE-4]]:7: note: this return leaves 'lock_' locked
  // CHECK-NOTES: :[[@LINE-4]]:5: note: 'lock_' is unlocked only here
  // CHECK-NOTES: :[[@LINE-8]]:5: note: hold 'lock_' in a std::unique_lock, which unlocks it on the ways out that left it locked
  // CHECK-FIXES: {{^}}    std::unique_lock lock(lock_);{{$}}
  // CHECK-FIXES: {{^}}    lock.unlock();{{$}}

private:
  void runWriter() noexcept {
    --count_;
    lock_.unlock();
  }
  void runReaders() noexcept {
    count_ = 0;
    lock_.unlock();
  }
  void other() noexcept { count_ = 2; }
  std::mutex lock_;
  int count_ = 0;
};

// In a class template the call is left dependent until instantiation.
template <bool Fifo> class SharedTemplate {
public:
  void slowUnlock(int s) noexcept {
    lock_.lock();
    if constexpr (Fifo) {
      if (s > 1)
        return runWriter();
    }
    count_ = s;
    lock_.unlock();
  }

private:
  void runWriter() noexcept {
    --count_;
    lock_.unlock();
  }
  std::mutex lock_;
  int count_ = 0;
};
template class SharedTemplate<true>;
