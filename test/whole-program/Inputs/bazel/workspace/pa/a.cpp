#include "pa/a.h"
#include "pb/b.h"

std::mutex AMutex;

void takeA() { std::lock_guard<std::mutex> Lock(AMutex); }

void lockAThenB() {
  std::lock_guard<std::mutex> Lock(AMutex);
  takeB();
}
