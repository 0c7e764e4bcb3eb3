#include <deque>
#include <mutex>
#include <string>

class Outbox {
public:
  void send(std::string message) {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.push_back(std::move(message));
  }

private:
  std::mutex mutex_;
  std::deque<std::string> pending_;
};
