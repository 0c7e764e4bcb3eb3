// A header found through -isystem: its code is not the user's.
#include <thread>

inline void startDaemon() { std::thread([] {}).detach(); }

template <typename Handler> void runHandler(Handler H) { H(); }
