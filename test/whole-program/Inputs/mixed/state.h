#ifndef STATE_H
#define STATE_H
#include <mutex>

struct Registry {
  std::mutex Mu;
};
struct Cache {
  std::mutex Mu;
};
struct Queue {
  std::mutex Mu;
};
struct Journal {
  std::mutex Mu;
};
extern Registry TheRegistry;
extern Cache TheCache;
extern Queue TheQueue;
extern Journal TheJournal;

void fillCache();
void flushJournal();

// Defined in the header, so summarised in both units: its edges are each
// unit's own.
inline void registryThenCache() {
  std::lock_guard<std::mutex> R(TheRegistry.Mu);
  std::lock_guard<std::mutex> C(TheCache.Mu);
}
#endif
