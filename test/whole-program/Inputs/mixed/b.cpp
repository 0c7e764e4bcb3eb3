#include "state.h"

void fillCache() { std::lock_guard<std::mutex> C(TheCache.Mu); }

void journalThenQueue() {
  std::lock_guard<std::mutex> J(TheJournal.Mu);
  std::lock_guard<std::mutex> Q(TheQueue.Mu);
}

// A recursive function: the merge's summary of it must not loop.
void flushJournal() {
  std::lock_guard<std::mutex> J(TheJournal.Mu);
  flushJournal();
}
