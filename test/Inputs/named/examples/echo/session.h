// A demo of the library, as projects ship them under examples/: it shows the
// API in the fewest lines and is not run as a service.
#include <thread>

void serve();

inline void startDemo() {
  std::thread(serve).detach();
}
