// Threads started once for the life of the process (daemons) are not tasks
// whose handle was lost; a coroutine task's own detach() or start() is.
// RUN: %check_async_tidy %s async-fire-and-forget %t -- -std=c++20

#include <coroutine>
#include <mutex>
#include <thread>

void background_loop();
void handle_request(int);

// ---- started once: not reported --------------------------------------------

class Env {
public:
  void Schedule() {
    std::lock_guard<std::mutex> lock(mu_);
    if (!started_background_thread_) {
      started_background_thread_ = true;
      std::thread background(background_loop);
      background.detach();
    }
  }

private:
  std::mutex mu_;
  bool started_background_thread_ = false;
};

void startOnce() {
  static std::once_flag once;
  std::call_once(once, [] { std::thread(background_loop).detach(); });
}

static bool reaper_started = [] {
  std::thread(background_loop).detach();
  return true;
}();

void on_accept(void (*handler)(int));

int main() {
  std::thread(background_loop).detach();
  // A handler written in main runs per request.
  on_accept([](int id) {
    std::thread(handle_request, id).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: thread is detached
  });
  return 0;
}

// ---- per request: reported ---------------------------------------------------

void onRequest(int id) {
  std::thread([id] { handle_request(id); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: thread is detached: nothing can wait for it to finish or learn that it failed [async-fire-and-forget]
}

// A condition that the branch does not set is no once-only guard.
void onRequestIf(int id, bool fast) {
  if (fast) {
    std::thread worker(handle_request, id);
    worker.detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: thread is detached
  }
}

// ---- a coroutine task detached by its own API ------------------------------

struct Executor {};
struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  struct WithExecutor {
    void detach();
    void start();
  };
  WithExecutor via(Executor &);
  void detach();
};

Task session(int socket) { co_return; }

void acceptLoop(Executor &executor, int socket) {
  session(socket).via(executor).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: coroutine task is detached and its handle dropped: nothing can await it or learn that it failed [async-fire-and-forget]
  session(socket).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: coroutine task is detached and its handle dropped
  session(socket).via(executor).start();
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: coroutine task is started and its handle dropped
}

// A class merely named like a task, with no promise_type, is not one.
struct Subscription {
  void detach();
  void start();
};
void unsubscribes(Subscription &subscription) {
  subscription.detach();
  subscription.start();
}
