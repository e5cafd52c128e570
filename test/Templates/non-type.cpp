// A marked template with a non-type parameter that the parameters do not
// determine: each instantiation the input uses gets its derivatives as long
// as their parameter lists differ (dot<double, 3> and dot<float, 2>); N
// prints as its value in the generated code, also as an array size.
// (Two instantiations that differ only in N: Diagnostics/template-clash.cpp.)
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17 2>&1 | count 0
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>

namespace la {
template <typename T, int N>
ADGEN_REVERSE("a, b") ADGEN_FORWARD("a, b")
T dot(const T *a, const T *b) {
  T prod[N];
  for (int i = 0; i < N; ++i)
    prod[i] = a[i] * b[i];
  T s = 0;
  for (int i = N - 1; i >= 0; --i)
    s += prod[i];
  return s * s;
}
} // namespace la

double use(const double *a, const float *c) {
  return la::dot<double, 3>(a, a) + la::dot<float, 2>(c, c);
}
// CHECK-LABEL: namespace la {
// CHECK-LABEL: /// Reverse mode (adjoints) of dot<double, 3>, line 15.
// CHECK: double dot_pullback(const double *a, const double *b, double d_ret, double *d_a, double *d_b) {
// CHECK: double prod[3]
// CHECK: i < 3;
// CHECK: i_1 = 3 - 1;
// CHECK-LABEL: double dot_grad(const double *a, const double *b, double *d_a, double *d_b) {
// CHECK-LABEL: adgen::Dual<double> dot_fwd(const double *a, const double *b, const double *d_a, const double *d_b) {
// CHECK-LABEL: /// Reverse mode (adjoints) of dot<float, 2>, line 15.
// CHECK: float dot_pullback(const float *a, const float *b, float d_ret, float *d_a, float *d_b) {
// CHECK: float prod[2]
// CHECK: i < 2;
// CHECK-LABEL: float dot_grad(const float *a, const float *b, float *d_a, float *d_b) {
// CHECK-LABEL: adgen::Dual<float> dot_fwd(const float *a, const float *b, const float *d_a, const float *d_b) {

#ifdef ADGEN_TEST_DRIVER
namespace la {
double dot_grad(const double *a, const double *b, double *d_a, double *d_b);
adgen::Dual<double> dot_fwd(const double *a, const double *b, const double *d_a, const double *d_b);
float dot_grad(const float *a, const float *b, float *d_a, float *d_b);
adgen::Dual<float> dot_fwd(const float *a, const float *b, const float *d_a, const float *d_b);
} // namespace la
#include "adgen_test.h"

// v = (a[0..N), b[0..N)).
template <typename T, int N> void check(const char *name, const T *v) {
  adgen_test::check_scalar_fn<T>(name, v, 2 * N,
      [](const T *p) { return la::dot<T, N>(p, p + N); },
      [](const T *p, T *g) { return la::dot_grad(p, p + N, g, g + N); },
      [](const T *p, const T *t) { return la::dot_fwd(p, p + N, t, t + N); });
}

int main() {
  using namespace adgen_test;
  const double vd[6] = {0.3, -1.2, 0.8, 0.5, 0.25, -2.0};
  const float vf[4] = {0.3f, -1.2f, 0.8f, 0.5f};
  check<double, 3>("dot<double, 3>", vd);
  check<float, 2>("dot<float, 2>", vf);
  // Hand-derived: d (a.b)^2 / d a_i = 2 (a.b) b_i.
  double ga[3] = {}, gb[3] = {};
  la::dot_grad(vd, vd + 3, ga, gb);
  double ab = vd[0] * vd[3] + vd[1] * vd[4] + vd[2] * vd[5];
  for (int i = 0; i < 3; ++i) {
    check_close("dot<double, 3>: d/da", ga[i], 2 * ab * vd[3 + i], 1e-15);
    check_close("dot<double, 3>: d/db", gb[i], 2 * ab * vd[i], 1e-15);
  }
  return finish();
}
#endif
