#ifndef REGISTRY_H
#define REGISTRY_H
#include <mutex>
#include <shared_mutex>

// Member functions defined in two units: update.cpp holds the mutex and
// calls into refresh.cpp, which takes it again.
class Registry {
public:
  void update();
  void updateOther(Registry &Other);
  void updateRecursive();
  void read();
  void updateSameUnit();
  void updateSilenced();
  void refresh();
  void refreshRecursive();
  void readAgain();
  void refreshHere();
  void refreshThrough();

private:
  std::mutex Mu;
  std::recursive_mutex Recursive;
  std::shared_mutex Shared;
};

extern std::mutex Global;
void logUnderGlobal();
void logFromTwoLevels();
#endif
