// ADGEN_CUSTOM derivatives of one instantiation of a template: a custom
// lib_sq_fwd / lib_sq_pullback whose first parameters are those of
// lib_sq<double> replace differentiation of that instantiation only;
// lib_sq<float> is differentiated as usual.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17 2>&1 | count 0
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>

int custom_calls = 0;
template <class T> T lib_sq(T x) { return x * x; }
ADGEN_CUSTOM adgen::Dual<double> lib_sq_fwd(double x, double d_x) {
  ++custom_calls;
  return {x * x, 2 * x * d_x};
}
ADGEN_CUSTOM double lib_sq_pullback(double x, double d_ret, double *d_x) {
  ++custom_calls;
  *d_x += 2 * x * d_ret;
  return x * x;
}

ADGEN_REVERSE() ADGEN_FORWARD()
double g(double x, float y) { return lib_sq(x) * lib_sq(y); }
// CHECK-LABEL: double g_pullback(double x, float y, double d_ret, double *d_x, float *d_y) {
// CHECK: lib_sq_result = ::lib_sq<double>(x);
// CHECK: ::adgen_detail::lib_sq_record(y)
// CHECK: ::adgen_detail::lib_sq_reverse(y,
// CHECK: ::lib_sq_pullback(x,
// CHECK-LABEL: adgen::Dual<double> g_fwd(double x, float y, double d_x, float d_y) {
// CHECK: ::lib_sq_fwd(x, d_x)
// CHECK: ::adgen_detail::lib_sq_fwd(y, d_y)

#ifdef ADGEN_TEST_DRIVER
double g_grad(double x, float y, double *d_x, float *d_y);
adgen::Dual<double> g_fwd(double x, float y, double d_x, float d_y);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  double dx = 0;
  float dy = 0;
  g_grad(0.5, 2.0f, &dx, &dy);
  check_close("g: d/dx", dx, 2 * 0.5 * 4.0, 1e-15);
  check_close("g: d/dy", dy, 0.25 * 2 * 2.0, 1e-6);
  check_close("g_fwd", g_fwd(0.5, 2.0f, 1.0, 0.0f).tangent, 2 * 0.5 * 4.0, 1e-15);
  check_close("custom derivatives used", custom_calls, 2, 0);
  return finish();
}
#endif
