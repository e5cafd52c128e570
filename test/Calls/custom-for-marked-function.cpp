// A marked function that also has a derivative the user wrote and marked
// ADGEN_CUSTOM (repro custom-for-marked-function.cpp): the user's is used and
// nothing is generated under its name (the output redefined f1_fwd before).
// ADGEN_REVERSE still gets f_grad, which calls the user's f_pullback with
// d_ret = 1; a marked caller calls the user's derivative.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error: --implicit-check-not='f1_fwd(float x, float d_x) {' --implicit-check-not='s_pullback(double x, const double *w, double d_ret, double *d_x, double *d_w) {'
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

int custom_calls = 0;

// The repro: f1_fwd is the user's.
ADGEN_FORWARD("x")
float f1(float x) { return std::sin(x); }
ADGEN_CUSTOM adgen::Dual<float> f1_fwd(float x, float d_x) {
  ++custom_calls;
  return {f1(x), std::cos(x) * d_x};
}
// CHECK: //   f1_fwd (yours, marked ADGEN_CUSTOM: not generated)

// Reverse mode: s_pullback is the user's, s_grad calls it; forward mode is
// generated from the body.
namespace lib {
ADGEN_REVERSE() ADGEN_FORWARD()
double s(double x, const double *w) { return std::sin(x) * w[0] + x * w[1]; }
ADGEN_CUSTOM double s_pullback(double x, const double *w, double d_ret, double *d_x, double *d_w) {
  ++custom_calls;
  *d_x += d_ret * (std::cos(x) * w[0] + w[1]);
  d_w[0] += d_ret * std::sin(x);
  d_w[1] += d_ret * x;
  return s(x, w);
}
// CHECK: //   s_pullback (yours, marked ADGEN_CUSTOM: not generated)
// CHECK-NEXT: //   s_grad (reverse mode, calls your s_pullback)
// CHECK-LABEL: double s_grad(double x, const double *w, double *d_x, double *d_w) {
// CHECK-NEXT: return ::lib::s_pullback(x, w, 1.0, d_x, d_w);
// CHECK-LABEL: adgen::Dual<double> s_fwd(double x, const double *w, double d_x, const double *d_w) {
} // namespace lib

// Marked callers use the custom derivatives (a callee with a custom
// derivative for one mode only is differentiated in that mode only).
ADGEN_FORWARD()
double caller1(double x) { return f1(float(x)) * x; }
// CHECK-LABEL: adgen::Dual<double> caller1_fwd(double x, double d_x) {
// CHECK: ::f1_fwd(
ADGEN_REVERSE()
double caller2(double x, const double *w) { return lib::s(x, w) * x; }
// CHECK-LABEL: double caller2_pullback(double x, const double *w, double d_ret, double *d_x, double *d_w) {
// CHECK: ::lib::s_pullback(
// CHECK-LABEL: double caller2_grad(

#ifdef ADGEN_TEST_DRIVER
namespace lib {
double s_grad(double x, const double *w, double *d_x, double *d_w);
adgen::Dual<double> s_fwd(double x, const double *w, double d_x, const double *d_w);
}
adgen::Dual<double> caller1_fwd(double x, double d_x);
double caller2_pullback(double x, const double *w, double d_ret, double *d_x, double *d_w);
double caller2_grad(double x, const double *w, double *d_x, double *d_w);
#include "adgen_pullback.h"
using namespace adgen_test;
int main() {
  auto d = f1_fwd(1.0f, 1.0f);
  check_close("f1_fwd tangent", d.tangent, std::cos(1.0f), 1e-6);
  check_true("the user's f1_fwd ran", custom_calls == 1);
  // s: x and w[0..2) packed in p.
  double p[] = {0.7, 1.3, -0.4};
  auto sv = [](const double *q) { return lib::s(q[0], q + 1); };
  check_scalar_fn<double>("s", p, 3, sv,
      [](const double *q, double *g) { return lib::s_grad(q[0], q + 1, &g[0], g + 1); },
      [](const double *q, const double *t) { return lib::s_fwd(q[0], q + 1, t[0], t + 1); });
  check_pullback_prefilled<double>("s", p, 3, sv,
      [](const double *q, double sd, double *g) { return lib::s_pullback(q[0], q + 1, sd, &g[0], g + 1); });
  int before = custom_calls;
  double x = 0.9;
  // f1 computes in float: a formula, not finite differences.
  check_close("caller1_fwd", caller1_fwd(x, 1.0).tangent,
              std::cos(float(x)) * x + std::sin(float(x)), 1e-6);
  check_true("caller1_fwd ran the user's f1_fwd", custom_calls == before + 1);
  auto cv = [](const double *q) { return caller2(q[0], q + 1); };
  double g[3] = {};
  caller2_grad(p[0], p + 1, &g[0], g + 1);
  for (int i = 0; i < 3; ++i)
    check_close(Label("caller2", "reverse vs FD", i), g[i],
                fd_array([&] { return cv(p); }, p, i), 1e-6);
  check_pullback_prefilled<double>("caller2", p, 3, cv,
      [](const double *q, double sd, double *d) { return caller2_pullback(q[0], q + 1, sd, &d[0], d + 1); });
  check_true("caller2 ran the user's s_pullback", custom_calls > before + 3);
  return finish();
}
#endif
