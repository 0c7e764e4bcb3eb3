#!/usr/bin/env python3
"""Writes a translation unit of about LINES lines of service code for the
benchmark: classes with a mutex, lock sites, coroutines, maps and catch
blocks, mostly correct, with a defect every few functions, so that every
async-* check has work to do. The lines are this file's own; the headers
(<mutex>, <map>, <thread>, the test suite's lib::task) are parsed as usual.

    generate.py LINES > unit.cpp
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
    if (entries_.find(key) == entries_.end())
      entries_[key] = value;
  }}
  void erase(const std::string &key) {{
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.erase(key);
  }}
  int size() const {{ return static_cast<int>(entries_.size()); }}

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
    total += co_await fetch{n}(id);
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


def main():
    lines = int(sys.argv[1])
    sys.stdout.write(HEADER)
    written = HEADER.count("\n")
    n = 0
    while written < lines:
        unit = UNIT.format(n=n)
        sys.stdout.write(unit)
        written += unit.count("\n")
        n += 1


if __name__ == "__main__":
    main()
