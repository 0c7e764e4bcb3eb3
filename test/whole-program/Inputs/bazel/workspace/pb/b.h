#pragma once
#include <mutex>

extern std::mutex BMutex;
void takeB();
