// pow at a zero base and a zero exponent (repro pow-zero-base.cpp): where
// a^b does not depend on a or b the partial is exactly 0, never 0 * inf
// (NaN). d/da a^b = b a^(b-1) is 0 where b == 0 (pow(a, 0) is 1 for every a);
// d/db a^b = a^b log a is taken as 0 where a <= 0 (at a = 0, a^b is 0 for
// b > 0). The generated code selects the 0; it does not multiply by it.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_FORWARD() ADGEN_REVERSE()
double f(double x, double y) { return std::pow(x, y); }
// CHECK-LABEL: adgen::Dual<double> f_fwd(double x, double y, double d_x, double d_y) {
// CHECK-NEXT: double pow_x = std::pow(x, y);
// CHECK-NEXT: return adgen::Dual<double>{pow_x, d_x * (y == 0.0 ? 0.0 : y * std::pow(x, y - 1.0)) + d_y * (x > 0.0 ? pow_x * std::log(x) : 0.0)};
// CHECK-LABEL: double f_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK: *d_x += d_result * (y == 0.0 ? 0.0 : y * std::pow(x, y - 1.0));
// CHECK: *d_y += d_result * (x > 0.0 ? std::pow(x, y) * std::log(x) : 0.0);
// CHECK-LABEL: double f_grad(

// An integer exponent, which may be 0 at run time.
ADGEN_FORWARD() ADGEN_REVERSE()
double g(double x, int n) { return std::pow(x, n); }
// CHECK-LABEL: adgen::Dual<double> g_fwd(double x, int n, double d_x) {
// CHECK: d_x * (n == 0 ? 0.0 : static_cast<double>(n) * std::pow(x, n - 1))
// CHECK-LABEL: double g_pullback(double x, int n, double d_ret, double *d_x) {
// CHECK-LABEL: double g_grad(

// Literal exponents 0 and 1: no select, and no derivative through pow(x, 0).
ADGEN_FORWARD() ADGEN_REVERSE()
float h(float x) { return std::pow(x, 0.0f) + std::pow(x, 1.0f) * 3.0f; }
// CHECK-LABEL: adgen::Dual<float> h_fwd(float x, float d_x) {
// CHECK-NOT: ==
// CHECK: return adgen::Dual<float>{std::pow(x, 0.0f) + std::pow(x, 1.0f) * 3.0f, d_x * 1.0f * 3.0f * 1.0f};
// CHECK-LABEL: float h_pullback(float x, float d_ret, float *d_x) {
// CHECK-LABEL: float h_grad(

#ifdef ADGEN_TEST_DRIVER
adgen::Dual<double> f_fwd(double x, double y, double d_x, double d_y);
double f_pullback(double x, double y, double d_ret, double *d_x, double *d_y);
double f_grad(double x, double y, double *d_x, double *d_y);
adgen::Dual<double> g_fwd(double x, int n, double d_x);
double g_pullback(double x, int n, double d_ret, double *d_x);
double g_grad(double x, int n, double *d_x);
adgen::Dual<float> h_fwd(float x, float d_x);
float h_pullback(float x, float d_ret, float *d_x);
float h_grad(float x, float *d_x);
#include "adgen_pullback.h"
using namespace adgen_test;

// Exact partials of pow at (x, y), forward (both unit directions) and reverse.
void check_f_exact(double x, double y, double want_dx, double want_dy) {
  char lab[96];
  std::snprintf(lab, sizeof lab, "f(%g, %g)", x, y);
  check_exact(Label(lab, "f_fwd d/dx"), f_fwd(x, y, 1, 0).tangent, want_dx);
  check_exact(Label(lab, "f_fwd d/dy"), f_fwd(x, y, 0, 1).tangent, want_dy);
  double dx = 0, dy = 0;
  f_grad(x, y, &dx, &dy);
  check_exact(Label(lab, "f_grad d/dx"), dx, want_dx);
  check_exact(Label(lab, "f_grad d/dy"), dy, want_dy);
  dx = 10, dy = -20; // pre-filled, seeded: += d_ret * 0 leaves them as they were
  f_pullback(x, y, 0.5, &dx, &dy);
  check_exact(Label(lab, "f_pullback d/dx"), dx, 10 + 0.5 * want_dx);
  check_exact(Label(lab, "f_pullback d/dy"), dy, -20 + 0.5 * want_dy);
}

int main() {
  // The repro, and the other points where a partial is 0 by the rules above.
  check_f_exact(0.0, 0.0, 0.0, 0.0);
  check_f_exact(3.0, 0.0, 0.0, std::log(3.0));
  check_f_exact(0.0, 2.5, 0.0, 0.0);
  check_f_exact(0.0, 1.0, 1.0, 0.0);
  check_exact("g_fwd at (0, 0)", g_fwd(0.0, 0, 1.0).tangent, 0.0);
  double gx = 0;
  g_grad(0.0, 0, &gx);
  check_exact("g_grad at (0, 0)", gx, 0.0);
  check_exact("h_fwd at 0", h_fwd(0.0f, 1.0f).tangent, 3.0f);
  float hx = 0;
  h_grad(0.0f, &hx);
  check_exact("h_grad at 0", hx, 3.0f);
  // Smooth points: finite differences, forward vs reverse, the += contract.
  for (double y : {0.0, 0.7, 2.0}) {
    const double p[] = {1.3, y};
    auto fv = [](const double *q) { return f(q[0], q[1]); };
    check_scalar_fn<double>("f", p, 2, fv,
        [](const double *q, double *d) { return f_grad(q[0], q[1], &d[0], &d[1]); },
        [](const double *q, const double *t) { return f_fwd(q[0], q[1], t[0], t[1]); });
    check_pullback_prefilled<double>("f", p, 2, fv,
        [](const double *q, double s, double *d) { return f_pullback(q[0], q[1], s, &d[0], &d[1]); });
  }
  for (int n : {0, 1, 3}) {
    const double p[] = {0.8};
    auto gv = [n](const double *q) { return g(q[0], n); };
    check_scalar_fn<double>("g", p, 1, gv,
        [n](const double *q, double *d) { return g_grad(q[0], n, &d[0]); },
        [n](const double *q, const double *t) { return g_fwd(q[0], n, t[0]); });
    check_pullback_prefilled<double>("g", p, 1, gv,
        [n](const double *q, double s, double *d) { return g_pullback(q[0], n, s, &d[0]); });
  }
  const float ph[] = {0.6f};
  auto hv = [](const float *q) { return h(q[0]); };
  check_scalar_fn<float>("h", ph, 1, hv,
      [](const float *q, float *d) { return h_grad(q[0], &d[0]); },
      [](const float *q, const float *t) { return h_fwd(q[0], t[0]); });
  check_pullback_prefilled<float>("h", ph, 1, hv,
      [](const float *q, float s, float *d) { return h_pullback(q[0], s, &d[0]); });
  return finish();
}
#endif
