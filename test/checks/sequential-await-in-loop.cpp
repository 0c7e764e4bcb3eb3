// RUN: %check_async_tidy %s async-sequential-await-in-loop %t -- -std=c++20 -I%inputs
// RUN: %check_async_tidy --check-suffix=OPTIONS %s async-sequential-await-in-loop %t-options \
// RUN:   -config="{CheckOptions: {async-sequential-await-in-loop.WhenAllFunction: 'cppcoro::when_all', async-sequential-await-in-loop.SequentialAwaitables: '::app::Client::ordered'}}" \
// RUN:   -- -std=c++20 -I%inputs

#include "task.h"

#include <cassert>
#include <string>
#include <vector>

namespace app {
struct Page {
  std::vector<int> items;
  std::string next;
};
struct Client {
  lib::task<int> fetch(int id);
  lib::task<Page> page(const std::string &cursor);
  lib::task<bool> send(int id);
  lib::task<int> ordered(int id);
  lib::task<int> read_message();
};
lib::task<int> fetch(int id);
lib::task<> sleep_for(int ms);
} // namespace app

// ---- positives -------------------------------------------------------------

lib::task<int> oneAfterAnother(app::Client &client, std::vector<int> ids) {
  int total = 0;
  for (int id : ids) {
    total += co_await client.fetch(id);
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: each iteration waits here before the next one starts, although the awaited operations do not depend on each other [async-sequential-await-in-loop]
    // CHECK-NOTES: :[[@LINE-3]]:3: note: start the operations first and await them together with a concurrent composition such as asio::experimental::make_parallel_group, folly::coro::collectAllRange or cppcoro::when_all
    // CHECK-NOTES-OPTIONS: :[[@LINE-3]]:14: warning: each iteration waits here
    // CHECK-NOTES-OPTIONS: :[[@LINE-5]]:3: note: start the operations first and await them together with 'cppcoro::when_all'
  }
  co_return total;
}

lib::task<> indexedLoop(std::vector<int> ids) {
  for (size_t i = 0; i < ids.size(); ++i)
    co_await app::fetch(ids[i]);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: each iteration waits here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: start the operations first
  // CHECK-NOTES-OPTIONS: :[[@LINE-3]]:5: warning: each iteration waits here
  // CHECK-NOTES-OPTIONS: :[[@LINE-5]]:3: note: start the operations first
}

// A break that leaves a switch does not stop the loop.
lib::task<> withASwitch(app::Client &client, std::vector<int> ids) {
  for (int id : ids) {
    switch (id % 2) {
    case 0:
      co_await client.fetch(id);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: each iteration waits here
      // CHECK-NOTES: :[[@LINE-5]]:3: note: start the operations first
      // CHECK-NOTES-OPTIONS: :[[@LINE-3]]:7: warning: each iteration waits here
      // CHECK-NOTES-OPTIONS: :[[@LINE-7]]:3: note: start the operations first
      break;
    default:
      break;
    }
  }
}

// The seed's shape on a client the object owns, and in a function template
// (where the call is not resolved yet).
struct Service {
  app::Client client_;
  lib::task<int> sum(std::vector<int> ids) {
    int total = 0;
    for (int id : ids)
      total += co_await client_.fetch(id);
    // CHECK-NOTES: :[[@LINE-1]]:16: warning: each iteration waits here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: start the operations first
    // CHECK-NOTES-OPTIONS: :[[@LINE-3]]:16: warning: each iteration waits here
    // CHECK-NOTES-OPTIONS: :[[@LINE-5]]:5: note: start the operations first
    co_return total;
  }
};
template <typename Client>
lib::task<int> sumAll(Client &client, std::vector<int> ids) {
  int total = 0;
  for (int id : ids)
    total += co_await client.fetch(id);
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: each iteration waits here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: start the operations first
  // CHECK-NOTES-OPTIONS: :[[@LINE-3]]:14: warning: each iteration waits here
  // CHECK-NOTES-OPTIONS: :[[@LINE-5]]:3: note: start the operations first
  co_return total;
}

// ---- negatives -------------------------------------------------------------

// Paced on purpose: a poll that sleeps at the end of each iteration, and
// operations that run one at a time by nature.
namespace app {
struct Channel {
  lib::task<> produce(int value);
};
struct Semaphore {
  lib::task<> release();
};
struct AsyncIterator {
  lib::task<> operator++();
};
lib::task<> yield();
} // namespace app
lib::task<> pollEvery(app::Client &client) {
  for (int round = 0; round < 10; ++round) {
    co_await client.fetch(round);
    co_await app::sleep_for(100);
  }
  // With its own list, the option replaces the default one.
  // CHECK-NOTES-OPTIONS: :[[@LINE-4]]:5: warning: each iteration waits here
  // CHECK-NOTES-OPTIONS: :[[@LINE-6]]:3: note: start the operations first
}
lib::task<> byNature(app::Channel &channel, app::Semaphore &slots,
                     app::AsyncIterator it) {
  for (int i = 0; i < 10; ++i)
    co_await channel.produce(i);
  // CHECK-NOTES-OPTIONS: :[[@LINE-1]]:5: warning: each iteration waits here
  // CHECK-NOTES-OPTIONS: :[[@LINE-3]]:3: note: start the operations first
  for (int i = 0; i < 10; ++i)
    co_await slots.release();
  // CHECK-NOTES-OPTIONS: :[[@LINE-1]]:5: warning: each iteration waits here
  // CHECK-NOTES-OPTIONS: :[[@LINE-3]]:3: note: start the operations first
  for (int i = 0; i < 10; ++i)
    co_await app::yield();
  // CHECK-NOTES-OPTIONS: :[[@LINE-1]]:5: warning: each iteration waits here
  // CHECK-NOTES-OPTIONS: :[[@LINE-3]]:3: note: start the operations first
  for (int i = 0; i < 10; ++i)
    co_await ++it;
}

// The do { ... } while (0) of a macro is no loop.
#define FETCH_CHECKED(id)                                                     \
  do {                                                                        \
    int value = co_await app::fetch(id);                                      \
    assert(value >= 0);                                                       \
  } while (0)
lib::task<> checkedOnce() { FETCH_CHECKED(1); }

// Pagination: each request needs the cursor of the one before.
lib::task<int> paginates(app::Client &client) {
  std::string cursor;
  int count = 0;
  do {
    app::Page page = co_await client.page(cursor);
    count += static_cast<int>(page.items.size());
    cursor = page.next;
  } while (!cursor.empty());
  co_return count;
}

// The result decides whether the loop goes on.
lib::task<bool> stopsOnAResult(app::Client &client, std::vector<int> ids) {
  for (int id : ids) {
    if (!co_await client.send(id))
      co_return false;
  }
  co_return true;
}

lib::task<int> findsTheFirst(std::vector<int> ids) {
  int found = -1;
  for (int id : ids) {
    found = co_await app::fetch(id);
    if (found > 0)
      break;
  }
  co_return found;
}

// Timers and back-off, and reads from a stream, are sequential by nature.
lib::task<> retriesWithBackoff(app::Client &client) {
  for (int attempt = 0; attempt < 3; ++attempt)
    co_await app::sleep_for(100 << attempt);
  for (int i = 0; i < 10; ++i)
    co_await client.read_message();
  // SequentialAwaitables replaces the default list:
  // CHECK-NOTES-OPTIONS: :[[@LINE-4]]:5: warning: each iteration waits here
  // CHECK-NOTES-OPTIONS: :[[@LINE-6]]:3: note: start the operations first
  // CHECK-NOTES-OPTIONS: :[[@LINE-4]]:5: warning: each iteration waits here
  // CHECK-NOTES-OPTIONS: :[[@LINE-6]]:3: note: start the operations first
}

// A user-listed awaitable that must stay in order.
lib::task<> ordered(app::Client &client, std::vector<int> ids) {
  for (int id : ids)
    co_await client.ordered(id);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: each iteration waits here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: start the operations first
}

// The condition reads what the iterations write.
lib::task<> untilDone(app::Client &client) {
  int done = 0;
  while (done < 3)
    done += co_await client.fetch(done);
}

// Cursors kept in a data member, a field of a request or an out-parameter
// are loop-carried too.
struct Pager {
  app::Client client_;
  std::string cursor_;
  lib::task<int> all() {
    int count = 0;
    do {
      app::Page page = co_await client_.page(cursor_);
      count += static_cast<int>(page.items.size());
      cursor_ = page.next;
    } while (!cursor_.empty());
    co_return count;
  }
};
struct Request {
  std::string token;
};
lib::task<app::Page> list(const Request &request);
void advance(std::string &cursor, const app::Page &page);
lib::task<> fieldsAndOutParameters() {
  Request request;
  do {
    app::Page page = co_await list(request);
    request.token = page.next;
  } while (!request.token.empty());
  std::string cursor;
  app::Client client;
  do {
    app::Page page = co_await client.page(cursor);
    advance(cursor, page);
  } while (!cursor.empty());
}

// The next request reads what the iteration wrote through an accessor
// (`cursors[0] = ...`) or through a pointer handed on (`&cursor`).
void advanceAt(std::string *cursor, const app::Page &page);
lib::task<> accessorsAndPointers(app::Client &client) {
  std::vector<std::string> cursors(1);
  do {
    app::Page page = co_await client.page(cursors[0]);
    cursors[0] = page.next;
  } while (!cursors[0].empty());
  std::string cursor;
  do {
    app::Page page = co_await client.page(cursor);
    advanceAt(&cursor, page);
  } while (!cursor.empty());
}

// Writes must stay in order on one connection.
lib::task<> writesInOrder(app::Client &client, std::vector<int> ids) {
  for (int id : ids)
    co_await client.send(id);
  // CHECK-NOTES-OPTIONS: :[[@LINE-1]]:5: warning: each iteration waits here
  // CHECK-NOTES-OPTIONS: :[[@LINE-3]]:3: note: start the operations first
}
