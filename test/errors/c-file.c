// The checks are for C++: on C code they stay silent and nothing crashes,
// even where the names look like theirs.
// RUN: %check_async_tidy %s async-* %t -- -std=c11

int send(int fd, const void *data, unsigned long size);
int flush(void);

void publish(int fd) {
  send(fd, "x", 1);
  flush();
}
