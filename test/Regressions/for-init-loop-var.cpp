// A floating-point variable declared in a for-init statement carries its
// tangent through the loop (repro for-init-loop-var.cpp): forward mode
// transformed the loop's body before its init, so the body did not know x's
// tangent yet and dropped it (f_fwd gave 0, f_grad was right).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

// The repro: f(a) = sum of x*x over x = a, a+1, ... < 3.5.
ADGEN_FORWARD("a") ADGEN_REVERSE("a")
double f(double a) {
  double s = 0;
  for (double x = a; x < 3.5; x += 1.0)
    s += x * x;
  return s;
}
// CHECK-LABEL: adgen::Dual<double> f_fwd(double a, double d_a) {
// CHECK: double d_x = d_a;
// CHECK-NEXT: double x = a;
// CHECK: d_s += d_x * (2.0 * x);
// CHECK-LABEL: double f_pullback(double a, double d_ret, double *d_a) {
// CHECK-LABEL: double f_grad(double a, double *d_a) {

// Two floating variables and an integer counter in one init, an inner loop
// with its own init variable, and a step that reads the other variable.
ADGEN_FORWARD() ADGEN_REVERSE()
double g(double a, double b) {
  double s = 0;
  for (double x = a, y = b * a; x < 4.0; x += 0.5 + 0.1 * y) {
    for (double z = std::sin(y); z < 1.5; z += 0.75)
      s += z * x;
    y = y * 0.5 + x;
  }
  for (int i = 0; i < 2; ++i)
    for (double w = s; w > 1.0; w *= 0.5)
      s += std::sqrt(w);
  return s;
}
// CHECK-LABEL: adgen::Dual<double> g_fwd(double a, double b, double d_a, double d_b) {
// CHECK-DAG: double d_x = d_a;
// CHECK-DAG: double d_y = d_b * a + d_a * b;
// CHECK-DAG: double d_z = d_y * std::cos(y);
// CHECK-DAG: double d_w = d_s;
// CHECK-LABEL: double g_pullback(double a, double b, double d_ret, double *d_a, double *d_b) {
// CHECK-LABEL: double g_grad(double a, double b, double *d_a, double *d_b) {

#ifdef ADGEN_TEST_DRIVER
adgen::Dual<double> f_fwd(double a, double d_a);
double f_pullback(double a, double d_ret, double *d_a);
double f_grad(double a, double *d_a);
adgen::Dual<double> g_fwd(double a, double b, double d_a, double d_b);
double g_pullback(double a, double b, double d_ret, double *d_a, double *d_b);
double g_grad(double a, double b, double *d_a, double *d_b);
#include "adgen_pullback.h"
int main() {
  using namespace adgen_test;
  // The repro's numbers: 2 * (0.25 + 1.25 + 2.25 + 3.25) = 14.
  check_close("f_fwd tangent at 0.25", f_fwd(0.25, 1.0).tangent, 14.0, 1e-15);
  double da = 0;
  f_grad(0.25, &da);
  check_close("f_grad at 0.25", da, 14.0, 1e-15);
  const double xf[] = {0.25};
  auto fv = [](const double *p) { return f(p[0]); };
  check_scalar_fn<double>("f", xf, 1, fv,
      [](const double *p, double *d) { return f_grad(p[0], &d[0]); },
      [](const double *p, const double *t) { return f_fwd(p[0], t[0]); });
  check_pullback_prefilled<double>("f", xf, 1, fv,
      [](const double *p, double s, double *d) { return f_pullback(p[0], s, &d[0]); });
  for (double a : {0.3, 0.9}) {
    const double xg[] = {a, 0.7};
    auto gv = [](const double *p) { return g(p[0], p[1]); };
    check_scalar_fn<double>("g", xg, 2, gv,
        [](const double *p, double *d) { return g_grad(p[0], p[1], &d[0], &d[1]); },
        [](const double *p, const double *t) { return g_fwd(p[0], p[1], t[0], t[1]); });
    check_pullback_prefilled<double>("g", xg, 2, gv,
        [](const double *p, double s, double *d) { return g_pullback(p[0], p[1], s, &d[0], &d[1]); });
  }
  return finish();
}
#endif
