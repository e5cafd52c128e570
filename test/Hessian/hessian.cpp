// f_hessian by forward over reverse: forward mode applied to the reverse-mode
// code adgen generated. Checked for symmetry and against central differences
// of the gradient (f_grad), on the classics and on a function with a loop, a
// branch, an overwritten value, a call and cmath functions.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_HESSIAN() ADGEN_REVERSE()
double poly(double x, double y) { return x * x * y + x * y * y; }
// CHECK-LABEL: void poly_hessian(double x, double y, double *hess) {
// CHECK: poly_hessian_fwd(

ADGEN_HESSIAN("x[n]") ADGEN_REVERSE("x")
double rosenbrock(const double *x, int n) {
  double s = 0;
  for (int i = 0; i + 1 < n; ++i) {
    double a = x[i + 1] - x[i] * x[i];
    double b = 1 - x[i];
    s += 100 * a * a + b * b;
  }
  return s;
}
// CHECK-LABEL: void rosenbrock_hessian(const double *x, int n, double *hess) {

double soft(double u) { return std::log1p(std::exp(u)); }

// Loop, branch, overwrite, call, several math functions.
ADGEN_HESSIAN("p[3]") ADGEN_REVERSE("p")
double mixed(const double *p, int steps) {
  double s = p[0], acc = 0;
  for (int k = 0; k < steps; ++k) {
    if (s > 0.5)
      s = s * std::tanh(p[1]) + std::sin(p[2] * s);
    else
      s = std::sqrt(1 + s * s) * p[1];
    acc += soft(s * p[2]) + std::pow(s, 3) / (2 + p[0] * p[0]);
  }
  return acc + std::lgamma(1.5 + p[1] * p[1]) + std::atan2(p[0], 2.0 + p[2]);
}
// CHECK-LABEL: void mixed_hessian(const double *p, int steps, double *hess) {

#ifdef ADGEN_TEST_DRIVER
void poly_hessian(double x, double y, double *hess);
double poly_grad(double x, double y, double *d_x, double *d_y);
void rosenbrock_hessian(const double *x, int n, double *hess);
double rosenbrock_grad(const double *x, int n, double *d_x);
void mixed_hessian(const double *p, int steps, double *hess);
double mixed_grad(const double *p, int steps, double *d_p);
#include "adgen_test.h"
using namespace adgen_test;

// Column j of the Hessian by central differences of the gradient.
template <typename Grad> void check_hessian(const char *what, const double *H, double *x, int n, Grad grad) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      check_close(what, H[i * n + j], H[j * n + i], 1e-12); // symmetric
  for (int j = 0; j < n; ++j) {
    double keep = x[j], h = 1e-5, gp[8] = {}, gm[8] = {};
    x[j] = keep + h;
    grad(x, gp);
    x[j] = keep - h;
    grad(x, gm);
    x[j] = keep;
    for (int i = 0; i < n; ++i)
      check_close(what, H[i * n + j], (gp[i] - gm[i]) / (2 * h), 1e-6);
  }
}

int main() {
  double H2[4];
  poly_hessian(1.5, -0.5, H2);
  check_close("x^2 y + x y^2: d2/dx2 = 2y", H2[0], -1.0, 1e-15);
  check_close("x^2 y + x y^2: d2/dxdy = 2x + 2y", H2[1], 2.0, 1e-15);
  check_close("x^2 y + x y^2: d2/dy2 = 2x", H2[3], 3.0, 1e-15);
  double xy[2] = {1.5, -0.5};
  check_hessian("poly", H2, xy, 2, [](const double *v, double *g) { poly_grad(v[0], v[1], &g[0], &g[1]); });

  double r2[2] = {-1.2, 1.0}, HR2[4];
  rosenbrock_hessian(r2, 2, HR2);
  check_close("rosenbrock 2-D d2/dx2", HR2[0], 1200 * 1.44 - 400 * 1.0 + 2, 1e-12);
  check_close("rosenbrock 2-D d2/dxdy", HR2[1], -400 * -1.2, 1e-12);
  check_close("rosenbrock 2-D d2/dy2", HR2[3], 200, 1e-12);
  double r5[5] = {0.5, 1.2, -0.3, 0.8, 1.1}, HR5[25];
  rosenbrock_hessian(r5, 5, HR5);
  check_hessian("rosenbrock n-D", HR5, r5, 5, [](const double *v, double *g) { rosenbrock_grad(v, 5, g); });

  double p[3] = {0.7, 0.9, 0.4}, HM[9];
  mixed_hessian(p, 4, HM);
  check_hessian("mixed", HM, p, 3, [](const double *v, double *g) { mixed_grad(v, 4, g); });
  return finish();
}
#endif
