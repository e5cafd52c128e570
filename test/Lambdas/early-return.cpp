// A lambda with a 'return' before the end of its body (the cases of a
// switch, an early exit under an if) is inlined inside
// `do { ... } while (false)`, each `return e;` assigning the lambda's result
// and leaving with `break`. --emit=check compares forward and reverse with
// central finite differences, pre-filled adjoints and d_ret != 1.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=OK
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=OK
// OK-NOT: FAIL
// OK: 2 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE() ADGEN_FORWARD()
double lambda_switch(double x, double y) {
  auto g = [](double t, int kk) {
    switch (kk) {
    case 0:
      return t;
    case 1:
      return t * t;
    default:
      return t * t * t;
    }
  };
  return g(x, 0) * y + g(x, 1) + g(y, 2);
}
// CHECK-LABEL: adgen::Dual<double> lambda_switch_fwd(double x, double y, double d_x, double d_y) {
// CHECK:         double g = 0;
// CHECK:         do {
// CHECK-NEXT:      int selector = kk;
// CHECK-NEXT:      if (selector == 0) {
// CHECK-NEXT:        d_g = d_t;
// CHECK-NEXT:        g = t;
// CHECK-NEXT:        break;
// CHECK-NEXT:      } else if (selector == 1) {
// CHECK:           } else {
// CHECK:             g = t * t * t;
// CHECK-NEXT:        break;
// CHECK-NEXT:      }
// CHECK-NEXT:    } while (false);

ADGEN_REVERSE() ADGEN_FORWARD()
double lambda_if(double x, double y) {
  auto absval = [&](double t) {
    if (t < 0)
      return -t * y;
    double u = t * t;
    if (u > 10)
      return 10.0;
    return u + y;
  };
  double s = 0;
  for (int i = 0; i < 3; ++i)
    s += absval(x - i);
  return s;
}
// CHECK-LABEL: adgen::Dual<double> lambda_if_fwd(double x, double y, double d_x, double d_y) {
// CHECK:           do {
// CHECK-NEXT:        if (t < 0.0) {
// CHECK-NEXT:          d_absval = -(d_t * y) - d_y * t;
// CHECK-NEXT:          absval = -t * y;
// CHECK-NEXT:          break;
// CHECK-NEXT:        }
// CHECK:             if (u > 1e+01) {
// CHECK:               absval = 10.0;
// CHECK-NEXT:          break;
// CHECK:           } while (false);
// CHECK-NEXT:      d_s += d_absval;
