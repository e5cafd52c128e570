// Implicit and explicit conversions between floating types (the derivative
// flows through, converted), and from floating to integer (it stops).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>

ADGEN_REVERSE() ADGEN_FORWARD()
double casts(double x, float y) {
  float a = x;                                 // implicit double -> float
  double b = static_cast<double>(a) * y;       // explicit float -> double
  double c = (double)(float)(x * x);           // C-style casts
  long double d = x;                           // implicit widening
  d = d * d;
  int i = static_cast<int>(x * 3.0);           // no derivative through int
  double e = i;                                // int -> double: constant
  return b + c + e * x + static_cast<double>(d) + double(y);
}
// CHECK-LABEL: double casts_pullback(double x, float y, double d_ret, double *d_x, float *d_y) {
// CHECK-LABEL: double casts_grad(double x, float y, double *d_x, float *d_y) {
// CHECK-LABEL: adgen::Dual<double> casts_fwd(double x, float y, double d_x, float d_y) {

// A float function whose intermediate is widened to double and narrowed back.
ADGEN_REVERSE() ADGEN_FORWARD()
float roundtrip(float x) {
  double w = x;
  w = w * w * 0.5;
  return static_cast<float>(w) + x;
}
// CHECK-LABEL: float roundtrip_grad(float x, float *d_x) {
// CHECK-LABEL: adgen::Dual<float> roundtrip_fwd(float x, float d_x) {

#ifdef ADGEN_TEST_DRIVER
double casts_pullback(double x, float y, double d_ret, double* d_x, float* d_y);
double casts_grad(double x, float y, double* d_x, float* d_y);
adgen::Dual<double> casts_fwd(double x, float y, double d_x, float d_y);
float roundtrip_grad(float x, float* d_x);
adgen::Dual<float> roundtrip_fwd(float x, float d_x);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  // Rounding to float makes finite differences useless here; the reference
  // is the hand-derived derivative: d/dx = y + 2x + i + 2x, d/dy = float(x) + 1.
  const double xs[] = {0.7, -1.3, 2.2};
  for (double x : xs) {
    float y = 1.75f;
    int i = static_cast<int>(x * 3.0);
    double gx = 0;
    float gy = 0;
    double v = casts_grad(x, y, &gx, &gy);
    check_ulps("casts: value", v, casts(x, y));
    check_close("casts: d/dx", gx, y + 4 * x + i, 1e-6);
    check_close("casts: d/dy", gy, float(x) + 1.0f, 1e-6);
    adgen::Dual<double> tx = casts_fwd(x, y, 1.0, 0.0f);
    adgen::Dual<double> ty = casts_fwd(x, y, 0.0, 1.0f);
    check_close("casts: fwd d/dx", tx.tangent, y + 4 * x + i, 1e-6);
    check_close("casts: fwd d/dy", ty.tangent, float(x) + 1.0f, 1e-6);
    check_ulps("casts: fwd value", tx.value, casts(x, y));
    double px = 0;
    float py = 0;
    casts_pullback(x, y, 0.5, &px, &py);
    check_close("casts: pullback seed", px, 0.5 * gx, 1e-15);
  }
  const float fs[] = {0.5f, -2.0f, 3.25f};
  for (float x : fs) {
    float g = 0;
    check_ulps("roundtrip: value", roundtrip_grad(x, &g), roundtrip(x));
    check_close("roundtrip: d/dx", g, x + 1.0f, 1e-6);
    check_close("roundtrip: fwd", roundtrip_fwd(x, 2.0f).tangent, 2 * (x + 1.0f), 1e-6);
  }
  return finish();
}
#endif
