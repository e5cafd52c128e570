// Where generated code needs sin(x) and cos(x) of one double x (the backward
// sweep's partials of sin; a tangent next to its value), it calls
// adgen::sincos once: compilers do not merge std::sin and std::cos under
// -fmath-errno. Not across a write to what x reads. The values are those of
// std::sin and std::cos (checked exactly), the derivatives against central
// differences.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE("y[4], p[4]") ADGEN_FORWARD("y[4], p[4]")
double pend(const double *y, const double *p) {
  double s = 0;
  for (int i = 0; i < 4; ++i)
    s += -p[i] * std::sin(y[i]) + 0.1 * y[(i + 1) % 4];
  return s;
}
// CHECK-LABEL: double pend_pullback(
// CHECK:         // Backward sweep
// CHECK:         adgen::SinCos<double> sincos_y = adgen::sincos(y[i]);
// CHECK-NEXT:    d_p[i] -= d_s * sincos_y.sin;
// CHECK-NEXT:    d_y[i] -= d_s * p[i] * sincos_y.cos;

// The angle changes between the sine and the cosine: a pair for each value
// (the tangent of cos(a) needs sin(a)), never one across the write.
ADGEN_FORWARD("a")
double twice(double a) {
  double s = std::sin(a);
  a = a * a;
  return s + std::cos(a);
}
// CHECK-LABEL: adgen::Dual<double> twice_fwd(double a, double d_a) {
// CHECK-NEXT:    adgen::SinCos<double> sincos_a = adgen::sincos(a);
// CHECK-NEXT:    double d_s = d_a * sincos_a.cos;
// CHECK-NEXT:    double s = sincos_a.sin;
// CHECK:         a = a * a;
// CHECK-NEXT:    adgen::SinCos<double> sincos_a_1 = adgen::sincos(a);
// CHECK-NEXT:    return adgen::Dual<double>{s + sincos_a_1.cos, d_s - d_a * sincos_a_1.sin};

#ifdef ADGEN_TEST_DRIVER
double pend_grad(const double *y, const double *p, double *d_y, double *d_p);
adgen::Dual<double> pend_fwd(const double *y, const double *p, const double *d_y, const double *d_p);
adgen::Dual<double> twice_fwd(double a, double d_a);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  double y[4] = {0.3, -1.2, 2.5, 7.0}, p[4] = {1.5, 0.7, -0.4, 2.0};
  double dy[4] = {}, dp[4] = {};
  check_exact("value", pend_grad(y, p, dy, dp), pend(y, p));
  const double t[8] = {0.2, -0.5, 0.9, 0.1, -0.3, 0.6, 0.25, -0.8};
  adgen::Dual<double> f = pend_fwd(y, p, t, t + 4);
  check_exact("f_fwd value", f.value, pend(y, p));
  double dot = 0;
  for (int i = 0; i < 4; ++i)
    dot += dy[i] * t[i] + dp[i] * t[4 + i];
  check_close("gradient . t vs f_fwd", dot, f.tangent, 1e-13);
  for (int i = 0; i < 8; ++i) {
    double *v = i < 4 ? &y[i] : &p[i - 4], keep = *v, h = 1e-6;
    *v = keep + h;
    double fp = pend(y, p);
    *v = keep - h;
    double fm = pend(y, p);
    *v = keep;
    check_close("gradient vs central differences", i < 4 ? dy[i] : dp[i - 4], (fp - fm) / (2 * h), 1e-7);
  }
  adgen::Dual<double> w = twice_fwd(0.7, 1.0);
  check_exact("twice value", w.value, twice(0.7));
  check_close("twice tangent", w.tangent, std::cos(0.7) - 2 * 0.7 * std::sin(0.49), 1e-14);
  return finish();
}
#endif
