// --emit=check checks f_jacobian against a finite-difference Jacobian and
// f_hessian against second differences of f (repro check-jacobian-hessian:
// a file with only ADGEN_JACOBIAN / ADGEN_HESSIAN used to print "0 passed,
// 0 failed" and exit 0). Both also must have f's effects.
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.check.cpp --check-prefix=GEN
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s
#include <adgen/adgen.h>
#include <cmath>

ADGEN_JACOBIAN("x[2] -> y[2]")
void g(const double *x, double *y) {
  y[0] = x[0] * x[1];
  y[1] = std::sin(x[0]);
}

ADGEN_HESSIAN("x[2]")
double h(const double *x) { return x[0] * x[0] * x[1]; }

// A Jacobian with the return value first, an in-out array and a scalar.
ADGEN_JACOBIAN("x[n], a, y[n] -> return, y[n]")
double k(const double *x, int n, double a, double *y) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    y[i] = std::tanh(y[i] * a) + x[i];
    s += x[i] * y[i];
  }
  return s;
}

ADGEN_HESSIAN("x[n], a")
double e(const double *x, int n, double a) {
  double s = 0;
  for (int i = 0; i + 1 < n; ++i)
    s += a * (x[i + 1] - x[i] * x[i]) * (x[i + 1] - x[i] * x[i]) + std::exp(-x[i] * a);
  return s;
}

// GEN-LABEL: namespace adgen_check_0 {
// GEN: inline std::vector<long double> jacobian(adgen_state s, std::vector<long double> &eff) {
// GEN: ::g_jacobian(
// GEN-LABEL: namespace adgen_check_1 {
// GEN: inline std::vector<long double> hessian(adgen_state s, std::vector<long double> &eff) {
// GEN: ::h_hessian(
// CHECK-DAG: ok   g {{.*}}worst relative error
// CHECK-DAG: ok   h {{.*}}worst relative error
// CHECK-DAG: ok   k {{.*}}worst relative error
// CHECK-DAG: ok   e {{.*}}worst relative error
// CHECK: 4 passed, 0 failed
