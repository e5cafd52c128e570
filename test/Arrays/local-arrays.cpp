// Local fixed-size arrays (1-D, 2-D, brace-initialised from active values)
// and index arithmetic: (i + 1) % n, n - 1 - i, 2 * i + 1.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE() ADGEN_FORWARD()
double local_arr(double x, double y) {
  double v[5];
  v[0] = x;
  v[1] = y;
  for (int i = 2; i < 5; ++i)
    v[i] = v[i - 1] * v[i - 2] + std::sin(v[i - 1]);
  double m[2][2] = {{x, y}, {y * y, x - y}};
  double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
  return v[4] + det;
}
// CHECK-LABEL: double local_arr_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double local_arr_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> local_arr_fwd(double x, double y, double d_x, double d_y) {

ADGEN_REVERSE() ADGEN_FORWARD()
double ring(const double *a, int n) {
  double b[8];
  for (int i = 0; i < n; ++i)
    b[i] = a[(i + 1) % n] * a[n - 1 - i];
  double s = 0;
  for (int i = 0; 2 * i + 1 < n; ++i)
    s += b[2 * i + 1] * b[2 * i] + b[i];
  return s;
}
// CHECK-LABEL: double ring_grad(const double *a, int n, double *d_a) {
// CHECK-LABEL: adgen::Dual<double> ring_fwd(const double *a, int n, const double *d_a) {

// A local array rewritten in place: a prefix product, then read back in reverse.
ADGEN_REVERSE() ADGEN_FORWARD()
double prefix(const double *a) {
  double c[4] = {a[0], a[1], a[2], a[3]};
  for (int i = 1; i < 4; ++i)
    c[i] = c[i] * c[i - 1] + a[i];
  double s = 0;
  for (int i = 3; i >= 0; --i)
    s = s * 0.5 + c[i] * c[i];
  return s;
}
// CHECK-LABEL: double prefix_grad(const double *a, double *d_a) {
// CHECK-LABEL: adgen::Dual<double> prefix_fwd(const double *a, const double *d_a) {

#ifdef ADGEN_TEST_DRIVER
double local_arr_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double local_arr_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> local_arr_fwd(double x, double y, double d_x, double d_y);
double ring_grad(const double* a, int n, double* d_a);
adgen::Dual<double> ring_fwd(const double* a, int n, const double* d_a);
double prefix_grad(const double* a, double* d_a);
adgen::Dual<double> prefix_fwd(const double* a, const double* d_a);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double pts[][2] = {{0.7, 1.3}, {-0.4, 0.9}};
  for (auto& p : pts)
    check_scalar_fn<double>("local_arr", p, 2,
        [](const double* v) { return local_arr(v[0], v[1]); },
        [](const double* v, double* g) { return local_arr_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return local_arr_fwd(v[0], v[1], t[0], t[1]); });
  const double a[8] = {0.5, -1.2, 0.8, 1.5, -0.3, 0.9, 1.1, -0.6};
  for (int n : {1, 2, 5, 8})
    check_scalar_fn<double>("ring", a, n,
        [n](const double* v) { return ring(v, n); },
        [n](const double* v, double* g) { return ring_grad(v, n, g); },
        [n](const double* v, const double* t) { return ring_fwd(v, n, t); });
  check_scalar_fn<double>("prefix", a, 4,
      [](const double* v) { return prefix(v); },
      [](const double* v, double* g) { return prefix_grad(v, g); },
      [](const double* v, const double* t) { return prefix_fwd(v, t); });
  return finish();
}
#endif
