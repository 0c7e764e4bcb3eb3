#pragma once
#include <mutex>

extern std::mutex AMutex;
void takeA();
void lockAThenB();
