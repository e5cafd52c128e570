// ADGEN_JACOBIAN and ADGEN_HESSIAN on a function template: one f_jacobian
// and one f_hessian per instantiation, overloaded on the element type.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17 2>&1 | count 0
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

template <typename T>
ADGEN_JACOBIAN("x[n] -> y[n]") ADGEN_HESSIAN("x[n]")
T field(const T *x, T *y, int n) {
  T s = 0;
  for (int i = 0; i < n; ++i) {
    y[i] = std::sin(x[i]) * x[(i + 1) % n];
    s += x[i] * x[i] * x[(i + 1) % n];
  }
  return s;
}

double use(const double *x, double *y, const float *a, float *b) {
  return field(x, y, 3) + field(a, b, 2);
}
// CHECK: Derivatives:
// CHECK-NEXT: field_jacobian (Jacobian, d/d(x, y), of field<double>)
// CHECK-NEXT: field_hessian (Hessian, d2/d x^2, of field<double>)
// CHECK-NEXT: field_jacobian (Jacobian, d/d(x, y), of field<float>)
// CHECK-NEXT: field_hessian (Hessian, d2/d x^2, of field<float>)
// CHECK-LABEL: /// Jacobian of field<double>: jac[row * n_in + column]
// CHECK: void field_jacobian(const double *x, double *y, int n, double *jac) {
// CHECK-LABEL: /// Hessian of field<double>: hess[i * n + j]
// CHECK: void field_hessian(const double *x, double *y, int n, double *hess) {
// CHECK-LABEL: void field_jacobian(const float *x, float *y, int n, float *jac) {
// CHECK-LABEL: void field_hessian(const float *x, float *y, int n, float *hess) {

#ifdef ADGEN_TEST_DRIVER
void field_jacobian(const double *x, double *y, int n, double *jac);
void field_hessian(const double *x, double *y, int n, double *hess);
void field_jacobian(const float *x, float *y, int n, float *jac);
void field_hessian(const float *x, float *y, int n, float *hess);
#include "adgen_test.h"

// Rows: y[0..n) (the spec lists the outputs, without the return value);
// columns: x[0..n). Checked against central differences of f; the Hessian of
// the result s = sum x_i^2 x_{i+1} by hand.
template <typename T, int N> void check(const char *name, const T *x0, long double tol) {
  using namespace adgen_test;
  T x[N], y[N], jac[N * N], hess[N * N];
  for (int i = 0; i < N; ++i)
    x[i] = x0[i];
  field_jacobian(x, y, N, jac);
  for (int j = 0; j < N; ++j) {
    T save = x[j], h = step_for(save), yp[N], ym[N];
    x[j] = save + h;
    field<T>(x, yp, N);
    x[j] = save - h;
    field<T>(x, ym, N);
    x[j] = save;
    for (int i = 0; i < N; ++i)
      check_close(name, jac[i * N + j], (yp[i] - ym[i]) / (2 * h), tol, tol);
  }
  field_hessian(x, y, N, hess);
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j) {
      // d2/dx_i dx_j of sum_k x_k^2 x_{k+1}.
      T want = 0;
      for (int k = 0; k < N; ++k) {
        int k1 = (k + 1) % N;
        if (i == k && j == k)
          want += 2 * x[k1];
        if ((i == k && j == k1) || (i == k1 && j == k))
          want += 2 * x[k];
      }
      check_close(name, hess[i * N + j], want, tol, tol);
    }
}

int main() {
  const double xd[3] = {0.4, -0.9, 1.3};
  const float xf[2] = {0.4f, -0.9f};
  check<double, 3>("field<double>", xd, 1e-7L);
  check<float, 2>("field<float>", xf, 5e-3L);
  return adgen_test::finish();
}
#endif
