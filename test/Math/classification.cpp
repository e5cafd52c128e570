// Classification and comparison functions of <cmath> (std::isnan, isinf,
// isfinite, isnormal, signbit, fpclassify, isless, ...) return bool or int:
// they steer the computation and carry no derivative, so they need no body
// and no custom derivative (repro isnan.cpp: std::isnan was refused as a
// call with no visible body, with advice to write isnan_pullback).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error: --implicit-check-not=isnan_
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

// The repro.
ADGEN_REVERSE() ADGEN_FORWARD()
double f(double x) {
  if (std::isnan(x))
    return 0.0;
  return x * x;
}
// CHECK-LABEL: double f_pullback(double x, double d_ret, double *d_x) {
// CHECK: std::isnan(x)
// CHECK-LABEL: double f_grad(
// CHECK-LABEL: adgen::Dual<double> f_fwd(double x, double d_x) {
// CHECK: if (std::isnan(x)) {

// Every one of them, in both modes, also in float.
ADGEN_REVERSE() ADGEN_FORWARD()
double g(double x, double y) {
  double s = x * y;
  if (!std::isfinite(s) || std::isinf(y))
    return y;
  if (std::signbit(x))
    s = -s * x;
  if (std::fpclassify(y) == FP_ZERO)
    s += x;
  if (std::isnormal(x) && std::isless(x, y))
    s *= 2;
  if (std::isgreater(x, 5.0) || std::isunordered(x, y) || std::islessgreater(x, x))
    s = 0;
  if (std::isgreaterequal(y, -10.0) && std::islessequal(y, 10.0))
    s += std::sin(y);
  return s;
}
// CHECK-LABEL: double g_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double g_grad(
// CHECK-LABEL: adgen::Dual<double> g_fwd(double x, double y, double d_x, double d_y) {
// CHECK-DAG: std::isfinite(s)
// CHECK-DAG: std::isinf(y)
// CHECK-DAG: std::signbit(x)
// CHECK-DAG: std::fpclassify(y)
// CHECK-DAG: std::isnormal(x)
// CHECK-DAG: std::isless(x, y)

ADGEN_REVERSE() ADGEN_FORWARD()
float h(float x) { return std::isnan(x) || std::signbit(x) ? x : x * x * x; }
// CHECK-LABEL: float h_pullback(float x, float d_ret, float *d_x) {
// CHECK-LABEL: adgen::Dual<float> h_fwd(float x, float d_x) {

#ifdef ADGEN_TEST_DRIVER
adgen::Dual<double> f_fwd(double x, double d_x);
double f_pullback(double x, double d_ret, double *d_x);
double f_grad(double x, double *d_x);
adgen::Dual<double> g_fwd(double x, double y, double d_x, double d_y);
double g_pullback(double x, double y, double d_ret, double *d_x, double *d_y);
double g_grad(double x, double y, double *d_x, double *d_y);
adgen::Dual<float> h_fwd(float x, float d_x);
float h_pullback(float x, float d_ret, float *d_x);
float h_grad(float x, float *d_x);
#include "adgen_pullback.h"
#include <limits>
using namespace adgen_test;
int main() {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  check_exact("f_fwd at NaN", f_fwd(nan, 1.0).tangent, 0.0);
  double d = 0;
  check_exact("f_grad at NaN: value", f_grad(nan, &d), 0.0);
  check_exact("f_grad at NaN", d, 0.0);
  const double pf[] = {1.5};
  auto fv = [](const double *p) { return f(p[0]); };
  check_scalar_fn<double>("f", pf, 1, fv,
      [](const double *p, double *g) { return f_grad(p[0], &g[0]); },
      [](const double *p, const double *t) { return f_fwd(p[0], t[0]); });
  check_pullback_prefilled<double>("f", pf, 1, fv,
      [](const double *p, double s, double *g) { return f_pullback(p[0], s, &g[0]); });
  // Points on every path (away from the switching points).
  const double pts[][2] = {{0.7, 1.3}, {-0.8, 0.6}, {2.0, 1.1}, {6.0, 0.4}, {0.3, 20.0}};
  for (const auto &pt : pts) {
    auto gv = [](const double *p) { return g(p[0], p[1]); };
    check_scalar_fn<double>("g", pt, 2, gv,
        [](const double *p, double *d2) { return g_grad(p[0], p[1], &d2[0], &d2[1]); },
        [](const double *p, const double *t) { return g_fwd(p[0], p[1], t[0], t[1]); });
    check_pullback_prefilled<double>("g", pt, 2, gv,
        [](const double *p, double s, double *d2) { return g_pullback(p[0], p[1], s, &d2[0], &d2[1]); });
  }
  // y = 0 (FP_ZERO): d/dx of x*0 + x is 1.
  check_exact("g_fwd d/dx at y = 0", g_fwd(0.5, 0.0, 1, 0).tangent, 1.0);
  for (float x : {0.8f, -0.5f}) {
    const float ph[] = {x};
    auto hv = [](const float *p) { return h(p[0]); };
    check_scalar_fn<float>("h", ph, 1, hv,
        [](const float *p, float *g2) { return h_grad(p[0], &g2[0]); },
        [](const float *p, const float *t) { return h_fwd(p[0], t[0]); });
    check_pullback_prefilled<float>("h", ph, 1, hv,
        [](const float *p, float s, float *g2) { return h_pullback(p[0], s, &g2[0]); });
  }
  return finish();
}
#endif
