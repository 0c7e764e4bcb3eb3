#include "pool.h"

void BlockPool::release(int Block) {
  Free.push_back(Block);
}

std::size_t BlockPool::available() const { return Free.size(); }

// Called by allocate() in the other unit with the lock held.
void BlockPool::recycle(int Block) { Free.push_back(Block); }

// A fast path, checked again under the lock.
bool BlockPool::empty() const {
  if (Free.empty())
    return true;
  std::lock_guard<std::mutex> Lock(Mu);
  return Free.empty();
}

// A counter that one member function locks around is not evidence enough.
int BlockPool::served() const { return Served; }

void BlockPool::clear() {
  Free.clear(); // NOLINT(async-unguarded-member)
}

// Teardown, when no other thread uses the pool.
void BlockPool::shutdown() { Free.clear(); }
