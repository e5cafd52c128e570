// A parameter written through a callee with values that carry derivatives,
// but not active, is still refused (the callee's body says it writes; see
// Methods/method-calls-method.cpp for callees that only read).
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

struct S {
  double x, y;
  void bump(double i) { y = y * i; }
  double g(double i) { return x * i; }
  void deeper(double i) { bump(i * 2); }

  ADGEN_FORWARD("i")
  // CHECK: written-through-callee.cpp:[[@LINE+1]]:10: error: parameter 'self' is written with values that depend on the active inputs and flow into the result, but it is not active; add 'self' to the spec (e.g. as an output) so its derivative is tracked
  double f(double i) {
    deeper(i);
    return g(i) * y;
  }
};

static void store(double &out, double v) { out = v * v; }
ADGEN_REVERSE("t")
// CHECK: written-through-callee.cpp:[[@LINE+1]]:28: error: parameter 'r' is written with values that depend on the active inputs and flow into the result, but it is not active; add 'r' to the spec (e.g. as an output) so its derivative is tracked
double h(double t, double &r) {
  store(r, t);
  return r * t;
}
