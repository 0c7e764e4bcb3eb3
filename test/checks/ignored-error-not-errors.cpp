// Results that are not errors although the function's name says send, write
// or flush (triaged on the corpus, see docs/precision.md), and Asio-style
// functions that return the error they also write into an argument.
// RUN: %check_async_tidy %s async-ignored-error %t -- -std=c++17

#include <cerrno>
#include <system_error>
#include <unistd.h>

// ---- not reported ------------------------------------------------------------

// A write that returns the size it was given.
int write_all(const char *data, int size) {
  (void)data;
  return size;
}
// A setter that always returns 0.
struct Options {
  int set_flush_interval(int ms) {
    interval = ms;
    return 0;
  }
  int interval = 0;
};
// A function that returns the HTTP status it sent.
int send_response(int code) {
  if (code == 1)
    return 404;
  return 200;
}
// Success only.
bool flush_cache() { return true; }

// Asio: the returned error_code is the one written into `ec`.
struct socket {
  std::error_code close(std::error_code &ec);
  std::error_code shutdown(int how, std::error_code &ec);
  std::error_code cancel(std::error_code &ec);
};

// A wait named after the commit it waits for: its result says whether it
// slept, not whether something failed.
struct Monitor {
  bool commit_wait(int &node) { return node != epoch; }
  int epoch = 0;
};
// Teardown that returns its error: the connection goes away either way.
struct Connection {
  std::error_code cancel();
  std::error_code closeSocket();
};
// The wake-up of a self-pipe: a full pipe means one is already pending.
void wakeUp(int pipe_fd, void *session) {
  write(pipe_fd, &session, sizeof(void *));
}

void callsThem(Options &options, socket &s, Monitor &monitor,
               Connection &connection, int &node) {
  monitor.commit_wait(node);
  connection.cancel();
  connection.closeSocket();
  write_all("x", 1);
  options.set_flush_interval(5);
  send_response(1);
  flush_cache();
  std::error_code ec;
  s.close(ec);
  s.shutdown(2, ec);
  s.cancel(ec);
  if (ec)
    return;
}

// ---- reported ----------------------------------------------------------------

int commit_batch(int n) {
  if (n > 10)
    return EIO;
  return 0;
}
int flush_file(int fd) {
  if (fd < 0)
    return -1;
  return 0;
}
bool send_frame(int fd) { return fd > 0; }
struct Channel {
  virtual bool send(int) { return true; } // an override may fail
};

std::error_code connect(int port);
void writesData(int fd, const char *data, size_t size) {
  write(fd, data, size);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: result of 'write' is ignored: a failure of the call goes unnoticed [async-ignored-error]
  connect(80);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: result of 'connect' is ignored
}

void dropsThem(Channel &channel) {
  commit_batch(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: result of 'commit_batch' is ignored: a failure of the call goes unnoticed [async-ignored-error]
  flush_file(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: result of 'flush_file' is ignored
  send_frame(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: result of 'send_frame' is ignored
  channel.send(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: result of 'send' is ignored
}
