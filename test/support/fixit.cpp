// When a fix-it may edit a statement, and when an empty block hides code.
// RUN: not %probe_tidy -checks='-*,probe-fixit' %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not="warning:"

void work();
#define CALL_WORK() work()
#define EMPTY_BLOCK {}

void statements(bool flag) {
  work();
  // CHECK: :[[@LINE-1]]:3: warning: editable [probe-fixit]
  CALL_WORK();
  // CHECK: :[[@LINE-1]]:3: warning: not editable
  work(undeclared);
  // CHECK: :[[@LINE-1]]:3: warning: not editable
  // CHECK: :[[@LINE-2]]:8: error: use of undeclared identifier 'undeclared'
  if (flag) {}
  // CHECK: :[[@LINE-1]]:3: warning: editable
  // CHECK: :[[@LINE-2]]:13: warning: empty block without hidden code
  if (flag) { /* only a comment */ }
  // CHECK: :[[@LINE-1]]:3: warning: editable
  // CHECK: :[[@LINE-2]]:13: warning: empty block without hidden code
  if (flag) { // the code below is left out by the preprocessor
#ifdef NEVER_DEFINED
    work();
#endif
  }
  // CHECK: :[[@LINE-5]]:3: warning: editable
  // CHECK: :[[@LINE-6]]:13: warning: empty block with hidden code
  if (flag) EMPTY_BLOCK
  // CHECK: :[[@LINE-1]]:3: warning: not editable
  // CHECK: :[[@LINE-2]]:13: warning: empty block without hidden code
}
