// Calls to other visible functions: free, static and inline callees, a chain
// f -> g -> h, the same callee called with different active arguments, and
// callees that return results through a pointer and through a reference.
// Helpers are not public: they live in adgen_detail.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

double sq(double x) { return x * x; }
static double cubic(double x, double a) { return a * x * x * x; }
inline double scaled_sin(double x, double k) { return std::sin(k * x); }
double h(double x) { return std::exp(x) + sq(x); }
double g(double x, double y) { return h(x * y) * cubic(y, 2.0); }
// Results through a pointer and a reference.
void polar(double r, double t, double *xy) {
  xy[0] = r * std::cos(t);
  xy[1] = r * std::sin(t);
}
void accum(double v, double &acc) { acc += v * v; }

ADGEN_REVERSE() ADGEN_FORWARD()
double calls(double x, double y) {
  double a = sq(x) + cubic(x, y) + cubic(2.5, x) + scaled_sin(x, 3.0) + scaled_sin(0.5, y);
  double b = g(x, y);
  double xy[2];
  polar(a, y, xy);
  double acc = x;
  accum(xy[0], acc);
  accum(b, acc);
  return acc + xy[1] * sq(y);
}
// CHECK: namespace adgen_detail
// CHECK-LABEL: double calls_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double calls_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> calls_fwd(double x, double y, double d_x, double d_y) {

#ifdef ADGEN_TEST_DRIVER
double calls_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double calls_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> calls_fwd(double x, double y, double d_x, double d_y);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double pts[][2] = {{0.3, 0.7}, {-0.5, 1.2}, {0.9, -0.4}};
  for (auto& p : pts)
    check_scalar_fn<double>("calls", p, 2,
        [](const double* v) { return calls(v[0], v[1]); },
        [](const double* v, double* gr) { return calls_grad(v[0], v[1], &gr[0], &gr[1]); },
        [](const double* v, const double* t) { return calls_fwd(v[0], v[1], t[0], t[1]); });
  return finish();
}
#endif
