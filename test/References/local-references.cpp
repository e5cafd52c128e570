// References inside the body: to a local, to array elements (the element is
// fixed where the reference binds, even if the index changes later), const
// references to temporaries; in forward and reverse mode.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE("x[n] -> y[n]") ADGEN_FORWARD("x[n] -> y[n]")
void smooth(const double *x, double *y, int n) {
  for (int i = 0; i < n; ++i) {
    double &out = y[i];
    const double &in = x[i];
    out = in * in;
    int j = i;
    double &prev = y[j > 0 ? j - 1 : 0];
    ++j; // prev still names y[i - 1]
    prev += 0.5 * std::sin(in);
  }
}
// CHECK-LABEL: void smooth_pullback(const double *x, double *y, int n, double *d_x, double *d_y) {

ADGEN_REVERSE() ADGEN_FORWARD()
double scaled(double a, double b) {
  double s = a;
  double &r = s;
  r *= b;
  const double &t = a * b + 1.0;
  return s + t * t;
}

#ifdef ADGEN_TEST_DRIVER
void smooth_pullback(const double *x, double *y, int n, double *d_x, double *d_y);
void smooth_fwd(const double *x, double *y, int n, const double *d_x, double *d_y);
double scaled_grad(double a, double b, double *d_a, double *d_b);
adgen::Dual<double> scaled_fwd(double a, double b, double d_a, double d_b);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const int n = 4;
  double x[n] = {0.3, -0.5, 0.8, 0.1}, y[n], ybar[n] = {1, 2, 3, 4}, xdot[n] = {0.5, -1, 0.25, 2};
  // Jacobian-vector product by forward mode and by central differences.
  double ydot[n], yy[n];
  smooth_fwd(x, yy, n, xdot, ydot);
  double yp[n], ym[n], xp[n], xm[n], h = 1e-6;
  for (int i = 0; i < n; ++i) {
    xp[i] = x[i] + h * xdot[i];
    xm[i] = x[i] - h * xdot[i];
  }
  smooth(xp, yp, n);
  smooth(xm, ym, n);
  for (int i = 0; i < n; ++i)
    check_close("smooth: forward vs central differences", ydot[i], (yp[i] - ym[i]) / (2 * h), 1e-7);
  // Reverse: <ybar, J xdot> = <J^T ybar, xdot>.
  double xbar[n] = {}, yb[n];
  for (int i = 0; i < n; ++i)
    yb[i] = ybar[i];
  smooth_pullback(x, y, n, xbar, yb);
  double lhs = 0, rhs = 0;
  for (int i = 0; i < n; ++i) {
    lhs += ybar[i] * ydot[i];
    rhs += xbar[i] * xdot[i];
  }
  check_close("smooth: forward vs reverse", lhs, rhs, 1e-12);

  double da = 0, db = 0;
  scaled_grad(0.7, 1.3, &da, &db);
  double t = 0.7 * 1.3 + 1;
  check_close("scaled: d/da", da, 1.3 + 2 * t * 1.3, 1e-14);
  check_close("scaled: d/db", db, 0.7 + 2 * t * 0.7, 1e-14);
  check_close("scaled: forward", scaled_fwd(0.7, 1.3, 1, 0).tangent, da, 1e-14);
  return finish();
}
#endif
