// Which calls between lock() and unlock() are ways out (triaged on the
// corpus, see docs/precision.md): the program's own functions are read, a
// standard-library or C function does not count, and running out of memory
// (a `new`) is not worth a warning.
// RUN: %check_async_tidy %s async-manual-lock-unlock %t -- -std=c++17
// RUN: %check_async_tidy --check-suffix=,UNKNOWN %s async-manual-lock-unlock %t-unknown \
// RUN:   -config="{CheckOptions: {async-manual-lock-unlock.UnknownCallsMayThrow: true}}" -- -std=c++17

#include <map>
#include <mutex>
#include <stdexcept>
#include <string>

extern "C" void rb_erase(void *node, void *root);
struct ListNode {
  ListNode *prev = nullptr, *next = nullptr;
};
inline void list_del(ListNode *node) {
  node->prev->next = node->next;
  node->next->prev = node->prev;
}
struct Entry {
  ListNode list;
  std::string name;
};

std::mutex table_mutex;
std::map<std::string, Entry *> table;
void *root;

void removeEntry(Entry *entry) {
  list_del(&entry->list);
  rb_erase(entry, &root);
}
Entry *findOrAdd(const std::string &name, bool insert) {
  auto it = table.find(name);
  if (it != table.end())
    return it->second;
  return insert ? table[name] = new Entry{{}, name} : nullptr;
}

// C-style helpers calling helpers, as intrusive lists are written.
inline void link(ListNode *node, ListNode *prev, ListNode *next) {
  next->prev = node;
  node->next = next;
  node->prev = prev;
  prev->next = node;
}
inline void addTail(ListNode *node, ListNode *head) {
  link(node, head->prev, head);
}
inline void moveTail(ListNode *node, ListNode *head) {
  list_del(node);
  addTail(node, head);
}
inline bool moveAll(ListNode *from, ListNode *to) {
  while (from->next != from)
    moveTail(from->next, to);
  rb_erase(from, &root);
  return true;
}

// ---- not reported -------------------------------------------------------------

void unlinks(Entry *entry) {
  table_mutex.lock();
  removeEntry(entry);
  findOrAdd("x", true);
  table.find("y");
  table_mutex.unlock();
}

void drains(ListNode *from, ListNode *to) {
  table_mutex.lock();
  moveAll(from, to);
  table_mutex.unlock();
}

// A function whose code is elsewhere: this translation unit cannot tell
// whether it throws (on the corpus, C-style helpers defined in another file
// never did), unless the option says such calls may.
struct Communicator {
  int push(const void *buf, unsigned size);
  virtual int bind();
};
void pushes(Communicator &comm, const void *buf) {
  table_mutex.lock();
  comm.push(buf, 16);
  table_mutex.unlock();
  // CHECK-MESSAGES-UNKNOWN: :[[@LINE-3]]:3: warning: mutex 'table_mutex' is locked and unlocked by hand: {{.*}} [async-manual-lock-unlock]
  // CHECK-FIXES-UNKNOWN: {{^}}  std::unique_lock lock(table_mutex);{{$}}
  // CHECK-FIXES-UNKNOWN: {{^}}  lock.unlock();{{$}}
}
void binds(Communicator &comm) {
  table_mutex.lock();
  comm.bind();
  table_mutex.unlock();
  // CHECK-MESSAGES-UNKNOWN: :[[@LINE-3]]:3: warning: mutex 'table_mutex' is locked and unlocked by hand: {{.*}} [async-manual-lock-unlock]
  // CHECK-FIXES-UNKNOWN: {{^}}  std::unique_lock lock(table_mutex);{{$}}
  // CHECK-FIXES-UNKNOWN: {{^}}  lock.unlock();{{$}}
}

// ---- reported -----------------------------------------------------------------

void parse(const std::string &text) {
  if (text.empty())
    throw std::invalid_argument("empty");
}
void validateAll() noexcept(false);

void parses(const std::string &text) {
  table_mutex.lock();
  parse(text);
  table_mutex.unlock();
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: mutex 'table_mutex' is locked and unlocked by hand: {{.*}} [async-manual-lock-unlock]
  // CHECK-FIXES: {{^}}  std::unique_lock lock(table_mutex);{{$}}
  // CHECK-FIXES: {{^}}  lock.unlock();{{$}}
}

// A function whose code is elsewhere and says it may throw.
void validates() {
  table_mutex.lock();
  validateAll();
  table_mutex.unlock();
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: mutex 'table_mutex' is locked and unlocked by hand: {{.*}} [async-manual-lock-unlock]
  // CHECK-FIXES: {{^}}  std::unique_lock lock(table_mutex);{{$}}
  // CHECK-FIXES: {{^}}  lock.unlock();{{$}}
}
