// A test framework and a utility header bundled in a project's own tree (not
// a system header): what its macros write is not the user's code either.
#pragma once
#include <mutex>
#include <system_error>
#include <thread>

namespace fw {
std::error_code send_result(int);
void record(bool);
} // namespace fw

#define FW_EXPECT_NO_THROW(statement)                                          \
  do {                                                                         \
    try {                                                                      \
      statement;                                                               \
    } catch (...) {                                                            \
    }                                                                          \
  } while (0)
#define FW_RUN_DETACHED(f) std::thread(f).detach()
#define FW_LOCKED(m, statement)                                                \
  do {                                                                         \
    (m).lock();                                                                \
    statement;                                                                 \
    (m).unlock();                                                              \
  } while (0)
#define FW_SEND(n) fw::send_result(n)
