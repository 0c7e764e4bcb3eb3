// Heavy real headers: a large part of the standard library, with a little
// code that uses threads, locks, futures, maps and exceptions.
#include <algorithm>
#include <any>
#include <array>
#include <atomic>
#include <barrier>
#include <bitset>
#include <charconv>
#include <chrono>
#include <complex>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <iomanip>
#include <iostream>
#include <latch>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <optional>
#include <queue>
#include <random>
#include <ranges>
#include <regex>
#include <semaphore>
#include <set>
#include <shared_mutex>
#include <sstream>
#include <stop_token>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

namespace app {

class Registry {
public:
  int lookup(const std::string &name) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto [it, inserted] = entries_.try_emplace(name, next_);
    if (inserted)
      ++next_;
    return it->second;
  }
  void forget(const std::string &name) {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.erase(name);
  }

private:
  std::mutex mutex_;
  std::unordered_map<std::string, int> entries_;
  int next_ = 0;
};

void report(std::exception_ptr error) noexcept;

int run(Registry &registry) {
  std::jthread worker([&registry](std::stop_token stop) {
    while (!stop.stop_requested()) {
      try {
        registry.lookup("tick");
      } catch (...) {
        report(std::current_exception());
      }
    }
  });
  auto result =
      std::async(std::launch::async, [&] { return registry.lookup("x"); });
  if (result.wait_for(std::chrono::seconds(1)) != std::future_status::ready)
    return -1;
  std::regex pattern("[a-z]+");
  std::vector<int> values(100);
  std::iota(values.begin(), values.end(), 0);
  auto even = values | std::views::filter([](int v) { return v % 2 == 0; });
  return static_cast<int>(std::ranges::distance(even)) + result.get();
}

} // namespace app
