// Shared adjoint arrays in backward parallel loops: per-thread partial
// vectors where every update is inside a counted loop over the whole array
// (and the bound is the same for all updates), atomics everywhere else.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -Wno-unknown-pragmas -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.serial
// RUN: env ADGEN_SERIAL_OUT=%t.ref %t.serial
// RUN: %cxx -fopenmp -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc
// RUN: env OMP_NUM_THREADS=1 ADGEN_SERIAL_IN=%t.ref %t.gcc
// RUN: env OMP_NUM_THREADS=2 ADGEN_SERIAL_IN=%t.ref %t.gcc
// RUN: env OMP_NUM_THREADS=4 ADGEN_SERIAL_IN=%t.ref %t.gcc
// RUN: %clangxx -fopenmp -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang
// RUN: env OMP_NUM_THREADS=2 ADGEN_SERIAL_IN=%t.ref %t.clang
// RUN: env OMP_NUM_THREADS=4 ADGEN_SERIAL_IN=%t.ref %t.clang
#include <adgen/adgen.h>
#include <cmath>

// Dense: every iteration updates d_w[0..d) and d_c[0..d).
ADGEN_REVERSE("w, c") ADGEN_FORWARD("w, c")
double dense(const double *w, const double *c, const double *X, int n, int d) {
  double s = 0;
#pragma omp parallel for reduction(+ : s)
  for (int i = 0; i < n; ++i) {
    double z = 0;
    for (int j = 0; j < d; ++j)
      z += w[j] * X[i * d + j] + c[j] * c[j];
    s += std::tanh(z);
  }
  return s;
}

// After the inner loop j == d - 1 is out of the loop's range: d_w[j] there
// is not provably inside [0, d - 1), so d_w is updated atomically.
ADGEN_REVERSE("w") ADGEN_FORWARD("w")
double tail(const double *w, const double *X, int n, int d) {
  double s = 0;
#pragma omp parallel for reduction(+ : s)
  for (int i = 0; i < n; ++i) {
    int j = 0;
    double z = 0;
    for (j = 0; j < d - 1; ++j)
      z += w[j] * X[i * d + j];
    z += w[j] * w[j];
    s += z * z;
  }
  return s;
}

// Two loops with different bounds over the same array: atomics.
ADGEN_REVERSE("w") ADGEN_FORWARD("w")
double two_bounds(const double *w, const double *X, int n, int d, int h) {
  double s = 0;
#pragma omp parallel for reduction(+ : s)
  for (int i = 0; i < n; ++i) {
    double z = 0;
    for (int j = 0; j < d; ++j)
      z += w[j] * X[i * d + j];
    for (int k = 0; k < h; ++k)
      z += w[k] * w[k] * X[i * d + k];
    s += std::sin(z);
  }
  return s;
}

// CHECK-LABEL: double dense_pullback({{.*}}) {
// CHECK: #pragma omp parallel{{$}}
// CHECK-NEXT: {
// CHECK-NEXT: std::vector<double> d_w_part(d > 0 ? d : 0);
// CHECK-NEXT: std::vector<double> d_c_part(d > 0 ? d : 0);
// CHECK-NEXT: #pragma omp for
// CHECK-NOT: atomic
// CHECK: d_w_part[j] += d_z * X[i * d + j];
// CHECK-NEXT: d_c_part[j] += d_z * c[j] + d_z * c[j];
// CHECK: #pragma omp atomic
// CHECK-NEXT: d_w[j_{{[0-9]+}}] += d_w_part[j_{{[0-9]+}}];
// CHECK: #pragma omp atomic
// CHECK-NEXT: d_c[j_{{[0-9]+}}] += d_c_part[j_{{[0-9]+}}];
// CHECK-LABEL: double tail_pullback({{.*}}) {
// CHECK-NOT: _part
// CHECK: #pragma omp parallel for
// CHECK: #pragma omp parallel for private(
// CHECK: #pragma omp atomic
// CHECK-NEXT: d_w[j] +=
// CHECK-LABEL: double two_bounds_pullback({{.*}}) {
// CHECK-NOT: _part
// CHECK: #pragma omp parallel for private(
// CHECK: #pragma omp atomic
// CHECK-NEXT: d_w[k] +=
#ifdef ADGEN_TEST_DRIVER
#include "omp_check.h"

double dense_pullback(const double *w, const double *c, const double *X, int n, int d, double d_ret, double *d_w, double *d_c);
adgen::Dual<double> dense_fwd(const double *w, const double *c, const double *X, int n, int d, const double *d_w, const double *d_c);
double tail_pullback(const double *w, const double *X, int n, int d, double d_ret, double *d_w);
adgen::Dual<double> tail_fwd(const double *w, const double *X, int n, int d, const double *d_w);
double two_bounds_pullback(const double *w, const double *X, int n, int d, int h, double d_ret, double *d_w);
adgen::Dual<double> two_bounds_fwd(const double *w, const double *X, int n, int d, int h, const double *d_w);

using namespace omp_check;

int main() {
  const int n = 300, d = 6, h = 4;
  V X(n * d);
  for (int i = 0; i < n * d; ++i)
    X[i] = 0.3 * std::sin(0.7 * i);
  V wc(2 * d);
  for (int j = 0; j < 2 * d; ++j)
    wc[j] = 0.1 * j - 0.3;
  run({"dense", 2 * d, 1,
       [&](const V &p, V &o) { o[0] = dense(p.data(), p.data() + d, X.data(), n, d); },
       [&](const V &p, const V &yb, V &pb) {
         dense_pullback(p.data(), p.data() + d, X.data(), n, d, yb[0], pb.data(), pb.data() + d);
       },
       [&](const V &p, const V &pd, V &o) {
         o[0] = dense_fwd(p.data(), p.data() + d, X.data(), n, d, pd.data(), pd.data() + d).tangent;
       }},
      wc);
  V w(wc.begin(), wc.begin() + d);
  run({"tail", d, 1, [&](const V &p, V &o) { o[0] = tail(p.data(), X.data(), n, d); },
       [&](const V &p, const V &yb, V &pb) { tail_pullback(p.data(), X.data(), n, d, yb[0], pb.data()); },
       [&](const V &p, const V &pd, V &o) { o[0] = tail_fwd(p.data(), X.data(), n, d, pd.data()).tangent; }},
      w);
  run({"two_bounds", d, 1, [&](const V &p, V &o) { o[0] = two_bounds(p.data(), X.data(), n, d, h); },
       [&](const V &p, const V &yb, V &pb) {
         two_bounds_pullback(p.data(), X.data(), n, d, h, yb[0], pb.data());
       },
       [&](const V &p, const V &pd, V &o) {
         o[0] = two_bounds_fwd(p.data(), X.data(), n, d, h, pd.data()).tangent;
       }},
      w);
  return adgen_test::finish();
}
#endif
