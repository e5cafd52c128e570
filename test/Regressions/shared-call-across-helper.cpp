// Forward mode computes a repeated library call once (ShareCalls), but not
// across a call that may change its operand: hc0 writes `a` through its
// reference, so tanh(a) after it is a new value (fuzz --calls seed 94064:
// f_fwd reused the old tanh(a) and returned a wrong value and tangent).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=OK
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=OK
#include <adgen/adgen.h>
#include <cmath>

static double hc0(double &u, double v) {
  double old = u;
  u = std::tanh(old) * 0.5 + 0.25 * v;
  return old - u;
}

ADGEN_FORWARD("a, b")
ADGEN_REVERSE("a, b")
double f(double a, double b) {
  double s = std::tanh(a) * b + std::tanh(a);
  hc0(a, b);
  s -= 0.375 * std::tanh(a);
  return s;
}
// CHECK-LABEL: adgen::Dual<double> f_fwd(double a, double b, double d_a, double d_b) {
// CHECK:         double tanh_a = std::tanh(a);
// CHECK:         hc0_fwd(a, b, d_a, d_b);
// CHECK:         double tanh_a_1 = std::tanh(a);
// CHECK:         s -= 0.375 * tanh_a_1;

// OK: 1 passed, 0 failed
