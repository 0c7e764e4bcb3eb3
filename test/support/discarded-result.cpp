// Where the value of a call counts as dropped.
// RUN: %probe_tidy -checks='-*,probe-discarded-result' %s -- -std=c++20 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|error}}:"

#include <string>
#include <tuple>

int get();
std::string text();
void use(int);

int discards(bool flag) {
  get();
  // CHECK: :[[@LINE-1]]:3: warning: result unused in a block [probe-discarded-result]
  text(); // a temporary with a destructor
  // CHECK: :[[@LINE-1]]:3: warning: result unused in a block
  (get());
  // CHECK: :[[@LINE-1]]:4: warning: result unused in a block
  (void)get();
  // CHECK: :[[@LINE-1]]:9: warning: result cast to void in a block
  static_cast<void>(text());
  // CHECK: :[[@LINE-1]]:21: warning: result cast to void in a block
  std::ignore = get();
  // CHECK: :[[@LINE-1]]:17: warning: result assigned to std::ignore in a block
  if (flag)
    get();
  // CHECK: :[[@LINE-1]]:5: warning: result unused [probe-discarded-result]
  else
    get();
  // CHECK: :[[@LINE-1]]:5: warning: result unused [probe-discarded-result]
  for (int i = 0; i < 2; get())
  // CHECK: :[[@LINE-1]]:26: warning: result unused [probe-discarded-result]
    get();
  // CHECK: :[[@LINE-1]]:5: warning: result unused [probe-discarded-result]
  while (flag)
    get();
  // CHECK: :[[@LINE-1]]:5: warning: result unused [probe-discarded-result]
  switch (get()) {
  case 1:
    get();
    // CHECK: :[[@LINE-1]]:5: warning: result unused [probe-discarded-result]
    break;
  default:
    get();
    // CHECK: :[[@LINE-1]]:5: warning: result unused [probe-discarded-result]
  }
  if (flag) [[unlikely]]
    get();
  // CHECK: :[[@LINE-1]]:5: warning: result unused [probe-discarded-result]
  get(), use(1);
  // CHECK: :[[@LINE-1]]:3: warning: result unused [probe-discarded-result]

  // Used values: none of these is reported.
  int kept = get();
  use(get());
  if (get() > 0)
    return get();
  std::string copy = text();
  return kept + static_cast<int>(copy.size());
}
