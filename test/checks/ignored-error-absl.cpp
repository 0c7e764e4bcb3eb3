// absl::Status and absl::StatusOr, from the real Abseil headers.
// RUN: %check_async_tidy --check-suffix=REPORT %s async-ignored-error %t \
// RUN:   -config="{CheckOptions: {async-ignored-error.ReportFunction: 'log_status'}}" -- -std=c++17

#include "absl/status/status.h"
#include "absl/status/statusor.h"

void log_status(const absl::Status &);
absl::Status Publish(int event);
absl::StatusOr<int> Commit(int transaction);

void dropsStatuses() {
  Publish(1);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: result of 'Publish' is ignored: a failure of the call goes unnoticed [async-ignored-error]
  // CHECK-FIXES-REPORT: {{^}}  if (auto status = Publish(1); !status.ok()) log_status(status);{{$}}
  Commit(2);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: result of 'Commit' is ignored
  // CHECK-FIXES-REPORT: {{^}}  if (auto status = Commit(2); !status.ok()) log_status(status.status());{{$}}
}

absl::Status checksStatuses() {
  if (absl::Status status = Publish(3); !status.ok())
    return status;
  absl::StatusOr<int> value = Commit(4);
  return value.status();
}
