// A marked function template gets derivatives for each instantiation the
// input uses: implicit instantiations (float and double), an explicit
// instantiation (long double) and an explicit specialization, which keeps
// its template's marker and is differentiated from its own body. Each
// instantiation gets ordinary overloads in the template's namespace, so the
// derivatives are called the way the template is: softnorm_grad(x, s, n,
// d_x, &d_s) for softnorm(x, s, n).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17 2>&1 | count 0
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

namespace stats {
template <typename T>
ADGEN_REVERSE("x, s") ADGEN_FORWARD("x, s")
T softnorm(const T *x, T s, int n) {
  T acc = 0;
  for (int i = 0; i < n; ++i)
    acc += std::log(s + x[i] * x[i]);
  return acc / static_cast<T>(n);
}
template long double softnorm<long double>(const long double *, long double, int);

template <typename T> ADGEN_REVERSE() T wave(T x, T k) { return k * x * x; }
// Its own body: k sin(x).
template <> float wave<float>(float x, float k) { return k * std::sin(x); }

template <typename T> ADGEN_REVERSE("x") T blend(T x, T y) { return x * y; }
// Declared, then defined with a marker of its own, which replaces the
// template's.
template <> float blend<float>(float x, float y);
template <> ADGEN_REVERSE("y") float blend<float>(float x, float y) { return x + y * y; }
// Renames the parameters: the template's spec "x" names the first one.
template <> long double blend<long double>(long double a, long double b) { return a * b * b; }

// A parameter pack: one parameter per argument, renamed apart.
template <typename... Ts> ADGEN_REVERSE() double total(Ts... xs) { return (0.0 + ... + (xs * xs)); }
} // namespace stats

double use(const double *x, float *y) {
  return stats::softnorm(x, 0.5, 3) + stats::softnorm(y, 0.5f, 3) + stats::wave(x[0], 2.0) +
         stats::wave(y[0], 2.0f) + stats::blend(x[0], 2.0) + stats::blend(y[0], 2.0f) +
         static_cast<double>(stats::blend(1.0L, 2.0L)) + stats::total(x[0], y[0]);
}
// Instantiations in the order the input makes them: the explicit one first.
// CHECK: Derivatives:
// CHECK-NEXT: softnorm_pullback, softnorm_grad (reverse mode, d/d(x, s), of softnorm<long double>)
// CHECK-NEXT: softnorm_fwd (forward mode, d/d(x, s), of softnorm<long double>)
// CHECK-NEXT: softnorm_pullback, softnorm_grad (reverse mode, d/d(x, s), of softnorm<double>)
// CHECK-NEXT: softnorm_fwd (forward mode, d/d(x, s), of softnorm<double>)
// CHECK-NEXT: softnorm_pullback, softnorm_grad (reverse mode, d/d(x, s), of softnorm<float>)
// CHECK-NEXT: softnorm_fwd (forward mode, d/d(x, s), of softnorm<float>)
// CHECK-NEXT: wave_pullback, wave_grad (reverse mode, d/d(x, k), of wave<double>)
// CHECK-NEXT: wave_pullback, wave_grad (reverse mode, d/d(x, k), of wave<float>)
// CHECK-NEXT: blend_pullback, blend_grad (reverse mode, d/d x, of blend<double>)
// CHECK-NEXT: blend_pullback, blend_grad (reverse mode, d/d y, of blend<float>)
// CHECK-NEXT: blend_pullback, blend_grad (reverse mode, d/d a, of blend<long double>)
// CHECK-NEXT: total_pullback, total_grad (reverse mode, d/d(xs, xs_1), of total<double, float>)
// CHECK-LABEL: namespace stats {
// CHECK-LABEL: long double softnorm_pullback(const long double *x, long double s, int n, long double d_ret, long double *d_x, long double *d_s) {
// CHECK-LABEL: long double softnorm_grad(const long double *x, long double s, int n, long double *d_x, long double *d_s) {
// CHECK-LABEL: adgen::Dual<long double> softnorm_fwd(const long double *x, long double s, int n, const long double *d_x, long double d_s) {
// CHECK-LABEL: /// Reverse mode (adjoints) of softnorm<double>, line 18.
// CHECK-NEXT: /// Inputs: x, s. Outputs: the return value.
// CHECK: double softnorm_pullback(const double *x, double s, int n, double d_ret, double *d_x, double *d_s) {
// A template in the main file: its derivatives are not inline (the main
// file's generated code is their one definition).
// CHECK-LABEL: /// Gradient of softnorm<double>: softnorm_pullback with d_ret = 1.
// CHECK-NEXT: {{^}}double softnorm_grad(const double *x, double s, int n, double *d_x, double *d_s) {
// CHECK-LABEL: adgen::Dual<double> softnorm_fwd(const double *x, double s, int n, const double *d_x, double d_s) {
// CHECK-LABEL: float softnorm_pullback(const float *x, float s, int n, float d_ret, float *d_x, float *d_s) {
// CHECK-LABEL: float softnorm_grad(const float *x, float s, int n, float *d_x, float *d_s) {
// CHECK-LABEL: adgen::Dual<float> softnorm_fwd(const float *x, float s, int n, const float *d_x, float d_s) {
// CHECK-LABEL: double wave_grad(double x, double k, double *d_x, double *d_k) {
// CHECK-LABEL: /// Reverse mode (adjoints) of wave<float>, line 28.
// CHECK: float wave_pullback(float x, float k, float d_ret, float *d_x, float *d_k) {
// CHECK: std::cos(x)
// CHECK-LABEL: float wave_grad(float x, float k, float *d_x, float *d_k) {
// CHECK-LABEL: double blend_grad(double x, double y, double *d_x) {
// CHECK-LABEL: float blend_grad(float x, float y, float *d_y) {
// CHECK-LABEL: long double blend_grad(long double a, long double b, long double *d_a) {
// CHECK-LABEL: double total_grad(double xs, float xs_1, double *d_xs, float *d_xs_1) {

#ifdef ADGEN_TEST_DRIVER
namespace stats {
double softnorm_grad(const double *x, double s, int n, double *d_x, double *d_s);
adgen::Dual<double> softnorm_fwd(const double *x, double s, int n, const double *d_x, double d_s);
float softnorm_grad(const float *x, float s, int n, float *d_x, float *d_s);
adgen::Dual<float> softnorm_fwd(const float *x, float s, int n, const float *d_x, float d_s);
long double softnorm_grad(const long double *x, long double s, int n, long double *d_x,
                          long double *d_s);
adgen::Dual<long double> softnorm_fwd(const long double *x, long double s, int n,
                                      const long double *d_x, long double d_s);
double wave_grad(double x, double k, double *d_x, double *d_k);
float wave_grad(float x, float k, float *d_x, float *d_k);
double blend_grad(double x, double y, double *d_x);
float blend_grad(float x, float y, float *d_y);
long double blend_grad(long double a, long double b, long double *d_a);
double total_grad(double xs, float xs_1, double *d_xs, float *d_xs_1);
} // namespace stats
#include "adgen_test.h"

// v = (x[0], x[1], x[2], s), for any T: the calls deduce T as the template's do.
template <typename T> void check(const char *name, const T *v) {
  using namespace adgen_test;
  check_scalar_fn<T>(name, v, 4,
      [](const T *p) { return stats::softnorm(p, p[3], 3); },
      [](const T *p, T *g) { return stats::softnorm_grad(p, p[3], 3, g, &g[3]); },
      [](const T *p, const T *t) { return stats::softnorm_fwd(p, p[3], 3, t, t[3]); });
}

int main() {
  using namespace adgen_test;
  const double vd[4] = {0.3, -1.2, 0.8, 0.5};
  const float vf[4] = {0.3f, -1.2f, 0.8f, 0.5f};
  const long double vl[4] = {0.3L, -1.2L, 0.8L, 0.5L};
  check<double>("softnorm<double>", vd);
  check<float>("softnorm<float>", vf);
  check<long double>("softnorm<long double>", vl);
  // d/ds of the mean of log(s + x^2) is the mean of 1 / (s + x^2).
  double gx[3] = {}, gs = 0;
  stats::softnorm_grad(vd, vd[3], 3, gx, &gs);
  double want = 0;
  for (int i = 0; i < 3; ++i)
    want += 1 / (vd[3] + vd[i] * vd[i]) / 3;
  check_close("softnorm<double>: d/ds", gs, want, 1e-14);

  // wave<double> is k x^2; the specialization wave<float> is k sin(x).
  double dx = 0, dk = 0;
  check_close("wave<double>", stats::wave_grad(0.7, 2.0, &dx, &dk), 2.0 * 0.49, 1e-15);
  check_close("wave<double>: d/dx", dx, 2 * 2.0 * 0.7, 1e-15);
  check_close("wave<double>: d/dk", dk, 0.49, 1e-15);
  float fx = 0, fk = 0;
  stats::wave_grad(0.7f, 2.0f, &fx, &fk);
  check_close("wave<float>: d/dx", fx, 2.0 * std::cos(0.7), 1e-6);
  check_close("wave<float>: d/dk", fk, std::sin(0.7), 1e-6);

  // blend<double> = x y by x; blend<float> = x + y^2 by y;
  // blend<long double> = a b^2 by a.
  double bx = 0;
  check_close("blend<double>: d/dx", (stats::blend_grad(0.5, 3.0, &bx), bx), 3.0, 1e-15);
  float by = 0;
  check_close("blend<float>: d/dy", (stats::blend_grad(0.5f, 3.0f, &by), by), 6.0, 1e-6);
  long double ba = 0;
  check_close("blend<long double>: d/da", (stats::blend_grad(0.5L, 3.0L, &ba), ba), 9.0, 1e-15);
  double tx = 0;
  float ty = 0;
  check_close("total<double, float>", stats::total_grad(0.5, 3.0f, &tx, &ty), 9.25, 1e-15);
  check_close("total<double, float>: d/dx", tx, 1.0, 1e-15);
  check_close("total<double, float>: d/dy", ty, 6.0, 1e-6);
  return finish();
}
#endif
