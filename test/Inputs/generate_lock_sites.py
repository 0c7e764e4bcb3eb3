"""Writes a translation unit with many lock sites for the scale test of
async-lock-order-inversion: N functions, each taking two of 101 mutexes in
one consistent order, N functions that call them while holding a gate
mutex taken before all others, and one function that takes the first pair
in the opposite order."""
import sys

count = int(sys.argv[1])
print("#include <mutex>")
print("std::mutex gate, " + ", ".join("m%d" % i for i in range(101)) + ";")
print("int shared_state = 0;")
for i in range(count):
    low = i % 100
    print("void f%d() {" % i)
    print("  std::lock_guard<std::mutex> a(m%d);" % low)
    print("  std::lock_guard<std::mutex> b(m%d);" % (low + 1))
    print("  ++shared_state;")
    print("}")
    if i > 0:
        print("void g%d() {" % i)
        print("  std::lock_guard<std::mutex> a(gate);")
        print("  f%d();" % (i - 1))
        print("}")
print("void inverted() {")
print("  std::lock_guard<std::mutex> b(m1);")
print("  std::lock_guard<std::mutex> a(m0);")
print("}")
