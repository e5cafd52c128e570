// A local std::vector<int> that the backward sweep reads is declared at the
// top of the pullback; its size was recorded only for floating-point
// vectors, so `std::vector<int> idx(n)` became `std::vector<int> idx;` and
// the pullback indexed an empty vector (ASan: SEGV in ints_pullback). Also an
// integer vector that grows (push_back of selected indices).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -std=c++17 -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -std=c++17 -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>
#include <vector>

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double ints(const double *x, int n) {
  std::vector<int> idx(n);
  for (int i = 0; i < n; ++i) idx[i] = (i * 3) % n;
  double s = 0;
  for (int i = 0; i < n; ++i) s += std::sin(x[idx[i]]) * x[i];
  return s;
}
// CHECK-LABEL: double ints_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK:   std::vector<int> idx(static_cast<unsigned long>(n));
// CHECK-LABEL: double ints_grad(

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double ints_grow(const double *x, int n) {
  std::vector<int> idx;
  for (int i = 0; i < n; ++i)
    if (x[i] > 0.4)
      idx.push_back(i);
  double s = 0;
  for (std::size_t k = 0; k < idx.size(); ++k) s += std::sin(x[idx[k]]) * x[k];
  return s;
}
// CHECK-LABEL: double ints_grow_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK:   std::vector<int> idx(0);
// CHECK:     tape.popResize(idx);

#ifdef ADGEN_TEST_DRIVER
#define DECLARE(F)                                                                  \
  double F##_pullback(const double *x, int n, double d_ret, double *d_x);           \
  double F##_grad(const double *x, int n, double *d_x);                             \
  adgen::Dual<double> F##_fwd(const double *x, int n, const double *d_x);
DECLARE(ints)
DECLARE(ints_grow)
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  ADGEN_TEST_ARRAY_FN(ints, 5);
  ADGEN_TEST_ARRAY_FN(ints_grow, 6);
  return finish();
}
#endif
