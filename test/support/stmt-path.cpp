// Where a statement sits in its function, found by walking down from the
// body (support/StmtPath.h): what encloses it, whether a handler does, and
// whether it is a loop's body or a statement of one, through nested blocks.
// RUN: %probe_tidy -checks='-*,probe-stmt-path' %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not="warning:"

void work();
bool more();

void atTheTop() {
  try { work(); } catch (...) {}
  // CHECK: :[[@LINE-1]]:3: warning: 1 enclosing, not in a handler, not in a loop body
}

void inHandler() {
  try {
    work();
  } catch (...) {
    // CHECK: :[[@LINE-3]]:3: warning: 1 enclosing, not in a handler, not in a loop body
    try { work(); } catch (...) {}
    // CHECK: :[[@LINE-1]]:5: warning: 4 enclosing, in a handler, not in a loop body
    throw;
  }
}

void inLoops(int n) {
  for (int i = 0; i < n; ++i)
    try { work(); } catch (...) {}
  // CHECK: :[[@LINE-1]]:5: warning: 2 enclosing, not in a handler, in a loop body
  while (more()) {
    {
      try { work(); } catch (...) {}
      // CHECK: :[[@LINE-1]]:7: warning: 4 enclosing, not in a handler, in a loop body
    }
  }
  // A condition decides first: not what the loop repeats per item.
  do {
    if (more())
      try { work(); } catch (...) {}
    // CHECK: :[[@LINE-1]]:7: warning: 4 enclosing, not in a handler, not in a loop body
  } while (more());
}
