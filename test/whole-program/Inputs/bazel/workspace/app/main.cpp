#include "pa/a.h"
#include "pb/b.h"
#include <thread>

// The reverse of pa's order, through a call into pa: only the program
// (this target and its dependencies) has the cycle.
void lockBThenA() {
  std::lock_guard<std::mutex> Lock(BMutex);
  takeA();
}

int main() {
  std::thread One(lockAThenB), Two(lockBThenA);
  One.join();
  Two.join();
}
