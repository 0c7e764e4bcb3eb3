//===--- Graph.h - cycles in a directed graph
//------------------------------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The lock-order graph's cycles, for the per-unit check (nodes are
// declarations) and for the whole-program merge (nodes are the keys of
// declarations across units).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_FACTS_GRAPH_H
#define ASYNCTIDY_FACTS_GRAPH_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>
#include <deque>
#include <vector>

namespace asynctidy::facts {

/// Each node's successors.
template <typename Node>
using Successors = llvm::DenseMap<Node, std::vector<Node>>;

/// The strongly connected components of a graph (Tarjan's algorithm): a
/// cycle lies within one of them.
template <typename Node> class Components {
public:
  explicit Components(const Successors<Node> &Graph) : Graph(Graph) {
    for (const auto &Entry : Graph)
      if (!Index.count(Entry.first))
        visit(Entry.first);
  }
  /// The component of \p N: equal numbers, same component; 0 for a node
  /// without edges.
  unsigned of(const Node &N) const { return Component.lookup(N); }

private:
  void visit(const Node &N) {
    unsigned MyIndex = Index[N] = LowLink[N] = Next++;
    Stack.push_back(N);
    OnStack.insert(N);
    auto It = Graph.find(N);
    if (It != Graph.end())
      for (const Node &Successor : It->second) {
        if (!Index.count(Successor)) {
          visit(Successor);
          LowLink[N] = std::min(LowLink[N], LowLink[Successor]);
        } else if (OnStack.count(Successor)) {
          LowLink[N] = std::min(LowLink[N], Index[Successor]);
        }
      }
    if (LowLink[N] != MyIndex)
      return;
    unsigned Number = ++Count;
    Node Member;
    do {
      Member = Stack.pop_back_val();
      OnStack.erase(Member);
      Component[Member] = Number;
    } while (Member != N);
  }

  const Successors<Node> &Graph;
  llvm::DenseMap<Node, unsigned> Index, LowLink, Component;
  llvm::SmallVector<Node, 16> Stack;
  llvm::DenseSet<Node> OnStack;
  unsigned Next = 0, Count = 0;
};

/// The shortest path from \p From to \p To inside their component, as the
/// edges (pairs of nodes) it takes; empty when there is none.
template <typename Node>
std::vector<std::pair<Node, Node>>
pathWithin(const Successors<Node> &Graph, const Components<Node> &SCC,
           const Node &From, const Node &To) {
  unsigned Component = SCC.of(From);
  llvm::DenseMap<Node, Node> Parent;
  llvm::DenseSet<Node> Seen{From};
  std::deque<Node> Queue{From};
  while (!Queue.empty() && !Seen.count(To)) {
    Node Current = Queue.front();
    Queue.pop_front();
    auto It = Graph.find(Current);
    if (It == Graph.end())
      continue;
    for (const Node &Next : It->second)
      if (SCC.of(Next) == Component && Seen.insert(Next).second) {
        Parent[Next] = Current;
        Queue.push_back(Next);
      }
  }
  std::vector<std::pair<Node, Node>> Path;
  if (!Seen.count(To) || From == To)
    return Path;
  for (Node N = To; N != From; N = Parent.lookup(N))
    Path.push_back({Parent.lookup(N), N});
  std::reverse(Path.begin(), Path.end());
  return Path;
}

} // namespace asynctidy::facts

#endif // ASYNCTIDY_FACTS_GRAPH_H
