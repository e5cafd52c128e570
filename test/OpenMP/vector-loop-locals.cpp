// f_fwd_vec of a parallel loop whose body declares a zero-initialised array:
// its k tangents per element are hoisted (one copy per thread,
// firstprivate), so each iteration must zero them again, as f zeroes the
// array. (Was wrong: the tangents carried over from the thread's previous
// iteration; found by --emit=check's f_fwd_vec-vs-f_fwd oracle.) Checked
// direction by direction against f_fwd and central differences, for 1, 2
// and 4 threads, and with --emit=check.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -fopenmp -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc
// RUN: env OMP_NUM_THREADS=1 %t.gcc && env OMP_NUM_THREADS=2 %t.gcc && env OMP_NUM_THREADS=4 %t.gcc
// RUN: %clangxx -fopenmp -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang
// RUN: env OMP_NUM_THREADS=2 %t.clang && env OMP_NUM_THREADS=4 %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx -fopenmp %t.check.cpp -o %t.check && env OMP_NUM_THREADS=2 %t.check | FileCheck %s --check-prefix=CHK
#include <adgen/adgen.h>

ADGEN_FORWARD("x[n] -> return")
double pz(const double *x, int n) {
  double s = 0;
#pragma omp parallel for reduction(+ : s)
  for (int i = 0; i < n; ++i) {
    double t[2] = {};
    t[i % 2] += x[i];
    s += t[0] * t[1] + t[0] * x[i];
  }
  return s;
}
// CHECK-LABEL: double pz_fwd_vec(const double *x, int n, const double *d_x, int k, double *d_ret) {
// CHECK:         #pragma omp for firstprivate(d_t) reduction(+ : s)
// CHECK:         double t[2] = {};
// CHECK-NEXT:    for (int [[DIR:dir_[0-9]+]] = 0; [[DIR]] < 2 * k; ++[[DIR]]) {
// CHECK-NEXT:      d_t[[[DIR]]] = 0.0;

// CHK-NOT: FAIL
// CHK: 1 passed, 0 failed

#ifdef ADGEN_TEST_DRIVER
adgen::Dual<double> pz_fwd(const double *x, int n, const double *d_x);
double pz_fwd_vec(const double *x, int n, const double *d_x, int k, double *d_ret);
#include "adgen_test.h"
#include <cmath>
using namespace adgen_test;

int main() {
  const int N = 9, K = 3;
  double x[N], dx[N * K + 1], dret[K + 1];
  dx[N * K] = dret[K] = 42;
  for (int i = 0; i < N; ++i) {
    x[i] = std::sin(0.7 * i + 0.2);
    for (int j = 0; j < K; ++j)
      dx[i * K + j] = std::cos(1.3 * j + 0.4 * i);
  }
  check_close("value is f's", pz_fwd_vec(x, N, dx, K, dret), pz(x, N), 1e-13);
  check_exact("canary past d_ret", dret[K], 42);
  check_exact("canary past d_x", dx[N * K], 42);
  for (int j = 0; j < K; ++j) {
    double d1[N], xp[N], xm[N], h = 1e-6;
    for (int i = 0; i < N; ++i)
      d1[i] = dx[i * K + j], xp[i] = x[i] + h * d1[i], xm[i] = x[i] - h * d1[i];
    check_close("direction j vs f_fwd", dret[j], pz_fwd(x, N, d1).tangent, 1e-12);
    check_close("direction j vs central differences", dret[j], (pz(xp, N) - pz(xm, N)) / (2 * h), 1e-6, 1e-9);
  }
  return finish();
}
#endif
