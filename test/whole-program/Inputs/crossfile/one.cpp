#include "one.h"
#include "two.h"

void One::lock_mine_then_the_other(Two *Other) {
  Mutex.lock();
  Other->just_lock_mine();
  Mutex.unlock();
}

void One::just_lock_mine() {
  std::lock_guard<std::mutex> Guard(Mutex);
}
