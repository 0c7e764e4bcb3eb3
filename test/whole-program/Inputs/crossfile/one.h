#ifndef ONE_H
#define ONE_H
#include <mutex>

class Two;

// The shape of Infer's crossfile-1.cpp/crossfile-2.cpp: each class takes
// its own mutex, then calls into the other, whose member function is
// defined in the other translation unit.
class One {
public:
  void lock_mine_then_the_other(Two *Other);
  void just_lock_mine();

private:
  std::mutex Mutex;
};
#endif
