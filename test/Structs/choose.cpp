// A struct chosen by ?: (a whole struct, and a temporary) is copied field by
// field in a branch, so both candidates get their adjoints; a const
// reference bound to a chosen struct holds a copy.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>

struct V {
  double x, y;
};

ADGEN_REVERSE() ADGEN_FORWARD()
double choose(V a, V b, double s) {
  V c = s > 0 ? a : b;
  V e = s > 0 ? V{s, s} : b;
  const V &r = s * s > 1 ? a : e;
  return c.x * c.y + e.x + r.y;
}
// CHECK-LABEL: double choose_pullback(V a, V b, double s, double d_ret, V *d_a, V *d_b, double *d_s) {
// CHECK:         if (s > 0.0) {
// CHECK-NEXT:      chosen.x = a.x;
// CHECK:           d_a->x += d_chosen.x;
// CHECK-LABEL: adgen::Dual<double> choose_fwd(V a, V b, double s, V d_a, V d_b, double d_s) {

#ifdef ADGEN_TEST_DRIVER
double choose_grad(V a, V b, double s, V *d_a, V *d_b, double *d_s);
adgen::Dual<double> choose_fwd(V a, V b, double s, V d_a, V d_b, double d_s);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  for (double s : {0.7, -0.7, 1.5}) {
    double x[5] = {0.3, 1.2, -0.5, 0.8, s};
    check_scalar_fn<double>(
        "choose", x, 5,
        [](const double *p) { return choose(V{p[0], p[1]}, V{p[2], p[3]}, p[4]); },
        [](const double *p, double *g) {
          V ga{g[0], g[1]}, gb{g[2], g[3]};
          double r = choose_grad(V{p[0], p[1]}, V{p[2], p[3]}, p[4], &ga, &gb, &g[4]);
          g[0] = ga.x; g[1] = ga.y; g[2] = gb.x; g[3] = gb.y;
          return r;
        },
        [](const double *p, const double *t) {
          return choose_fwd(V{p[0], p[1]}, V{p[2], p[3]}, p[4], V{t[0], t[1]}, V{t[2], t[3]}, t[4]);
        });
  }
  return finish();
}
#endif
