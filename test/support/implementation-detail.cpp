// Which namespaces a library keeps for its implementation
// (support/ImplementationDetail.h).
// RUN: %probe_tidy -checks='-*,probe-implementation-detail' %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not="warning:"

void atGlobalScope();
// CHECK: :[[@LINE-1]]:6: warning: public
namespace lib {
void api();
// CHECK: :[[@LINE-1]]:6: warning: public
namespace detail {
void helper();
// CHECK: :[[@LINE-1]]:6: warning: implementation detail
struct Worker {
  void run();
  // CHECK: :[[@LINE-1]]:8: warning: implementation detail
};
} // namespace detail
namespace details { void helper(); }
// CHECK: :[[@LINE-1]]:26: warning: implementation detail
namespace internal { void helper(); }
// CHECK: :[[@LINE-1]]:27: warning: implementation detail
namespace flags_internal { void helper(); }
// CHECK: :[[@LINE-1]]:33: warning: implementation detail
namespace impl { void helper(); }
// CHECK: :[[@LINE-1]]:23: warning: implementation detail
namespace detailed { void notAHelper(); }
// CHECK: :[[@LINE-1]]:27: warning: public
namespace internals_api { void notAHelper(); }
// CHECK: :[[@LINE-1]]:32: warning: public
namespace mydetail { void notAHelper(); }
// CHECK: :[[@LINE-1]]:27: warning: public
namespace io_internaldetail { void notAHelper(); }
// CHECK: :[[@LINE-1]]:36: warning: public
namespace io_impl { void helper(); }
// CHECK: :[[@LINE-1]]:26: warning: implementation detail
} // namespace lib
