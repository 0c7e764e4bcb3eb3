#include "state.h"

Registry TheRegistry;
Cache TheCache;
Queue TheQueue;
Journal TheJournal;

// A cycle this unit shows by itself (with the header's function): the check
// reports it here, and the merge must not report it again, although
// fillCache() adds the same edge from the other unit.
void cacheThenRegistry() {
  std::lock_guard<std::mutex> C(TheCache.Mu);
  std::lock_guard<std::mutex> R(TheRegistry.Mu);
}
void registryThenFill() {
  std::lock_guard<std::mutex> R(TheRegistry.Mu);
  fillCache();
}

// Half of a cycle whose other half is in b.cpp, with no call between the
// units: neither unit shows it.
void queueThenJournal() {
  std::lock_guard<std::mutex> Q(TheQueue.Mu);
  std::lock_guard<std::mutex> J(TheJournal.Mu);
}

// Consistent order with b.cpp: no cycle.
void journalAlone() { std::lock_guard<std::mutex> J(TheJournal.Mu); }
