// Non-smooth points follow the contract: the derivative is that of the branch
// the program takes. fabs'(0) = 0; fmax/fmin and std::max/std::min follow the
// argument they return (std::max(a, b) and std::min(a, b) return a on a tie);
// floor, ceil, round, trunc have derivative 0 everywhere, integers included.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <algorithm>
#include <cmath>

ADGEN_REVERSE() ADGEN_FORWARD() double n_fabs(double x) { return std::fabs(x) + 0.5 * x; }
// CHECK-LABEL: double n_fabs_grad(double x, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> n_fabs_fwd(double x, double d_x) {
ADGEN_REVERSE() ADGEN_FORWARD() double n_abs(double x) { return std::abs(x) + 0.5 * x; }
// CHECK-LABEL: double n_abs_grad(double x, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> n_abs_fwd(double x, double d_x) {
ADGEN_REVERSE() ADGEN_FORWARD() double n_fmax(double x, double y) { return std::fmax(x, y); }
// CHECK-LABEL: double n_fmax_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> n_fmax_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double n_fmin(double x, double y) { return std::fmin(x, y); }
// CHECK-LABEL: double n_fmin_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> n_fmin_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double n_max(double x, double y) { return std::max(x, y); }
// CHECK-LABEL: double n_max_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> n_max_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double n_min(double x, double y) { return std::min(x, y); }
// CHECK-LABEL: double n_min_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> n_min_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD() double n_relu(double x) { return std::max(0.0, x); }
// CHECK-LABEL: double n_relu_grad(double x, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> n_relu_fwd(double x, double d_x) {
ADGEN_REVERSE() ADGEN_FORWARD()
double n_steps(double x) { return std::floor(x) * x + std::ceil(x) + std::round(x) + std::trunc(x) * 2.0; }
// CHECK-LABEL: double n_steps_grad(double x, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> n_steps_fwd(double x, double d_x) {

#ifdef ADGEN_TEST_DRIVER
double n_fabs_grad(double x, double* d_x);
adgen::Dual<double> n_fabs_fwd(double x, double d_x);
double n_abs_grad(double x, double* d_x);
adgen::Dual<double> n_abs_fwd(double x, double d_x);
double n_fmax_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> n_fmax_fwd(double x, double y, double d_x, double d_y);
double n_fmin_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> n_fmin_fwd(double x, double y, double d_x, double d_y);
double n_max_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> n_max_fwd(double x, double y, double d_x, double d_y);
double n_min_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> n_min_fwd(double x, double y, double d_x, double d_y);
double n_relu_grad(double x, double* d_x);
adgen::Dual<double> n_relu_fwd(double x, double d_x);
double n_steps_grad(double x, double* d_x);
adgen::Dual<double> n_steps_fwd(double x, double d_x);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  for (double z : {0.0, -0.0}) {
    double g = 0;
    n_fabs_grad(z, &g);
    check_exact("fabs'(0) = 0 (reverse): 0 + 0.5", g, 0.5);
    check_exact("fabs'(0) = 0 (forward)", n_fabs_fwd(z, 1.0).tangent, 0.5);
    g = 0;
    n_abs_grad(z, &g);
    check_exact("abs'(0) = 0 (reverse)", g, 0.5);
    check_exact("abs'(0) = 0 (forward)", n_abs_fwd(z, 1.0).tangent, 0.5);
  }
  // Away from 0: sign(x).
  for (double x : {-2.0, 3.0}) {
    double g = 0;
    n_fabs_grad(x, &g);
    check_exact("fabs' = sign", g, (x < 0 ? -1.0 : 1.0) + 0.5);
    check_exact("fabs' = sign (forward)", n_fabs_fwd(x, 1.0).tangent, (x < 0 ? -1.0 : 1.0) + 0.5);
  }
  // Ties: fmax / fmin follow one argument, so the two partials are 0 and 1.
  {
    double gx = 0, gy = 0;
    n_fmax_grad(1.5, 1.5, &gx, &gy);
    check_true("fmax tie: partials are {0, 1}", (gx == 1 && gy == 0) || (gx == 0 && gy == 1));
    double tx = n_fmax_fwd(1.5, 1.5, 1.0, 0.0).tangent, ty = n_fmax_fwd(1.5, 1.5, 0.0, 1.0).tangent;
    check_true("fmax tie (forward): partials are {0, 1}", (tx == 1 && ty == 0) || (tx == 0 && ty == 1));
    check_true("fmax tie: forward and reverse choose the same argument", tx == gx && ty == gy);
    gx = 0, gy = 0;
    n_fmin_grad(-0.5, -0.5, &gx, &gy);
    check_true("fmin tie: partials are {0, 1}", (gx == 1 && gy == 0) || (gx == 0 && gy == 1));
    tx = n_fmin_fwd(-0.5, -0.5, 1.0, 0.0).tangent, ty = n_fmin_fwd(-0.5, -0.5, 0.0, 1.0).tangent;
    check_true("fmin tie: forward and reverse choose the same argument", tx == gx && ty == gy);
  }
  // Off ties: the chosen argument.
  for (auto xy : {std::pair<double, double>{1.0, 2.0}, {3.0, -1.0}}) {
    double x = xy.first, y = xy.second, gx = 0, gy = 0;
    n_fmax_grad(x, y, &gx, &gy);
    check_exact("fmax: d/dx", gx, x > y ? 1.0 : 0.0);
    check_exact("fmax: d/dy", gy, x > y ? 0.0 : 1.0);
    check_exact("fmax fwd: d/dy", n_fmax_fwd(x, y, 0.0, 1.0).tangent, x > y ? 0.0 : 1.0);
    gx = 0, gy = 0;
    n_fmin_grad(x, y, &gx, &gy);
    check_exact("fmin: d/dx", gx, x < y ? 1.0 : 0.0);
    check_exact("fmin fwd: d/dx", n_fmin_fwd(x, y, 1.0, 0.0).tangent, x < y ? 1.0 : 0.0);
  }
  // std::max(a, b) is (a < b) ? b : a, std::min(a, b) is (b < a) ? b : a:
  // on a tie both return a.
  {
    double gx = 0, gy = 0;
    n_max_grad(2.0, 2.0, &gx, &gy);
    check_exact("std::max tie: d/dx", gx, 1.0);
    check_exact("std::max tie: d/dy", gy, 0.0);
    check_exact("std::max tie fwd: d/dx", n_max_fwd(2.0, 2.0, 1.0, 0.0).tangent, 1.0);
    check_exact("std::max tie fwd: d/dy", n_max_fwd(2.0, 2.0, 0.0, 1.0).tangent, 0.0);
    gx = 0, gy = 0;
    n_min_grad(2.0, 2.0, &gx, &gy);
    check_exact("std::min tie: d/dx", gx, 1.0);
    check_exact("std::min tie: d/dy", gy, 0.0);
    check_exact("std::min tie fwd: d/dy", n_min_fwd(2.0, 2.0, 0.0, 1.0).tangent, 0.0);
    // ReLU at 0: std::max(0.0, x) returns the constant 0.0.
    double g = 0;
    n_relu_grad(0.0, &g);
    check_exact("relu'(0) = 0", g, 0.0);
    check_exact("relu'(0) = 0 (forward)", n_relu_fwd(0.0, 1.0).tangent, 0.0);
    g = 0;
    n_relu_grad(0.3, &g);
    check_exact("relu'(0.3) = 1", g, 1.0);
    g = 0;
    n_relu_grad(-0.3, &g);
    check_exact("relu'(-0.3) = 0", g, 0.0);
  }
  // Step functions: derivative 0, also at integers where they jump.
  for (double x : {2.0, -1.0, 0.5, -2.5, 1.3}) {
    double g = 0;
    n_steps_grad(x, &g);
    check_exact("steps: only floor(x) * x contributes", g, std::floor(x));
    check_exact("steps (forward)", n_steps_fwd(x, 1.0).tangent, std::floor(x));
  }
  return finish();
}
#endif
