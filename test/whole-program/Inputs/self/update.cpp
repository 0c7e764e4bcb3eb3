#include "registry.h"

void Registry::update() {
  std::lock_guard<std::mutex> Guard(Mu);
  refresh();
}

void Registry::updateOther(Registry &Other) {
  // Another object's mutex: no deadlock.
  std::lock_guard<std::mutex> Guard(Mu);
  Other.refresh();
}

void Registry::updateRecursive() {
  std::lock_guard<std::recursive_mutex> Guard(Recursive);
  refreshRecursive();
}

void Registry::read() {
  // Shared twice: readers do not exclude each other.
  std::shared_lock<std::shared_mutex> Guard(Shared);
  readAgain();
}

void Registry::updateSameUnit() {
  // Seen whole by this unit: the check reports it, the merge does not.
  std::lock_guard<std::mutex> Guard(Mu);
  refreshHere();
}

void Registry::refreshHere() { std::lock_guard<std::mutex> Guard(Mu); }

void Registry::updateSilenced() {
  std::lock_guard<std::mutex> Guard(Mu);
  refreshThrough(); // NOLINT(async-lock-order-inversion): checked by hand
}

std::mutex Global;

void logUnderGlobal() {
  std::lock_guard<std::mutex> Guard(Global);
  logFromTwoLevels();
}
