// Names the tool invents never collide with the user's: locals named like
// derivative variables (d_x, _d_x, d_s, _t0, tape, adgen_tape), a global
// named d_y (the derivative parameter for y shadows it inside the generated
// functions, which must not read the global by mistake), and a helper callee
// whose would-be derivative names (sq_fwd, sq_pullback) are already user
// functions: helpers live in adgen_detail.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

double d_y = 0.25;

double sq(double v) { return v * v; }
// Unrelated user functions with the names a helper for sq would get.
int sq_fwd(int k) { return k + 1; }
int sq_pullback(int k) { return k - 1; }

ADGEN_REVERSE() ADGEN_FORWARD()
double clash(double x, double y) {
  double d_x = x * y;
  double _d_x = d_x + d_y;
  double d_s = 0, _t0 = 1, tape = 2, adgen_tape = 3, ret = 0;
  for (int i = 0; i < 3; ++i) {
    double t = std::sin(d_x * _t0);
    d_s = d_s * x + t;
    _t0 += 0.5;
  }
  ret = sq(_d_x) + d_s * tape + adgen_tape * y;
  return ret;
}
// Derivative parameters whose d_<name> is taken by a user local may be
// renamed (the signature's types are what callers rely on, pinned by the
// declarations below); the global d_y is then read as ::d_y.
// CHECK-LABEL: double clash_pullback(double x, double y, double {{d_ret(_[0-9]+)?}}, double *{{d_x(_[0-9]+)?}}, double *{{d_y(_[0-9]+)?}}) {
// CHECK: ::d_y
// CHECK-LABEL: double clash_grad(double x, double y, double *{{d_x(_[0-9]+)?}}, double *{{d_y(_[0-9]+)?}}) {
// CHECK-LABEL: adgen::Dual<double> clash_fwd(double x, double y, double {{d_x(_[0-9]+)?}}, double {{d_y(_[0-9]+)?}}) {
// CHECK: ::d_y

#ifdef ADGEN_TEST_DRIVER
double clash_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double clash_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> clash_fwd(double x, double y, double d_x, double d_y);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double pts[][2] = {{0.3, 0.7}, {-1.1, 0.4}};
  for (auto& p : pts)
    check_scalar_fn<double>("clash", p, 2,
        [](const double* v) { return clash(v[0], v[1]); },
        [](const double* v, double* g) { return clash_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return clash_fwd(v[0], v[1], t[0], t[1]); });
  check_exact("user's sq_fwd is untouched", sq_fwd(1), 2);
  check_exact("user's sq_pullback is untouched", sq_pullback(1), 0);
  return finish();
}
#endif
