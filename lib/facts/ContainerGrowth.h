//===--- ContainerGrowth.h - when a member container only grows -----------===//
//
// Part of asynctidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// async-unbounded-container's rule, on what the member functions do to one
// container member: the check applies it to the member functions of one
// unit, the whole-program merge to those of every unit.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCTIDY_FACTS_CONTAINERGROWTH_H
#define ASYNCTIDY_FACTS_CONTAINERGROWTH_H

namespace asynctidy::facts {

/// What the member functions do to a container member: at its own level
/// (0) and to the containers it holds (1).
struct ContainerGrowth {
  bool Grows[2] = {false, false};
  bool Shrinks[2] = {false, false};
  /// Bound to a reference, passed on by reference, its address taken.
  bool Escapes = false;
  /// An insertion into a map or a set with a key made up from a counter.
  bool FreshKey = false;
  /// A map or a set: it grows only by new keys.
  bool Associative = false;

  void add(const ContainerGrowth &Other) {
    for (int Level = 0; Level < 2; ++Level) {
      Grows[Level] |= Other.Grows[Level];
      Shrinks[Level] |= Other.Shrinks[Level];
    }
    Escapes |= Other.Escapes;
    FreshKey |= Other.FreshKey;
  }
  /// The containers it holds grow, and nothing removes from them.
  bool innerGrows() const { return Grows[1] && !Shrinks[1]; }

  /// A map or a set grows by new keys only, and keys from outside (names of
  /// peers, schemes, routes, queues) are as many as the configuration makes:
  /// it is judged only where the class makes up each key from a counter. The
  /// containers it holds grow with every insertion, whatever the keys.
  bool growsForever() const {
    if (Escapes || Shrinks[0])
      return false;
    if (innerGrows())
      return true;
    return Grows[0] && (!Associative || FreshKey);
  }
};

} // namespace asynctidy::facts

#endif // ASYNCTIDY_FACTS_CONTAINERGROWTH_H
