// A throw inside a call's arguments escapes the thread too (clang-tidy 19's
// analyzer does not look there); a thread started by main is not reported:
// an exception would end the program as one that escaped main would.
// RUN: %check_async_tidy %s async-exception-escaping-thread %t -- -std=c++17

#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

struct Config {
  int port;
};
std::string read(const std::string &path) {
  if (path.empty())
    throw std::invalid_argument("no path");
  return path;
}
Config parse(const std::string &text) noexcept { return {int(text.size())}; }
void apply(Config) noexcept {}
void serve(int) noexcept {}
void log(const char *) noexcept;

void startsWorkers(const std::string &path, std::optional<Config> config) {
  std::thread loader([path] { apply(parse(read(path))); });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: an exception can escape this thread's entry lambda, and std::terminate then ends the process [async-exception-escaping-thread]
  std::thread server([config] { serve(config.value().port); });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: an exception can escape this thread's entry lambda
  std::thread guarded([path] {
    try {
      apply(parse(read(path)));
    } catch (const std::exception &error) {
      log(error.what());
    }
  });
  loader.join();
  server.join();
  guarded.join();
}

int main(int argc, char **argv) {
  std::thread io([&] { apply(parse(read(argv[0]))); });
  io.join();
  return argc;
}
