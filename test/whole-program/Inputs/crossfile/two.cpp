#include "one.h"
#include "two.h"

void Two::lock_mine_then_the_other(One *Other) {
  Mutex.lock();
  Other->just_lock_mine();
  Mutex.unlock();
}

void Two::just_lock_mine() {
  std::lock_guard<std::mutex> Guard(Mutex);
}
