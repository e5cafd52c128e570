// ADGEN_CUSTOM derivatives of an overloaded function belong to the overload
// whose parameters they start with (repro custom-ignored-with-overload.cpp):
// the custom g_fwd was ignored, silently, when another overload of g was
// declared after the matching one, and adgen differentiated g's body
// instead. The custom derivatives here say 100 (g itself is the identity),
// so using them is visible in the numbers.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>

float g(float x) { return x; }
int g();
double g(double x, double y) { return x * y; }
ADGEN_CUSTOM adgen::Dual<float> g_fwd(float x, float d_x) { return {x, 100 * d_x}; }
ADGEN_CUSTOM float g_pullback(float x, float d_ret, float *d_x) {
  *d_x += 100 * d_ret;
  return x;
}
long g(long n, double x);

// The repro, in both modes.
ADGEN_FORWARD("x") ADGEN_REVERSE("x")
float f(float x) { return g(x); }
// CHECK-LABEL: adgen::Dual<float> f_fwd(float x, float d_x) {
// CHECK-NOT: adgen_detail
// CHECK: = ::g_fwd(x, d_x);
// CHECK-LABEL: float f_pullback(float x, float d_ret, float *d_x) {
// CHECK-NOT: adgen_detail
// CHECK: ::g_pullback(x, d_g, &d_x_1);
// CHECK-NOT: adgen_detail
// CHECK-LABEL: float f_grad(

// The two-argument overload has no custom derivative: its body is
// differentiated (the helper is named adgen_detail::g_fwd too).
ADGEN_FORWARD() ADGEN_REVERSE()
double h(double x, double y) { return g(x, y) + g(float(y)); }
// CHECK-LABEL: adgen::Dual<double> h_fwd(double x, double y, double d_x, double d_y) {
// CHECK-DAG: ::adgen_detail::g_fwd(x, y, d_x, d_y)
// CHECK-DAG: = ::g_fwd(static_cast<float>(y), static_cast<float>(d_y) * 1.0f);
// CHECK-LABEL: double h_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-DAG: ::g_pullback(static_cast<float>(y),
// CHECK-DAG: ::adgen_detail::g_reverse(x, y,
// CHECK-LABEL: double h_grad(

#ifdef ADGEN_TEST_DRIVER
adgen::Dual<float> f_fwd(float x, float d_x);
float f_pullback(float x, float d_ret, float *d_x);
adgen::Dual<double> h_fwd(double x, double y, double d_x, double d_y);
double h_pullback(double x, double y, double d_ret, double *d_x, double *d_y);
double h_grad(double x, double y, double *d_x, double *d_y);
int g() { return 0; }
long g(long n, double) { return n; }
#include "adgen_pullback.h"
using namespace adgen_test;
int main() {
  // The repro: the custom derivative says 100.
  check_exact("f_fwd tangent", f_fwd(2.0f, 1.0f).tangent, 100.0f);
  float dx = 1;
  check_exact("f_pullback value", f_pullback(2.0f, 0.5f, &dx), 2.0f);
  check_exact("f_pullback: 1 + 0.5 * 100", dx, 51.0f);
  // h = x y + y: d/dx = y, d/dy = x + 100 by the custom derivative.
  const double x = 0.7, y = -1.2;
  check_close("h_fwd d/dx", h_fwd(x, y, 1, 0).tangent, y, 1e-12);
  check_close("h_fwd d/dy", h_fwd(x, y, 0, 1).tangent, x + 100, 1e-12);
  double gx = 0, gy = 0;
  h_grad(x, y, &gx, &gy);
  check_close("h_grad d/dx", gx, y, 1e-12);
  check_close("h_grad d/dy", gy, x + 100, 1e-12);
  const double p[] = {x, y};
  check_pullback_prefilled<double>("h", p, 2, [](const double *q) { return h(q[0], q[1]); },
      [](const double *q, double s, double *d) { return h_pullback(q[0], q[1], s, &d[0], &d[1]); });
  return finish();
}
#endif
