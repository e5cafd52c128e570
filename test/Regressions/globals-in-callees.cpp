// What stays allowed now that floating globals written in callees are
// checked (Diagnostics/global-written-in-callee.cpp has the refusals): a
// callee that records an active value in a global nobody reads back, a
// callee that sets a global to a constant that f then reads, and an integer
// counter. The derivatives are right and the generated functions have f's
// effects on the globals.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

double g_last = 0, g_scale = 1;
int g_calls = 0;
static void record(double r) { g_last = r; ++g_calls; }
static void set_scale() { g_scale = 2.5; }

ADGEN_REVERSE() ADGEN_FORWARD()
double f(double x, double y) {
  record(x * y);
  set_scale();
  ++g_calls;
  return std::sin(x) * g_scale + y * y;
}
// CHECK-LABEL: double f_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double f_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> f_fwd(double x, double y, double d_x, double d_y) {

#ifdef ADGEN_TEST_DRIVER
double f_pullback(double x, double y, double d_ret, double *d_x, double *d_y);
double f_grad(double x, double y, double *d_x, double *d_y);
adgen::Dual<double> f_fwd(double x, double y, double d_x, double d_y);
#include "adgen_test.h"
using namespace adgen_test;
int main() {
  const double pts[][2] = {{0.3, 0.7}, {-1.1, 0.4}};
  for (auto &p : pts) {
    check_scalar_fn<double>(
        "f", p, 2, [](const double *v) { return f(v[0], v[1]); },
        [](const double *v, double *g) { return f_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double *v, const double *t) { return f_fwd(v[0], v[1], t[0], t[1]); });
    // Pre-filled adjoints and d_ret != 1: pre + d_ret * grad.
    double gx = 0, gy = 0;
    f_grad(p[0], p[1], &gx, &gy);
    check_close("d/dx is 2.5 cos x", gx, 2.5 * std::cos(p[0]), 1e-14);
    double px = 10, py = -20;
    g_last = 0;
    g_scale = 1;
    int calls = g_calls;
    double v = f_pullback(p[0], p[1], -0.75, &px, &py);
    check_ulps("f_pullback returns f's value", v, f(p[0], p[1]));
    check_close("pre + d_ret * d/dx", px, 10 - 0.75 * gx, 1e-12);
    check_close("pre + d_ret * d/dy", py, -20 - 0.75 * gy, 1e-12);
    check_exact("f_pullback: g_last as f leaves it", g_last, p[0] * p[1]);
    check_exact("f_pullback: g_scale as f leaves it", g_scale, 2.5);
    check_exact("f_pullback and f each count twice", g_calls, calls + 4);
    g_last = 0;
    f_fwd(p[0], p[1], 1, 0);
    check_exact("f_fwd: g_last as f leaves it", g_last, p[0] * p[1]);
  }
  return finish();
}
#endif
