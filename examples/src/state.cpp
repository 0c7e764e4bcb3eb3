#include "telemetry.h"

#include <fstream>
#include <map>
#include <string>

namespace telemetry {

// Adds to the counters kept in a state file across restarts. The file is
// read, then rewritten where it stands.
void saveCounter(const std::string &path, const std::string &name, long delta) {
  std::map<std::string, long> counters;
  {
    std::ifstream in(path);
    std::string key;
    long value = 0;
    while (in >> key >> value)
      counters[key] = value;
  }
  counters[name] += delta;
  std::ofstream out(path);
  for (const auto &[key, value] : counters)
    out << key << ' ' << value << '\n';
}

} // namespace telemetry
