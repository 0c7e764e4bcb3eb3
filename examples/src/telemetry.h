#pragma once

#include <exception>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace telemetry {

// Where the service reports what went wrong (a log, a metric, an alert).
void report_exception(std::exception_ptr error);
void report_error(std::error_code error);

struct Event {
  std::string name;
  double value = 0;
};

// Sends events to the collector.
class Publisher {
public:
  std::error_code publish(const Event &event);
  std::error_code flush();
  void publishInBackground(Event event);
  void startHeartbeat();
  void stop();

private:
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::vector<Event> pending_;
};

void runSessions(unsigned port);

// Starts a queue whose worker drains events in the background.
void runEventQueue();

// Adds delta to the counter name kept in the state file at path.
void saveCounter(const std::string &path, const std::string &name, long delta);

} // namespace telemetry
