#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace telemetry {

// Fixed-size buffers for outgoing batches, shared by every publisher thread.
class BufferPool {
public:
  explicit BufferPool(std::size_t buffers) {
    for (std::size_t i = 0; i < buffers; ++i)
      free_.push_back(static_cast<int>(i));
  }

  // Takes n buffers, with the pool's mutex held (correct).
  std::vector<int> allocate(std::size_t n) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (free_.size() < n)
      throw std::runtime_error("buffer pool exhausted");
    std::vector<int> taken(free_.end() - static_cast<std::ptrdiff_t>(n),
                           free_.end());
    free_.resize(free_.size() - n);
    return taken;
  }

  void release(const std::vector<int> &buffers);
  std::size_t available();

private:
  std::mutex mutex_;
  std::vector<int> free_;
};

// One mutex per metric name, created on first use.
class MetricLocks {
public:
  std::shared_ptr<std::mutex> lockFor(const std::string &metric);

private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<std::mutex>> locks_;
};

} // namespace telemetry
