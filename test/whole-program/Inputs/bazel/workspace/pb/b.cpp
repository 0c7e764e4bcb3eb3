#include "pb/b.h"

std::mutex BMutex;

void takeB() { std::lock_guard<std::mutex> Lock(BMutex); }
