// What a statement writes to (support/Writes.h), shared by
// async-unguarded-member and async-sequential-await-in-loop.
// RUN: %probe_tidy -checks='-*,probe-writes' %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not="warning:"

#include <vector>

struct Counter {
  void bump();
  int value() const;
};
void fill(int &Out);
void read(const int &In);
void fillAt(int *Out);
void release(Counter *C);

void writes(int X, Counter C, Counter *P, std::vector<int> &V, int *Q) {
  X = 1;
  // CHECK: :[[@LINE-1]]:3: warning: writes 'X'
  ++X;
  // CHECK: :[[@LINE-1]]:5: warning: writes 'X'
  C.bump();
  // CHECK: :[[@LINE-1]]:3: warning: writes 'C'
  P->bump();
  // CHECK: :[[@LINE-1]]:3: warning: writes 'P' through a pointer
  C.value();
  fill(X);
  // CHECK: :[[@LINE-1]]:8: warning: writes 'X'
  read(X);
  fillAt(&X);
  // CHECK: :[[@LINE-1]]:11: warning: writes 'X'
  release(P);
  // CHECK: :[[@LINE-1]]:11: warning: writes 'P' through a pointer
  V.back();
  V[0] = 2;
  // CHECK: :[[@LINE-1]]:3: warning: writes 'V[0]' (an accessor of 'V')
  V.push_back(3);
  // CHECK: :[[@LINE-1]]:3: warning: writes 'V'
  *Q = 4;
  // CHECK: :[[@LINE-1]]:3: warning: writes '*Q'
}

template <typename T> void later(T &Items) {
  Items.push_back(1);
  // CHECK: :[[@LINE-1]]:3: warning: writes 'Items'
}
