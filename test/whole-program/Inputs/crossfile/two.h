#ifndef TWO_H
#define TWO_H
#include <mutex>

class One;

class Two {
public:
  void lock_mine_then_the_other(One *Other);
  void just_lock_mine();

private:
  std::mutex Mutex;
};
#endif
