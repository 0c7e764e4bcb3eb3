#include "buffers.h"
#include "telemetry.h"

#include <cstdlib>
#include <iostream>

namespace telemetry {

void report_exception(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception &exception) {
    std::cerr << "telemetry: " << exception.what() << '\n';
  } catch (...) {
    std::cerr << "telemetry: unknown exception\n";
  }
}

void report_error(std::error_code error) {
  std::cerr << "telemetry: " << error.message() << '\n';
}

} // namespace telemetry

int main(int argc, char **argv) {
  telemetry::Publisher publisher;
  publisher.startHeartbeat();
  publisher.publishInBackground({"started", 1.0});
  telemetry::BufferPool buffers(8);
  buffers.release(buffers.allocate(2));
  if (argc > 1)
    telemetry::runSessions(static_cast<unsigned>(std::atoi(argv[1])));
  publisher.stop();
  return EXIT_SUCCESS;
}
