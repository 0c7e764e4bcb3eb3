#!/usr/bin/env python3
"""Writes a translation unit of about LINES lines of service code for the
benchmark: classes with a mutex, lock sites, coroutines, maps and catch
blocks, mostly correct, with a defect every few functions, so that every
async-* check has work to do. The lines are this file's own; the headers
(<mutex>, <map>, <thread>, the test suite's lib::task) are parsed as usual.

With --correct, the same code with those defects written correctly: the
checks match as much, and report nothing (three warnings every 51 lines
otherwise, whose reporting clang-tidy pays for, not the checks).

    generate.py [--correct] LINES > unit.cpp
"""

import sys

HEADER = """\
#include "task.h"

#include <condition_variable>
#include <exception>
#include <future>
#include <map>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

void report(std::exception_ptr) noexcept;
std::error_code send_frame(int);
void work(int);
"""

UNIT = """\
class Store{n} {{
public:
  int lookup(const std::string &key) {{
    std::lock_guard<std::mutex> lock(mutex_);
    auto [it, inserted] = entries_.try_emplace(key, {n});
    return it->second;
  }}
  void insert(const std::string &key, int value) {{
    std::lock_guard<std::mutex> lock(mutex_);
    {insert}
  }}
  void erase(const std::string &key) {{
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.erase(key);
  }}
  int size() const {{ {size}return static_cast<int>(entries_.size()); }}

private:
  mutable std::mutex mutex_;
  std::map<std::string, int> entries_;
}};

lib::task<int> fetch{n}(int id) {{
  co_await lib::async_io();
  co_return id + {n};
}}

lib::task<int> gather{n}(std::vector<int> ids) {{
  int total = 0;
  for (int id : ids)
    total += co_await fetch{n}({argument});
  co_return total;
}}

void worker{n}(std::mutex &m, std::condition_variable &ready, bool &done) {{
  std::unique_lock<std::mutex> lock(m);
  ready.wait(lock, [&] {{ return done; }});
  try {{
    work({n});
  }} catch (const std::exception &) {{
    report(std::current_exception());
  }}
  if (auto ec = send_frame({n}); ec)
    report(std::make_exception_ptr(std::system_error(ec)));
}}

void start{n}(std::mutex &m, std::condition_variable &ready, bool &done) {{
  std::thread t([&] {{ worker{n}(m, ready, done); }});
  t.join();
}}
"""


# The defects, and how --correct writes the same code.
DEFECTIVE = {
    # check-then-insert: a lookup, then an insertion of the same key
    "insert": "if (entries_.find(key) == entries_.end())\n"
              "      entries_[key] = value;",
    # unguarded-member: a read without the mutex that guards the map
    "size": "",
    # sequential-await-in-loop: independent operations awaited one by one
    "argument": "id",
}
CORRECT = {
    "insert": "if (auto it = entries_.find(key); it != entries_.end())\n"
              "      it->second = value;",
    "size": "std::lock_guard<std::mutex> lock(mutex_); ",
    # each operation depends on the one before
    "argument": "total + id",
}


def main():
    args = sys.argv[1:]
    parts = CORRECT if "--correct" in args else DEFECTIVE
    lines = int([a for a in args if a != "--correct"][0])
    sys.stdout.write(HEADER)
    written = HEADER.count("\n")
    n = 0
    while written < lines:
        unit = UNIT.format(n=n, **parts)
        sys.stdout.write(unit)
        written += unit.count("\n")
        n += 1


if __name__ == "__main__":
    main()
