#include <thread>

void work();

void start() {
  std::thread worker(work);
  worker.detach(); // NOLINT(async-fire-and-forget): the worker owns its lifetime
}
