// Scratch buffers the function allocates: `new double[n]` / `delete[]`,
// `std::unique_ptr<double[]>(new double[n])` and `std::make_unique<double[]>(n)`
// used by index and through get(). Each becomes a local std::vector that owns
// the elements (`tmp_buffer`) and a pointer local into it (`tmp`); the
// derivative buffer is allocated with it and freed when the generated
// function returns, after the backward sweep. Checked against central
// differences, forward against reverse, pullbacks into pre-filled adjoints
// with d_ret != 1 and a canary past d_x.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -std=c++17 -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -std=c++17 -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>
#include <memory>

static void smooth(const double *in, double *out, int n) {
  for (int i = 0; i < n; ++i)
    out[i] = 0.5 * in[i] + 0.25 * (in[(i + 1) % n] + in[(i + n - 1) % n]);
}

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double raw_new(const double *x, int n) {
  double *tmp = new double[n];
  for (int i = 0; i < n; ++i)
    tmp[i] = std::sin(x[i]) * x[(i + 1) % n];
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += tmp[i] * tmp[i];
  delete[] tmp;
  return s;
}

// CHECK-LABEL: double raw_new_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK:   std::vector<double> tmp_buffer(static_cast<unsigned long>(n));
// CHECK-NEXT:   double *tmp = tmp_buffer.data();
// CHECK:   std::vector<double> d_tmp_buffer(tmp_buffer.size());
// CHECK-NEXT:   double *d_tmp = d_tmp_buffer.data();
// CHECK:     d_tmp[i_1] += d_s * tmp[i_1] + d_s * tmp[i_1];
// CHECK-LABEL: double raw_new_grad(
// CHECK-LABEL: adgen::Dual<double> raw_new_fwd(const double *x, int n, const double *d_x) {
// CHECK:   std::vector<double> d_tmp_buffer(tmp_buffer.size());

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double unique(const double *x, int n) {
  std::unique_ptr<double[]> a(new double[n]);
  auto b = std::make_unique<double[]>(n);
  for (int i = 0; i < n; ++i)
    a[i] = x[i] * x[i];
  smooth(a.get(), b.get(), n);
  smooth(b.get(), a.get(), n);
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += std::exp(0.1 * a[i]) * b[i];
  return s;
}

// CHECK-LABEL: double unique_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK:   std::vector<double> a_buffer(static_cast<unsigned long>(n));
// CHECK:   std::vector<double> b_buffer(static_cast<size_t>(n));
// CHECK:   ::adgen_detail::smooth_record(a, b, n, tape);
// CHECK:   ::adgen_detail::smooth_reverse(b, a, n, d_b, d_a, tape);
// CHECK:   redo.replay(redo_mark);
// CHECK-LABEL: double unique_grad(
// CHECK-LABEL: static void smooth_record(
// CHECK-LABEL: static void smooth_reverse(
// CHECK-LABEL: adgen::Dual<double> unique_fwd(

#ifdef ADGEN_TEST_DRIVER
#define DECLARE(F)                                                                  \
  double F##_pullback(const double *x, int n, double d_ret, double *d_x);           \
  double F##_grad(const double *x, int n, double *d_x);                             \
  adgen::Dual<double> F##_fwd(const double *x, int n, const double *d_x);
DECLARE(raw_new)
DECLARE(unique)
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  ADGEN_TEST_ARRAY_FN(raw_new, 5);
  ADGEN_TEST_ARRAY_FN(unique, 6);
  return finish();
}
#endif
