#include "buffers.h"

namespace telemetry {

// Gives buffers back, but forgets the mutex that allocate() holds.
void BufferPool::release(const std::vector<int> &buffers) {
  for (int buffer : buffers)
    free_.push_back(buffer);
}

// Locks by hand: the exception leaves the mutex locked for good.
std::size_t BufferPool::available() {
  mutex_.lock();
  if (free_.empty())
    throw std::runtime_error("no buffers left");
  std::size_t count = free_.size();
  mutex_.unlock();
  return count;
}

// Looks the name up, inserts it, and looks it up again.
std::shared_ptr<std::mutex> MetricLocks::lockFor(const std::string &metric) {
  std::lock_guard<std::mutex> guard(mutex_);
  if (locks_.find(metric) == locks_.end())
    locks_[metric] = std::make_shared<std::mutex>();
  return locks_[metric];
}

} // namespace telemetry
