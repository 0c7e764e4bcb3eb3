#include "telemetry.h"

#include <chrono>
#include <iostream>
#include <stdexcept>

namespace telemetry {

std::error_code Publisher::publish(const Event &event) {
  if (event.name.empty())
    return std::make_error_code(std::errc::invalid_argument);
  std::lock_guard<std::mutex> lock(mutex_);
  pending_.push_back(event);
  return {};
}

std::error_code Publisher::flush() {
  std::lock_guard<std::mutex> lock(mutex_);
  pending_.clear();
  return {};
}

void Publisher::publishInBackground(Event event) {
  // The error of publish() is dropped, and nobody can wait for the thread.
  std::thread sender([this, event] { publish(event); });
  sender.detach();
}

void Publisher::startHeartbeat() {
  // A malformed event throws, and the exception ends the whole service.
  workers_.emplace_back([this] {
    for (int beat = 0; beat < 3; ++beat) {
      if (auto error = publish({"heartbeat", 1.0}))
        throw std::system_error(error);
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
}

void Publisher::stop() {
  try {
    if (auto error = flush())
      report_error(error);
  } catch (...) {
    // shutting down anyway
  }
  for (auto &worker : workers_)
    worker.join();
}

} // namespace telemetry
