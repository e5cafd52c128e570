// Loops whose trip count depends on floating-point data: Newton's iteration
// for sqrt, a `while (err > tol)` fixed point (Kepler's equation), and a
// growth loop that stops at a threshold. The reverse sweep must replay
// exactly as many iterations as the forward sweep ran.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE() ADGEN_FORWARD()
double newton_sqrt(double a) {
  double x = a > 1.0 ? a : 1.0;
  double err = 1.0;
  while (err > 1e-15) {
    double nx = 0.5 * (x + a / x);
    err = std::fabs(nx - x) / nx;
    x = nx;
  }
  return x;
}
// CHECK-LABEL: double newton_sqrt_pullback(double a, double d_ret, double *d_a) {
// CHECK-LABEL: double newton_sqrt_grad(double a, double *d_a) {
// CHECK-LABEL: adgen::Dual<double> newton_sqrt_fwd(double a, double d_a) {

// Solve E = M + e sin E by fixed-point iteration to tolerance tol.
ADGEN_REVERSE("M, e") ADGEN_FORWARD("M, e")
double kepler(double M, double e, double tol) {
  double E = M;
  double err = 1.0;
  int it = 0;
  while (err > tol && it < 500) {
    double En = M + e * std::sin(E);
    err = std::fabs(En - E);
    E = En;
    ++it;
  }
  return E;
}
// CHECK-LABEL: double kepler_pullback(double M, double e, double tol, double d_ret, double *d_M, double *d_e) {
// CHECK-LABEL: double kepler_grad(double M, double e, double tol, double *d_M, double *d_e) {
// CHECK-LABEL: adgen::Dual<double> kepler_fwd(double M, double e, double tol, double d_M, double d_e) {

ADGEN_REVERSE() ADGEN_FORWARD()
double grow(double x, double r) {
  double s = x;
  while (s < 100.0)
    s = s * r + x;
  return s;
}
// CHECK-LABEL: double grow_grad(double x, double r, double *d_x, double *d_r) {
// CHECK-LABEL: adgen::Dual<double> grow_fwd(double x, double r, double d_x, double d_r) {

#ifdef ADGEN_TEST_DRIVER
double newton_sqrt_pullback(double a, double d_ret, double* d_a);
double newton_sqrt_grad(double a, double* d_a);
adgen::Dual<double> newton_sqrt_fwd(double a, double d_a);
double kepler_pullback(double M, double e, double tol, double d_ret, double* d_M, double* d_e);
double kepler_grad(double M, double e, double tol, double* d_M, double* d_e);
adgen::Dual<double> kepler_fwd(double M, double e, double tol, double d_M, double d_e);
double grow_grad(double x, double r, double* d_x, double* d_r);
adgen::Dual<double> grow_fwd(double x, double r, double d_x, double d_r);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  for (double a : {0.3, 2.0, 17.0, 1e4}) {
    check_scalar_fn<double>("newton_sqrt", &a, 1,
        [](const double* v) { return newton_sqrt(v[0]); },
        [](const double* v, double* g) { return newton_sqrt_grad(v[0], g); },
        [](const double* v, const double* t) { return newton_sqrt_fwd(v[0], t[0]); });
    double g = 0;
    newton_sqrt_grad(a, &g);
    check_close("newton_sqrt: 1/(2 sqrt a)", g, 0.5 / std::sqrt(a), 1e-10);
    check_close("newton_sqrt: fwd 1/(2 sqrt a)", newton_sqrt_fwd(a, 1.0).tangent,
                0.5 / std::sqrt(a), 1e-10);
  }
  for (double e : {0.1, 0.5, 0.8})
    for (double M : {0.3, 2.0}) {
      double p[2] = {M, e};
      const double tol = 1e-15;
      check_scalar_fn<double>("kepler", p, 2,
          [tol](const double* v) { return kepler(v[0], v[1], tol); },
          [tol](const double* v, double* g) { return kepler_grad(v[0], v[1], tol, &g[0], &g[1]); },
          [tol](const double* v, const double* t) { return kepler_fwd(v[0], v[1], tol, t[0], t[1]); });
      // Implicit function theorem: dE/dM = 1/(1 - e cos E), dE/de = sin E/(1 - e cos E).
      double gM = 0, ge = 0;
      double E = kepler_grad(M, e, tol, &gM, &ge);
      check_close("kepler: dE/dM", gM, 1 / (1 - e * std::cos(E)), 1e-9);
      check_close("kepler: dE/de", ge, std::sin(E) / (1 - e * std::cos(E)), 1e-9);
      adgen::Dual<double> t = kepler_fwd(M, e, tol, 0.0, 1.0);
      check_close("kepler: fwd dE/de", t.tangent, std::sin(E) / (1 - e * std::cos(E)), 1e-9);
    }
  for (double x : {0.5, 3.0, 150.0}) { // 150: the loop does not run
    double p[2] = {x, 1.7};
    check_scalar_fn<double>("grow", p, 2,
        [](const double* v) { return grow(v[0], v[1]); },
        [](const double* v, double* g) { return grow_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return grow_fwd(v[0], v[1], t[0], t[1]); });
  }
  return finish();
}
#endif
