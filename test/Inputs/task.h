// A small lazy coroutine task in the style of cppcoro's and folly's, for the
// tests that must not depend on one library: awaiting a task runs it to its
// end on the awaiting thread.
#pragma once

#include <coroutine>
#include <exception>
#include <utility>

namespace lib {

template <typename T = void> class task;

namespace detail {
struct promise_base {
  std::coroutine_handle<> continuation = std::noop_coroutine();
  std::exception_ptr error;
  std::suspend_always initial_suspend() noexcept { return {}; }
  struct final_awaiter {
    bool await_ready() noexcept { return false; }
    template <typename P>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<P> h) noexcept {
      return h.promise().continuation;
    }
    void await_resume() noexcept {}
  };
  final_awaiter final_suspend() noexcept { return {}; }
  void unhandled_exception() { error = std::current_exception(); }
};
} // namespace detail

template <typename T> class task {
public:
  struct promise_type : detail::promise_base {
    T value{};
    task get_return_object() {
      return task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    void return_value(T v) { value = std::move(v); }
  };
  explicit task(std::coroutine_handle<promise_type> h) : handle(h) {}
  task(task &&other) noexcept : handle(std::exchange(other.handle, {})) {}
  ~task() {
    if (handle)
      handle.destroy();
  }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) {
    handle.promise().continuation = awaiting;
    return handle;
  }
  T await_resume() {
    if (handle.promise().error)
      std::rethrow_exception(handle.promise().error);
    return std::move(handle.promise().value);
  }

private:
  std::coroutine_handle<promise_type> handle;
};

template <> class task<void> {
public:
  struct promise_type : detail::promise_base {
    task get_return_object() {
      return task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    void return_void() {}
  };
  explicit task(std::coroutine_handle<promise_type> h) : handle(h) {}
  task(task &&other) noexcept : handle(std::exchange(other.handle, {})) {}
  ~task() {
    if (handle)
      handle.destroy();
  }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) {
    handle.promise().continuation = awaiting;
    return handle;
  }
  void await_resume() {
    if (handle.promise().error)
      std::rethrow_exception(handle.promise().error);
  }

private:
  std::coroutine_handle<promise_type> handle;
};

// A minimal generator: co_yield suspends it until the next value is asked
// for.
template <typename T> class generator {
public:
  struct promise_type {
    T current{};
    generator get_return_object() {
      return generator(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T value) {
      current = std::move(value);
      return {};
    }
    void return_void() {}
    void unhandled_exception() { throw; }
  };
  explicit generator(std::coroutine_handle<promise_type> h) : handle(h) {}
  generator(generator &&other) noexcept
      : handle(std::exchange(other.handle, {})) {}
  ~generator() {
    if (handle)
      handle.destroy();
  }
  bool next() {
    handle.resume();
    return !handle.done();
  }
  const T &value() const { return handle.promise().current; }

private:
  std::coroutine_handle<promise_type> handle;
};

// An awaitable that completes at once, standing for asynchronous I/O.
struct ready {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return 0; }
};
inline ready async_io() { return {}; }

} // namespace lib
