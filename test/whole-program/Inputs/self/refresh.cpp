#include "registry.h"

void Registry::refresh() { std::lock_guard<std::mutex> Guard(Mu); }

void Registry::refreshRecursive() {
  std::lock_guard<std::recursive_mutex> Guard(Recursive);
}

void Registry::readAgain() {
  std::shared_lock<std::shared_mutex> Guard(Shared);
}

void Registry::refreshThrough() { refresh(); }

static void takeGlobal() { std::lock_guard<std::mutex> Guard(Global); }

void logFromTwoLevels() { takeGlobal(); }
