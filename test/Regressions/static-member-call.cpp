// A call to a static member function is printed with its class
// (std::numeric_limits<double>::infinity() was printed '::std::infinity()',
// which does not compile); a static method with a body is differentiated
// like a free function.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error: --implicit-check-not='::std::infinity'
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>
#include <limits>

namespace lib {
struct Clip {
  static double soft(double v, double c) { return c * std::tanh(v / c); }
};
} // namespace lib

ADGEN_FORWARD() ADGEN_REVERSE()
double f(const double *x, int n) {
  double lo = std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::lowest();
  for (int i = 0; i < n; ++i) {
    lo = std::fmin(lo, x[i]);
    hi = std::fmax(hi, x[i]);
  }
  double eps = std::numeric_limits<double>::epsilon();
  return lib::Clip::soft(hi - lo, 1.5) + eps * x[0] + std::numeric_limits<float>::max() * 0.0;
}
// CHECK-LABEL: adgen::Dual<double> f_fwd(const double *x, int n, const double *d_x) {
// CHECK-DAG: ::std::numeric_limits<double>::infinity()
// CHECK-DAG: ::std::numeric_limits<double>::lowest()
// CHECK-DAG: ::std::numeric_limits<double>::epsilon()
// CHECK-DAG: ::std::numeric_limits<float>::max()
// CHECK-DAG: ::lib::adgen_detail::Clip_soft_fwd_wrt_v(
// CHECK-LABEL: double f_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK: ::lib::adgen_detail::Clip_soft_record_wrt_v(
// CHECK-LABEL: double f_grad(

#ifdef ADGEN_TEST_DRIVER
adgen::Dual<double> f_fwd(const double *x, int n, const double *d_x);
double f_pullback(const double *x, int n, double d_ret, double *d_x);
double f_grad(const double *x, int n, double *d_x);
#include "adgen_pullback.h"
using namespace adgen_test;
int main() {
  const double x[] = {0.4, -0.7, 1.1, 0.2};
  auto fv = [](const double *p) { return f(p, 4); };
  check_scalar_fn<double>("f", x, 4, fv,
      [](const double *p, double *g) { return f_grad(p, 4, g); },
      [](const double *p, const double *t) { return f_fwd(p, 4, t); });
  check_pullback_prefilled<double>("f", x, 4, fv,
      [](const double *p, double s, double *g) { return f_pullback(p, 4, s, g); });
  return finish();
}
#endif
