// The lock registry never forgets a name, which async-unbounded-container
// reports, as its own tests show.
// RUN: %check_async_tidy --allow-other=async-unbounded-container %s async-check-then-insert %t -- -std=c++17
// RUN: %check_async_tidy --allow-other=async-unbounded-container --check-suffix=CXX14 %s async-check-then-insert %t-14 -- -std=c++14
// RUN: %check_async_tidy --allow-other=async-unbounded-container --check-suffix=OPTS %s async-check-then-insert %t-opts \
// RUN:   -config="{CheckOptions: {async-check-then-insert.ContainerTypes: '::app::Registry'}}" -- -std=c++17

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

namespace app {
struct Lock {};
struct Registry {
  using mapped_type = int;
  int count(const std::string &) const;
  std::pair<int *, bool> try_emplace(const std::string &, int);
  int &operator[](const std::string &);
};
} // namespace app

std::shared_ptr<std::mutex> makeLock(const std::string &name);
void audit(const std::string &name);

// ---- positives -------------------------------------------------------------

// The lock registry of the reviews: two callers that miss the name both
// create a lock, and one of them goes on with a lock nobody else shares.
class LockRegistry {
public:
  std::shared_ptr<std::mutex> lockFor(const std::string &name) {
    if (locks_.find(name) == locks_.end()) {
      locks_[name] = makeLock(name);
    }
    return locks_[name];
    // CHECK-NOTES: :[[@LINE-4]]:9: warning: 'locks_' is searched for a key that is then inserted: two lookups where one would do, and a race unless a lock covers both [async-check-then-insert]
    // CHECK-NOTES: :[[@LINE-4]]:7: note: the key is inserted here
    // CHECK-NOTES: :[[@LINE-3]]:12: note: and looked up again here
    // CHECK-FIXES: {{^}}    auto [it, inserted] = locks_.try_emplace(name);{{$}}
    // CHECK-FIXES-NEXT: {{^}}    if (inserted) {{{$}}
    // CHECK-FIXES-NEXT: {{^}}      it->second = makeLock(name);{{$}}
    // CHECK-FIXES-NEXT: {{^}}    }{{$}}
    // CHECK-FIXES-NEXT: {{^}}    return it->second;{{$}}
    // CHECK-MESSAGES-CXX14: :[[@LINE-12]]:9: warning: 'locks_' is searched for a key that is then inserted
  }

private:
  std::map<std::string, std::shared_ptr<std::mutex>> locks_;
};

std::map<std::string, int> counts;
std::unordered_map<int, std::string> names;
std::set<std::string> seen;

// A plain value: try_emplace constructs it in place.
void countOnce(const std::string &key) {
  if (!counts.count(key))
    counts[key] = 1;
  // CHECK-NOTES: :[[@LINE-2]]:8: warning: 'counts' is searched for a key that is then inserted
  // CHECK-NOTES: :[[@LINE-2]]:5: note: the key is inserted here
  // CHECK-FIXES: {{^}}  counts.try_emplace(key, 1);{{$}}
  // CHECK-MESSAGES-CXX14: :[[@LINE-5]]:8: warning: 'counts' is searched
}

// The rest of the branch runs only when the key was inserted.
int nameOf(int id, const std::string &fallback) {
  if (names.find(id) == names.end()) {
    names.emplace(id, fallback);
    audit(fallback);
  }
  return names.at(id).size();
  // CHECK-NOTES: :[[@LINE-5]]:7: warning: 'names' is searched for a key that is then inserted
  // CHECK-NOTES: :[[@LINE-5]]:5: note: the key is inserted here
  // CHECK-NOTES: :[[@LINE-3]]:10: note: and looked up again here
  // CHECK-FIXES: {{^}}  auto [it, inserted] = names.try_emplace(id, fallback);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  if (inserted) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    audit(fallback);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
  // CHECK-FIXES-NEXT: {{^}}  return it->second.size();{{$}}
  // CHECK-MESSAGES-CXX14: :[[@LINE-13]]:7: warning: 'names' is searched
}

// A set: insert() already says whether it inserted, in every standard.
void visit(const std::string &page) {
  if (seen.count(page) == 0) {
    seen.insert(page);
    audit(page);
  }
  // CHECK-NOTES: :[[@LINE-4]]:7: warning: 'seen' is searched for a key that is then inserted
  // CHECK-NOTES: :[[@LINE-4]]:5: note: the key is inserted here
  // CHECK-FIXES: {{^}}  if (seen.insert(page).second) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    audit(page);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
  // CHECK-MESSAGES-CXX14: :[[@LINE-9]]:7: warning: 'seen' is searched
  // CHECK-FIXES-CXX14: {{^}}  if (seen.insert(page).second) {{{$}}
}

// insert() of a pair, with the value moved: try_emplace does not move from
// it when the key is there.
void remember(const std::string &key, std::string value) {
  if (names.count(static_cast<int>(key.size())) == 0)
    names.insert({static_cast<int>(key.size()), std::move(value)});
  // CHECK-NOTES: :[[@LINE-2]]:7: warning: 'names' is searched for a key that is then inserted
  // CHECK-NOTES: :[[@LINE-2]]:5: note: the key is inserted here
  // CHECK-FIXES: {{^}}  names.try_emplace(static_cast<int>(key.size()), std::move(value));{{$}}
  // CHECK-MESSAGES-CXX14: :[[@LINE-5]]:7: warning: 'names' is searched
}

// Present-test with the insertion in the else branch: reported, no fix.
void presentElse(const std::string &key) {
  if (counts.find(key) != counts.end())
    audit(key);
  else
    counts[key] = 0;
  // CHECK-NOTES: :[[@LINE-4]]:7: warning: 'counts' is searched for a key that is then inserted
  // CHECK-NOTES: :[[@LINE-2]]:5: note: the key is inserted here
  // CHECK-MESSAGES-CXX14: :[[@LINE-6]]:7: warning: 'counts' is searched
}

// A user-listed container, with the option.
app::Registry registry;
void registerOnce(const std::string &key) {
  if (!registry.count(key))
    registry[key] = 7;
  // CHECK-MESSAGES-OPTS: :[[@LINE-2]]:8: warning: 'registry' is searched for a key that is then inserted
  // CHECK-FIXES-OPTS: {{^}}  registry.try_emplace(key, 7);{{$}}
}

// ---- must not flag -----------------------------------------------------------

// Different keys.
void differentKeys(const std::string &a, const std::string &b) {
  if (counts.find(a) == counts.end())
    counts[b] = 1;
}

// Lookups with no insertion.
int lookupOnly(const std::string &key) {
  if (counts.count(key))
    return counts[key];
  return 0;
}
bool present(const std::string &key) {
  if (counts.find(key) != counts.end())
    audit(key);
  return seen.count(key) > 0;
}

// The insertion happens when the key is present (replacing it): no test
// then insert of a missing key.
void replace(const std::string &key) {
  if (counts.count(key))
    counts.erase(key);
  if (counts.count(key))
    counts[key] = 2;
}

// A different container.
std::map<std::string, int> other;
void otherContainer(const std::string &key) {
  if (counts.find(key) == counts.end())
    other[key] = 1;
}

// Keys whose evaluation has effects are not the same key twice.
std::string nextKey();
void effects() {
  if (counts.find(nextKey()) == counts.end())
    counts[nextKey()] = 1;
}

// Already atomic.
void alreadyOneStep(const std::string &key) {
  auto result = counts.emplace(key, 1);
  if (!result.second)
    ++result.first->second;
}

// ---- fixes that must hold back ---------------------------------------------

// 'it' is taken: the later lookup stays, the insertion still folds into the
// test.
int itIsTaken(const std::string &key, int it) {
  if (counts.find(key) == counts.end()) {
    counts[key] = it;
    audit(key);
  }
  return counts[key];
  // CHECK-NOTES: :[[@LINE-5]]:7: warning: 'counts' is searched for a key that is then inserted
  // CHECK-NOTES: :[[@LINE-5]]:5: note: the key is inserted here
  // CHECK-NOTES: :[[@LINE-3]]:10: note: and looked up again here
  // CHECK-FIXES: {{^}}  if (counts.try_emplace(key, it).second) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    audit(key);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
  // CHECK-FIXES-NEXT: {{^}}  return counts[key];{{$}}
  // CHECK-MESSAGES-CXX14: :[[@LINE-12]]:7: warning: 'counts' is searched
}

// The branch erases from the container before the later lookup: the
// iterator could dangle, so the lookup stays.
int erasedInBranch(const std::string &key) {
  if (counts.find(key) == counts.end()) {
    counts[key] = 1;
    counts.erase("stale");
  }
  return counts[key];
  // CHECK-NOTES: :[[@LINE-5]]:7: warning: 'counts' is searched for a key that is then inserted
  // CHECK-NOTES: :[[@LINE-5]]:5: note: the key is inserted here
  // CHECK-NOTES: :[[@LINE-3]]:10: note: and looked up again here
  // CHECK-FIXES: {{^}}  if (counts.try_emplace(key, 1).second) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    counts.erase("stale");{{$}}
  // CHECK-MESSAGES-CXX14: :[[@LINE-10]]:7: warning: 'counts' is searched
}

// The next statement that uses the map uses it more than once (an erase in
// a loop could invalidate a kept iterator): no later lookup is rewritten.
int lookedUpInALoop(const std::string &key, int rounds) {
  if (counts.find(key) == counts.end()) {
    counts[key] = 1;
    audit(key);
  }
  for (int i = 0; i < rounds; ++i) {
    counts[key] += i;
    counts.erase("old");
  }
  return counts[key];
  // CHECK-NOTES: :[[@LINE-9]]:7: warning: 'counts' is searched for a key that is then inserted
  // CHECK-NOTES: :[[@LINE-9]]:5: note: the key is inserted here
  // CHECK-FIXES: {{^}}  if (counts.try_emplace(key, 1).second) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    audit(key);{{$}}
  // CHECK-MESSAGES-CXX14: :[[@LINE-13]]:7: warning: 'counts' is searched
}

// A test written in a macro: reported at the use, never edited.
#define MISSING(container, key) ((container).find(key) == (container).end())
void throughMacro(const std::string &key) {
  if (MISSING(counts, key))
    counts[key] = 3;
  // CHECK-NOTES: :[[@LINE-2]]:7: warning: 'counts' is searched for a key that is then inserted
  // CHECK-NOTES: :[[@LINE-5]]:34: note: expanded from macro 'MISSING'
  // CHECK-NOTES: :[[@LINE-3]]:5: note: the key is inserted here
  // CHECK-MESSAGES-CXX14: :[[@LINE-5]]:7: warning: 'counts' is searched
}

// A container named through an alias.
using Counts = std::map<std::string, int>;
Counts aliased;
void throughAlias(const std::string &key) {
  if (aliased.find(key) == aliased.end())
    aliased[key] = 3;
}
// CHECK-NOTES: :[[@LINE-3]]:7: warning: 'aliased' is searched for a key that is then inserted
// CHECK-NOTES: :[[@LINE-3]]:5: note: the key is inserted here
// CHECK-FIXES: {{^}}  aliased.try_emplace(key, 3);{{$}}
// CHECK-MESSAGES-CXX14: :[[@LINE-6]]:7: warning: 'aliased' is searched
