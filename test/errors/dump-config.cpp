// Every option is written back under the name it is read with, with its
// default, so that --dump-config shows what a .clang-tidy file can set.
// RUN: %clang_tidy -checks='-*,async-*' --dump-config %s -- -std=c++17 | %options_as_mapping | FileCheck %s
// CHECK-DAG: async-exception-escaping-thread.IncludeStyle: llvm
// CHECK-DAG: async-exception-escaping-thread.ReportFunction: ''
// CHECK-DAG: async-exception-escaping-thread.ThreadStarters: ''
// CHECK-DAG: async-exception-escaping-thread.ThreadTypes: '::std::thread;::std::jthread;::boost::thread'
// CHECK-DAG: async-fire-and-forget.CoSpawnFunctions: '::asio::co_spawn;::boost::asio::co_spawn'
// CHECK-DAG: async-fire-and-forget.DetachedTokenTypes: '::asio::detached_t;::boost::asio::detached_t'
// CHECK-DAG: async-fire-and-forget.IncludeStyle: llvm
// CHECK-DAG: async-fire-and-forget.ReportFunction: ''
// CHECK-DAG: async-fire-and-forget.SpawnFunctions: ''
// CHECK-DAG: async-fire-and-forget.ThreadTypes: '::std::thread;::std::jthread;::boost::thread'
// CHECK-DAG: async-ignored-error.AllowCastToVoid: 'false'
// CHECK-DAG: async-ignored-error.AllowStdIgnore: 'false'
// CHECK-DAG: async-ignored-error.CheckedFunctions: '(try_?|Try)?([Ss]end|[Ww]rite|[Ff]lush|[Pp]ublish|[Cc]ommit)([A-Z_0-9][^:]*)?'
// CHECK-DAG: async-ignored-error.ErrorTypes: '::std::error_code;::boost::system::error_code;::std::expected;::tl::expected;::absl::Status;::absl::StatusOr;::folly::Expected'
// CHECK-DAG: async-ignored-error.ReportFunction: ''
// CHECK-DAG: async-swallowed-exception.IgnoredExceptionTypes: ''
// CHECK-DAG: async-swallowed-exception.IncludeStyle: llvm
// CHECK-DAG: async-swallowed-exception.ReportFunction: ''
// CHECK-DAG: async-swallowed-exception.Reporters: '::std::cerr;{{.*}}'

// A value set in the configuration is what is dumped.
// RUN: %clang_tidy -checks='-*,async-*' --dump-config %s \
// RUN:   -config="{CheckOptions: {async-ignored-error.AllowCastToVoid: true, async-fire-and-forget.SpawnFunctions: '::tasks::spawn'}}" \
// RUN:   -- -std=c++17 | %options_as_mapping | FileCheck --check-prefix=SET %s
// SET-DAG: async-ignored-error.AllowCastToVoid: 'true'
// SET-DAG: async-fire-and-forget.SpawnFunctions: '::tasks::spawn'
