#include "pool.h"

std::vector<int> BlockPool::allocate(std::size_t N) {
  std::lock_guard<std::mutex> Lock(Mu);
  std::vector<int> Blocks;
  while (Blocks.size() < N && !Free.empty()) {
    Blocks.push_back(Free.back());
    Free.pop_back();
  }
  if (Blocks.empty())
    recycle(0);
  ++Served;
  return Blocks;
}

// This unit shows the guard too: the check reports it here, the merge not.
void BlockPool::reset() { Free.clear(); }
