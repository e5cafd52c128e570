// Forward mode alone: no tape, no reverse functions; tangent parameters have
// exactly the type of their parameter (double, const double*, double*,
// double&); an in-out pointer's tangent is that of the initial contents on
// entry and of the final contents on return.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=_pullback --implicit-check-not=_grad --implicit-check-not=Tape --implicit-check-not=push
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_FORWARD()
double scal(double x, const double *c, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s = s * std::cos(x) + c[i] * x;
  return s;
}
// CHECK-LABEL: adgen::Dual<double> scal_fwd(double x, const double *c, int n, double d_x, const double *d_c) {

// In-out through a pointer and a reference; returns void.
ADGEN_FORWARD()
void step(double *p, double &r, double h, int n) {
  for (int i = 0; i < n; ++i) {
    p[i] = p[i] + h * std::sin(r * p[i]);
    r = r * (1.0 + h * p[i]);
  }
}
// CHECK-LABEL: void step_fwd(double *p, double &r, double h, int n, double *d_p, double &d_r, double d_h) {

// Returns an int: the forward function returns int too.
ADGEN_FORWARD()
int count_and_scale(double *y, double a, int n) {
  int c = 0;
  for (int i = 0; i < n; ++i)
    if (y[i] > 0) {
      y[i] = y[i] * a;
      ++c;
    }
  return c;
}
// CHECK-LABEL: int count_and_scale_fwd(double *y, double a, int n, double *d_y, double d_a) {

#ifdef ADGEN_TEST_DRIVER
adgen::Dual<double> scal_fwd(double x, const double* c, int n, double d_x, const double* d_c);
void step_fwd(double* p, double& r, double h, int n, double* d_p, double& d_r, double d_h);
int count_and_scale_fwd(double* y, double a, int n, double* d_y, double d_a);
#include "adgen_test.h"
#include <cstring>
int main() {
  using namespace adgen_test;
  const double c[4] = {1.0, -0.5, 2.0, 0.25};
  double x = 0.7;
  for (int k = 0; k <= 4; ++k) {
    double t[4] = {0, 0, 0, 0};
    if (k < 4) t[k] = 1;
    adgen::Dual<double> d = scal_fwd(x, c, 4, k == 4 ? 1.0 : 0.0, t);
    check_ulps("scal: value", d.value, scal(x, c, 4));
    double cc[4];
    std::memcpy(cc, c, sizeof cc);
    double fd = k == 4 ? fd_scalar([&](double v) { return scal(v, c, 4); }, x)
                       : fd_array([&] { return scal(x, cc, 4); }, cc, k);
    check_close("scal: tangent vs FD", d.tangent, fd);
  }
  // step: state (p[0..3), r, h) -> (p, r). Central differences per input.
  const double s0[5] = {0.3, -0.6, 1.1, 0.8, 0.05};
  check_vector_fn<double>("step", s0, 5, 4,
      [](const double* v, double* y) {
        double r = v[3];
        std::memcpy(y, v, 3 * sizeof(double));
        step(y, r, v[4], 3);
        y[3] = r;
      },
      // No reverse mode here: the "pullback" is assembled from forward
      // columns, so this checks forward against FD only.
      [](const double* v, const double* ybar, double* vbar) {
        for (int i = 0; i < 5; ++i) {
          double p[3], dp[3] = {0, 0, 0}, r = v[3], dr = 0, dh = 0;
          std::memcpy(p, v, sizeof p);
          if (i < 3) dp[i] = 1; else if (i == 3) dr = 1; else dh = 1;
          step_fwd(p, r, v[4], 3, dp, dr, dh);
          vbar[i] += ybar[0] * dp[0] + ybar[1] * dp[1] + ybar[2] * dp[2] + ybar[3] * dr;
        }
      },
      [](const double* v, const double* vd, double* y, double* yd) {
        double r = v[3], dr = vd[3];
        std::memcpy(y, v, 3 * sizeof(double));
        std::memcpy(yd, vd, 3 * sizeof(double));
        step_fwd(y, r, v[4], 3, yd, dr, vd[4]);
        y[3] = r;
        yd[3] = dr;
      });
  {
    double y[4] = {1.5, -2.0, 0.5, 3.0}, dy[4] = {1.0, 1.0, 2.0, -1.0};
    int c2 = count_and_scale_fwd(y, 2.0, 4, dy, 0.5);
    check_exact("count_and_scale: result", c2, 3);
    // y[i] > 0: tangent a' y0 + a y0'; else unchanged.
    check_exact("count_and_scale: y[0]", y[0], 3.0);
    check_exact("count_and_scale: dy[0]", dy[0], 0.5 * 1.5 + 2.0 * 1.0);
    check_exact("count_and_scale: dy[1] untouched", dy[1], 1.0);
    check_exact("count_and_scale: dy[2]", dy[2], 0.5 * 0.5 + 2.0 * 2.0);
    check_exact("count_and_scale: dy[3]", dy[3], 0.5 * 3.0 + 2.0 * -1.0);
  }
  return finish();
}
#endif
