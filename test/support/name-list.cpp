// The name lists of the check options: how an entry matches a qualified name.
// RUN: %probe_tidy -checks='-*,probe-name-list' %s \
// RUN:   -config="{CheckOptions: {probe-name-list.Names: 'send;::net::Client::close;::std::error_code;tmpl;.*Logger::.*'}}" \
// RUN:   -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not="{{warning|error}}:"

// An entry without a leading "::" matches the end of the name after a "::".
void send();
// CHECK: :[[@LINE-1]]:6: warning: '::send' matches [probe-name-list]
void resend();
// CHECK: :[[@LINE-1]]:6: warning: '::resend' does not match
namespace net {
// CHECK: :[[@LINE-1]]:11: warning: '::net' does not match
struct Client {
  // CHECK: :[[@LINE-1]]:8: warning: '::net::Client' does not match
  void send();
  // CHECK: :[[@LINE-1]]:8: warning: '::net::Client::send' matches
  void close();
  // CHECK: :[[@LINE-1]]:8: warning: '::net::Client::close' matches
};
void close();
// CHECK: :[[@LINE-1]]:6: warning: '::net::close' does not match

// Inline namespaces are not part of the name; anonymous ones are.
inline namespace v2 {
// CHECK: :[[@LINE-1]]:18: warning: '::net::v2' does not match
void send();
// CHECK: :[[@LINE-1]]:6: warning: '::net::send' matches
}
namespace {
void close();
// CHECK: :[[@LINE-1]]:6: warning: '::net::(anonymous namespace)::close' does not match
}
} // namespace net

// Template arguments are not part of the name.
template <typename T> struct tmpl {};
// CHECK: :[[@LINE-1]]:20: warning: '::tmpl::T' does not match
// CHECK: :[[@LINE-2]]:30: warning: '::tmpl' matches
tmpl<int> instance;
// CHECK: :[[@LINE-1]]:11: warning: '::instance' does not match

// Entries are regular expressions over the whole (trailing) name.
struct AuditLogger {
  // CHECK: :[[@LINE-1]]:8: warning: '::AuditLogger' does not match
  void write();
  // CHECK: :[[@LINE-1]]:8: warning: '::AuditLogger::write' matches
};
