// --forward/--reverse on a function template: 'lib::tnorm' applies to every
// instantiation the input uses, 'lib::tnorm<float>' to that one. A template
// the input never instantiates is an error (nothing to differentiate), and
// specs are checked per instantiation.
// RUN: %adgen %s --reverse 'lib::tnorm: x' --forward 'lib::tnorm<float>: x' -o %t.gen.cpp -- -std=c++17 2>&1 | count 0
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: not %adgen %s --reverse 'lib::unused' --reverse 'lib::tnorm<int>' --forward 'lib::tnorm: n' -o %t.bad.cpp -- -std=c++17 2>&1 | FileCheck %s --check-prefix=ERR --implicit-check-not=error:
// RUN: test ! -e %t.bad.cpp
#include <cmath>

namespace lib {
template <typename T> T tnorm(const T *x, int n) {
  T s = 0;
  for (int i = 0; i < n; ++i)
    s += x[i] * x[i];
  return std::sqrt(s);
}
template <typename T> T unused(T x) { return x; }
} // namespace lib

double use(const double *x, const float *y) { return lib::tnorm(x, 3) + lib::tnorm(y, 2); }
// ERR-DAG: command-line.cpp:[[@LINE-1]]:59: note: 'tnorm<double>' is used here
// ERR-DAG: command-line.cpp:[[@LINE-2]]:78: note: 'tnorm<float>' is used here
// CHECK: Derivatives:
// CHECK-NEXT: tnorm_pullback, tnorm_grad (reverse mode, d/d x, of tnorm<double>)
// CHECK-NEXT: tnorm_pullback, tnorm_grad (reverse mode, d/d x, of tnorm<float>)
// CHECK-NEXT: tnorm_fwd (forward mode, d/d x, of tnorm<float>)
// CHECK-LABEL: double tnorm_grad(const double *x, int n, double *d_x) {
// CHECK-LABEL: float tnorm_grad(const float *x, int n, float *d_x) {
// CHECK-LABEL: adgen::Dual<float> tnorm_fwd(const float *x, int n, const float *d_x) {
// ERR-DAG: error: in --reverse 'lib::unused': 'lib::unused' is a function template, and the input uses no instantiation of it: there is nothing to differentiate
// ERR-DAG: error: in --reverse 'lib::tnorm<int>': no function named 'lib::tnorm<int>' is defined in the input
// ERR-DAG: error: in --forward 'lib::tnorm: n': in 'tnorm<double>': parameter 'n' has type 'int', which carries no derivative
// ERR-DAG: error: in --forward 'lib::tnorm: n': in 'tnorm<float>': parameter 'n' has type 'int', which carries no derivative

#ifdef ADGEN_TEST_DRIVER
#include <adgen/adgen.h>
namespace lib {
double tnorm_grad(const double *x, int n, double *d_x);
float tnorm_grad(const float *x, int n, float *d_x);
adgen::Dual<float> tnorm_fwd(const float *x, int n, const float *d_x);
} // namespace lib
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double x[3] = {0.6, -0.8, 1.5};
  const float y[2] = {0.6f, -0.8f};
  double gx[3] = {};
  double n = lib::tnorm_grad(x, 3, gx);
  for (int i = 0; i < 3; ++i)
    check_close("tnorm<double>: d/dx", gx[i], x[i] / n, 1e-15);
  float gy[2] = {};
  float ny = lib::tnorm_grad(y, 2, gy);
  for (int i = 0; i < 2; ++i) {
    check_close("tnorm<float>: d/dx", gy[i], y[i] / ny, 1e-6);
    float t[2] = {0, 0};
    t[i] = 1;
    check_close("tnorm<float>: forward", lib::tnorm_fwd(y, 2, t).tangent, gy[i], 1e-6);
  }
  return finish();
}
#endif
