// Forward mode: a counted loop of 2 to 4 trips between integer literals
// whose tangents double its body (3-vectors, quaternions) is printed after
// `#pragma GCC unroll N`: GCC at -O2 no longer unrolls it by itself once the
// tangents are in, and keeps the arrays it indexes in memory (BA's f_fwd was
// 20% slower). Loops of 5 or more trips, loops with a variable bound, nested
// loops and loops without tangents get no pragma; reverse mode none.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -O2 -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -O2 -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

// Rodrigues rotation of X - c by the axis-angle vector r, then the
// projection (a small bundle-adjustment residual), loops of 3 and 2 trips.
ADGEN_REVERSE("r[3], c[3], X[3] -> out[2]")
ADGEN_FORWARD("r, c, X -> out")
void project(const double* r, const double* c, const double* X, double* out) {
  double Xo[3];
  for (int i = 0; i < 3; ++i)
    Xo[i] = X[i] - c[i];
  double theta = std::sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
  double ct = std::cos(theta), st = std::sin(theta);
  double w[3], wx[3], Xc[3];
  for (int i = 0; i < 3; ++i)
    w[i] = r[i] / theta;
  wx[0] = w[1] * Xo[2] - w[2] * Xo[1];
  wx[1] = w[2] * Xo[0] - w[0] * Xo[2];
  wx[2] = w[0] * Xo[1] - w[1] * Xo[0];
  double tmp = (w[0] * Xo[0] + w[1] * Xo[1] + w[2] * Xo[2]) * (1.0 - ct);
  for (int i = 0; i <= 2; ++i)
    Xc[i] = Xo[i] * ct + wx[i] * st + w[i] * tmp;
  for (int k = 0; k < 2; ++k)
    out[k] = Xc[k] / Xc[2];
}
// CHECK-LABEL: void project_pullback(const double *r, const double *c, const double *X, double *out, double *d_r, double *d_c, double *d_X, double *d_out) {
// CHECK-NOT:   #pragma GCC unroll
// CHECK-LABEL: void project_fwd(const double *r, const double *c, const double *X, double *out, const double *d_r, const double *d_c, const double *d_X, double *d_out) {
// CHECK:       #pragma GCC unroll 3
// CHECK-NEXT:  for (int i = 0; i < 3; ++i) { // line 20
// CHECK:       #pragma GCC unroll 3
// CHECK-NEXT:  for (int i_1 = 0; i_1 < 3; ++i_1) { // line 25
// CHECK:       #pragma GCC unroll 3
// CHECK-NEXT:  for (int i_2 = 0; i_2 <= 2; ++i_2) { // line 31
// CHECK:       #pragma GCC unroll 2
// CHECK-NEXT:  for (int k = 0; k < 2; ++k) { // line 33
// CHECK-LABEL: void project_fwd_vec(const double *r, const double *c, const double *X, double *out, const double *d_r, const double *d_c, const double *d_X, double *d_out, int k_1) {
// CHECK-NOT:   #pragma GCC unroll

// Quaternion times vector (4 trips); a loop of 5 trips, a variable bound, a
// nested loop and a passive loop keep no pragma.
ADGEN_FORWARD()
double mix(const double* q, const double* v, int n) {
  double s[4], u[5], acc = 0;
  for (int i = 0; i < 4; ++i)
    s[i] = q[i] * std::exp(v[i % 3]);
  for (int i = 0; i < 5; ++i)
    u[i] = std::sin(s[i % 4]) * v[i % 3];
  for (int i = 0; i < n; ++i)
    acc += u[i % 5] * s[i % 4];
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j)
      acc += s[i] * s[2 + j];
  int m = 0;
  for (int i = 0; i < 3; ++i)
    m += i;
  return acc * m;
}
// CHECK-LABEL: adgen::Dual<double> mix_fwd(const double *q, const double *v, int n, const double *d_q, const double *d_v) {
// CHECK:       #pragma GCC unroll 4
// CHECK-NEXT:  for (int i = 0; i < 4; ++i) { // line 55
// CHECK-NEXT:    double exp_v = std::exp(v[i % 3]);
// CHECK-NOT:   #pragma GCC unroll
// CHECK:       for (int i_3 = 0; i_3 < 2; ++i_3) { // line 61
// CHECK-NEXT:  #pragma GCC unroll 2
// CHECK-NEXT:    for (int j = 0; j < 2; ++j) { // line 62
// CHECK-NOT:   #pragma GCC unroll
// CHECK:       return
// CHECK-LABEL: double mix_fwd_vec(const double *q, const double *v, int n, const double *d_q, const double *d_v, int k, double *d_ret) {
// CHECK-NOT:   #pragma GCC unroll

#ifdef ADGEN_TEST_DRIVER
void project_fwd(const double* r, const double* c, const double* X, double* out,
                 const double* d_r, const double* d_c, const double* d_X, double* d_out);
void project_pullback(const double* r, const double* c, const double* X, double* out,
                      double* d_r, double* d_c, double* d_X, double* d_out);
adgen::Dual<double> mix_fwd(const double* q, const double* v, int n, const double* d_q,
                            const double* d_v);
#include "adgen_test.h"
#include <cstring>
int main() {
  using namespace adgen_test;
  const double x0[9] = {0.3, -0.4, 0.5, 0.1, 0.2, -0.3, 0.7, -0.2, 4.5};
  check_vector_fn<double>("project", x0, 9, 2,
      [](const double* x, double* y) { project(x, x + 3, x + 6, y); },
      [](const double* x, const double* ybar, double* xbar) {
        double y[2], d_out[2] = {ybar[0], ybar[1]};
        project_pullback(x, x + 3, x + 6, y, xbar, xbar + 3, xbar + 6, d_out);
      },
      [](const double* x, const double* xd, double* y, double* yd) {
        project_fwd(x, x + 3, x + 6, y, xd, xd + 3, xd + 6, yd);
      });
  // mix: scalar result; every input direction against central differences.
  double q[4] = {0.4, -0.7, 1.2, 0.9}, v[3] = {0.3, -0.5, 0.8};
  for (int k = 0; k < 7; ++k) {
    double dq[4] = {0, 0, 0, 0}, dv[3] = {0, 0, 0};
    if (k < 4) dq[k] = 1; else dv[k - 4] = 1;
    adgen::Dual<double> d = mix_fwd(q, v, 7, dq, dv);
    check_ulps("mix: value", d.value, mix(q, v, 7));
    double fd = k < 4 ? fd_array([&] { return mix(q, v, 7); }, q, k)
                      : fd_array([&] { return mix(q, v, 7); }, v, k - 4);
    check_close("mix: tangent vs FD", d.tangent, fd);
  }
  return finish();
}
#endif
