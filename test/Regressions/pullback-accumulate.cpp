// f_pullback accumulates (+=) into adjoint buffers that already hold values,
// and scales with d_ret != 1, also when an input is overwritten through a
// helper's double& parameter (repro pullback-accumulate.cpp, random-1010,
// random-1036): the overwritten parameter needs a working adjoint of its own
// that starts at zero; using the caller's accumulator (*d_a) as the working
// adjoint multiplied the caller's pre-filled value by the helper's partials.
// f_grad on zeroed buffers hid it.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

static void kern(double w, double &acc) { acc = acc * w + std::sin(w); }

// The repro: a is overwritten by kern, then read.
ADGEN_REVERSE()
double f(double x, double a) {
  kern(x, a);
  return a * x;
}
// CHECK-LABEL: double f_pullback(double x, double a, double d_ret, double *d_x, double *d_a) {
// CHECK: double d_a_local = 0.0;
// CHECK: kern_reverse(x, a, &d_w, &d_a_local, tape);
// CHECK: *d_a += d_a_local;
// CHECK-LABEL: double f_grad(

// Through two levels of helpers; the written parameter is also read before
// and after.
static void inner(double &p, double s) { p = p * s + std::cos(p); }
static double outer(double &u, double s) {
  double before = u * u;
  inner(u, s);
  return before + u;
}
ADGEN_REVERSE()
double g(double x, double y) {
  double r = outer(y, x);
  r += outer(x, 0.5);
  return r * y + x;
}
// CHECK-LABEL: double g_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-DAG: double d_x_local = 0.0;
// CHECK-DAG: double d_y_local = 0.0;
// CHECK: *d_x += d_x_local;
// CHECK: *d_y += d_y_local;

// A helper's out-parameter fed with an input, its result overwriting a
// local the helper read.
static double bump(double &v, double w) {
  v = v * w + 1.0;
  return v;
}
ADGEN_REVERSE()
double h(double x, double w) {
  double t = bump(x, w);
  t = bump(w, t) * t;
  return x * w + t;
}
// CHECK-LABEL: double h_pullback(double x, double w, double d_ret, double *d_x, double *d_w) {
// CHECK: *d_x += d_x_local;
// CHECK: *d_w += d_w_local;

#ifdef ADGEN_TEST_DRIVER
double f_pullback(double x, double a, double d_ret, double *d_x, double *d_a);
double g_pullback(double x, double y, double d_ret, double *d_x, double *d_y);
double h_pullback(double x, double w, double d_ret, double *d_x, double *d_w);
#include "adgen_test.h"
#include <functional>
using namespace adgen_test;
using Fn2 = std::function<double(double, double)>;
using Pull2 = std::function<double(double, double, double, double *, double *)>;

// f_grad against central differences, then f_pullback with pre-filled
// adjoints and a seed: pre + seed * grad, and f's value.
void check2(const char *name, Fn2 f, Pull2 pull, double x, double y) {
  double gx = 0, gy = 0;
  double v = pull(x, y, 1.0, &gx, &gy);
  check_ulps(Label(name, "pullback returns f's value"), v, f(x, y));
  check_close(Label(name, "d/dx"), gx, fd_scalar([&](double t) { return f(t, y); }, x));
  check_close(Label(name, "d/dy"), gy, fd_scalar([&](double t) { return f(x, t); }, y));
  for (double seed : {0.5, -2.25}) {
    double px = 10, py = -20;
    double w = pull(x, y, seed, &px, &py);
    check_ulps(Label(name, "pullback (pre-filled) returns f's value"), w, f(x, y));
    check_close(Label(name, "pre + seed * d/dx"), px, 10 + seed * gx, 1e-12);
    check_close(Label(name, "pre + seed * d/dy"), py, -20 + seed * gy, 1e-12);
  }
}

int main() {
  check2("f", [](double x, double a) { return f(x, a); }, f_pullback, 0.7, 1.3);
  // The repro's numbers: want (11.50, 20.25) from (10, 20) and d_ret = 0.5.
  double px = 10, pa = 20;
  f_pullback(0.7, 1.3, 0.5, &px, &pa);
  check_close("repro d_x", px, 11.499803609168417, 1e-12);
  check_close("repro d_a", pa, 20.245, 1e-12);
  check2("g", [](double x, double y) { return g(x, y); }, g_pullback, 0.4, 0.9);
  check2("h", [](double x, double w) { return h(x, w); }, h_pullback, 0.6, -0.8);
  return finish();
}
#endif
