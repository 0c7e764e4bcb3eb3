#include "service.h"

int Sessions::count() const {
  std::lock_guard<std::mutex> Lock(Mu);
  return static_cast<int>(Open.size());
}

std::string Mailbox::take() {
  std::lock_guard<std::mutex> Lock(Mu);
  std::string Front = std::move(Pending.front());
  Pending.pop_front();
  return Front;
}

int Archive::count() const {
  std::lock_guard<std::mutex> Lock(Mu);
  return static_cast<int>(Kept.size());
}
