// Abseil's hash containers (real headers) and C++20's contains().
// RUN: %check_async_tidy %s async-check-then-insert %t -- -std=c++20

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

#include <string>

absl::flat_hash_map<std::string, int> sessions;
absl::flat_hash_set<int> ports;

int sessionFor(const std::string &user) {
  if (!sessions.contains(user))
    sessions.emplace(user, 0);
  return sessions[user];
  // CHECK-NOTES: :[[@LINE-3]]:8: warning: 'sessions' is searched for a key that is then inserted
  // CHECK-NOTES: :[[@LINE-3]]:5: note: the key is inserted here
  // CHECK-NOTES: :[[@LINE-3]]:10: note: and looked up again here
  // CHECK-FIXES: {{^}}  auto it = sessions.try_emplace(user, 0).first;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  return it->second;{{$}}
}

bool claim(int port) {
  if (ports.contains(port))
    return false;
  ports.insert(port);
  return true;
}

void claimQuietly(int port) {
  if (!ports.contains(port))
    ports.insert(port);
  // CHECK-NOTES: :[[@LINE-2]]:8: warning: 'ports' is searched for a key that is then inserted
  // CHECK-NOTES: :[[@LINE-2]]:5: note: the key is inserted here
  // CHECK-FIXES: {{^}}  ports.insert(port);{{$}}
}

// Lookups only.
int peek(const std::string &user) {
  if (sessions.contains(user))
    return sessions.at(user);
  return -1;
}
