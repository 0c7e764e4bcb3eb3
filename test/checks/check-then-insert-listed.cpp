// The class listed in ContainerTypes is that of the container tested, not of
// a container the condition only asks for the key.
// RUN: %check_async_tidy %s async-check-then-insert %t \
// RUN:   -config="{CheckOptions: {async-check-then-insert.ContainerTypes: '::app::Registry'}}" -- -std=c++17

#include <map>
#include <string>

namespace app {
struct Registry {
  using mapped_type = int;
  int count(const std::string &) const;
  int &operator[](const std::string &);
};
} // namespace app

// The registry itself, tested and then inserted into. It has no
// try_emplace, so no fix-it.
void registryItself(app::Registry &registry, const std::string &name) {
  if (registry.count(name) == 0)
    registry[name] = 1;
  // CHECK-NOTES: :[[@LINE-2]]:7: warning: 'registry' is searched for a key that is then inserted: two lookups where one would do, and a race unless a lock covers both [async-check-then-insert]
  // CHECK-NOTES: :[[@LINE-2]]:5: note: the key is inserted here
}

// ---- must not flag -----------------------------------------------------------

// std::map is not listed here; the listed registry only computes the key.
std::map<int, int> tallies;
void keyFromListed(const app::Registry &registry, const std::string &name) {
  if (tallies.count(registry.count(name)) == 0)
    tallies[registry.count(name)] = 1;
}
