// Which function encloses a statement (asked of support/Parents.h, an index
// of the narrowed traversal scope: the user's code), and which blocks hold
// code the preprocessor left out.
// RUN: %probe_tidy -checks='-*,probe-enclosing' %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not="warning:"

int work();
int global = work();
// CHECK: :[[@LINE-1]]:14: warning: outside any function [probe-enclosing]

void outer() {
  work();
  // CHECK: :[[@LINE-1]]:3: warning: in 'outer'
  auto lambda = [] {
    work();
    // CHECK: :[[@LINE-1]]:5: warning: in a lambda
    auto nested = [] { return work(); };
    // CHECK: :[[@LINE-1]]:31: warning: in a lambda
    return nested();
    // (LLVM 22 places a call operator's call at its parenthesis)
    // CHECK: :[[@LINE-2]]:{{12|18}}: warning: in a lambda
  };
  lambda();
  // CHECK: :[[@LINE-1]]:{{3|9}}: warning: in 'outer'
  work();
  // CHECK: :[[@LINE-1]]:3: warning: in 'outer'
  {
#if 0
    work();
#endif
  }
  // CHECK: :[[@LINE-5]]:3: warning: block with skipped code
  {
    work();
  }
  // CHECK: :[[@LINE-3]]:3: warning: block without skipped code
  // CHECK: :[[@LINE-3]]:5: warning: in 'outer'
}

struct Widget {
  void method() { work(); }
  // CHECK: :[[@LINE-1]]:19: warning: in 'method'
};

template <typename T> void generic(T) { work(); }
// CHECK: :[[@LINE-1]]:41: warning: in 'generic'

void after() { work(); }
// CHECK: :[[@LINE-1]]:16: warning: in 'after'

void withLocalClass() {
  struct Local {
    int run() { return work(); }
    // CHECK: :[[@LINE-1]]:24: warning: in 'run'
  };
  work();
  // CHECK: :[[@LINE-1]]:3: warning: in 'withLocalClass'
}

struct Defaults {
  int value = work();
  // CHECK: :[[@LINE-1]]:15: warning: outside any function
};

// The index of parents (support/Parents.h) records what the compiler adds
// around written code too: constructor initializers, the variables of a
// range-based for, lambdas in a global's initializer, templates' members.
struct Counter {
  Counter() : count(work()) {}
  // CHECK: :[[@LINE-1]]:21: warning: in 'Counter'
  int count;
};

struct Range {
  int *begin();
  int *end();
};
Range range(int);

int sum() {
  int total = 0;
  for (int value : range(work()))
    // CHECK: :[[@LINE-1]]:20: warning: in 'sum'
    // CHECK: :[[@LINE-2]]:26: warning: in 'sum'
    total += value;
  static int once = work();
  // CHECK: :[[@LINE-1]]:21: warning: in 'sum'
  return total + once;
}

auto handler = [] { return work(); };
// CHECK: :[[@LINE-1]]:28: warning: in a lambda

template <typename T> struct Box {
  T get() { return T(work()); }
  // CHECK: :[[@LINE-1]]:22: warning: in 'get'
};
int unboxed = Box<int>().get();
// CHECK: :[[@LINE-1]]:15: warning: outside any function
