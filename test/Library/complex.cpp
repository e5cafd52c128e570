// std::complex<double> and <long double> (complex-float.cpp: <float>): locals, parameters (by value,
// const&, pointers, std::vector), complex results; + - * / with complex and
// real operands, unary -, compound assignment, == and !=; construction
// (z(a, b), {a, b}, from a real); real/imag (free and members, getters and
// setters), abs, arg, norm, conj, polar, exp, log, sqrt, pow (complex^real,
// complex^complex, real^complex), sin, cos. Each complex operation becomes
// real arithmetic on the two parts (generated code reads z.real(), writes
// adgen::re(z)); tangents and adjoints of a complex are complex.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-DAG: ok   ops {{.*}}worst relative error
// RUNCHECK-DAG: ok   funcs {{.*}}worst relative error
// RUNCHECK-DAG: ok   rotate {{.*}}worst relative error
// RUNCHECK-DAG: ok   energy {{.*}}worst relative error
// RUNCHECK-DAG: ok   scale {{.*}}worst relative error
// RUNCHECK-DAG: ok   extended {{.*}}worst relative error
// RUNCHECK-DAG: ok   singular {{.*}}worst relative error
// RUNCHECK: 7 passed, 0 failed
#include <adgen/adgen.h>
#include <complex>
#include <vector>

using cplx = std::complex<double>;

ADGEN_REVERSE() ADGEN_FORWARD()
double ops(double a, double b, double c) {
  cplx z(a, b);
  cplx w{c, a};
  cplx u = 2.0;                       // from a real
  cplx v = z * w - u / z + 3.0 * w - c; // complex and real operands
  v += z;
  v -= 0.5;
  v *= w;
  v /= cplx(1.5, -c);
  v = -v + std::conj(z) * std::complex<double>(b);
  double s = v.real() + std::imag(v) * std::real(z) + std::norm(w);
  if (z == w || v != u)
    s += 1.0;
  v.imag(v.imag() * a); // setter
  v.real(2.0);
  return s + v.real() * v.imag();
}
// CHECK-LABEL: double ops_pullback(double a, double b, double c, double d_ret, double *d_a, double *d_b, double *d_c) {
// CHECK: adgen::re(z) = a;
// CHECK: adgen::im(z) = b;
// CHECK: adgen::re(d_v) +=
// CHECK-LABEL: double ops_grad(double a, double b, double c, double *d_a, double *d_b, double *d_c) {
// CHECK-LABEL: adgen::Dual<double> ops_fwd(double a, double b, double c, double d_a, double d_b, double d_c) {
// CHECK: std::complex<double> d_z = {};
// CHECK: adgen::re(d_z) = d_a;

ADGEN_REVERSE() ADGEN_FORWARD()
double funcs(double a, double b, double p) {
  cplx z(a, b);
  cplx e = std::exp(z) + std::log(z) + std::sqrt(z) + std::sin(z) * std::cos(z);
  cplx q = std::pow(z, p) + std::pow(z, cplx(p, 0.25)) + std::pow(p, z);
  return std::abs(e) + std::arg(q) + std::polar(p, a).imag();
}
// CHECK-LABEL: double funcs_pullback(double a, double b, double p, double d_ret, double *d_a, double *d_b, double *d_p) {
// CHECK-LABEL: double funcs_grad(
// CHECK-LABEL: adgen::Dual<double> funcs_fwd(

// A complex result: the tangent is complex, the seed d_ret is complex.
ADGEN_REVERSE() ADGEN_FORWARD()
cplx rotate(const cplx &z, double t) { return z * std::polar(1.0, t) + std::exp(z * t); }
// CHECK-LABEL: std::complex<double> rotate_pullback(const std::complex<double> &z, double t, std::complex<double> d_ret, std::complex<double> *d_z, double *d_t) {
// CHECK-LABEL: adgen::Dual<std::complex<double>> rotate_fwd(const std::complex<double> &z, double t, const std::complex<double> &d_z, double d_t) {

// std::vector and arrays of complex, a helper taking complex by value.
inline cplx mobius(cplx z, const cplx &a) { return (z - a) / (1.0 - std::conj(a) * z); }

ADGEN_REVERSE() ADGEN_FORWARD()
double energy(const std::vector<cplx> &v, const cplx *w, int n, cplx c) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += std::norm(mobius(v[i] * w[i], c * 0.1));
  for (const cplx &z : v)
    s += z.real() * z.imag();
  return s;
}
// CHECK-LABEL: double energy_pullback(const std::vector<std::complex<double>> &v, const std::complex<double> *w, int n, std::complex<double> c, double d_ret, std::vector<std::complex<double>> *d_v, std::complex<double> *d_w, std::complex<double> *d_c) {

// An output array of complex, read and written in place.
ADGEN_REVERSE() ADGEN_FORWARD()
void scale(const cplx *x, cplx *y, int n, double g) {
  for (int i = 0; i < n; ++i) {
    y[i] = y[i] * x[i] + g;
    y[i].imag(y[i].imag() * g);
  }
}
// CHECK-LABEL: void scale_pullback(const std::complex<double> *x, std::complex<double> *y, int n, double g, std::complex<double> *d_x, std::complex<double> *d_y, double *d_g) {

ADGEN_REVERSE() ADGEN_FORWARD()
long double extended(const std::complex<long double> &z, long double t) {
  std::complex<long double> w{t, z.imag()};
  w = std::pow(w, 3.0L) + std::log(z);
  return w.real() - w.imag();
}
// CHECK-LABEL: long double extended_grad(const std::complex<long double> &z, long double t, std::complex<long double> *d_z, long double *d_t) {

// The singular points: abs, arg, sqrt at 0 and pow(z, p) at 0.
ADGEN_REVERSE() ADGEN_FORWARD()
double singular(double a, double b, double p) {
  cplx z(a, b);
  return std::abs(z) + std::arg(z) + std::sqrt(z).real() + std::sqrt(z).imag() +
         std::pow(z, p).real() + std::pow(z, p).imag();
}

#ifdef ADGEN_TEST_DRIVER
double ops_grad(double a, double b, double c, double *d_a, double *d_b, double *d_c);
double ops_pullback(double a, double b, double c, double d_ret, double *d_a, double *d_b, double *d_c);
adgen::Dual<double> ops_fwd(double a, double b, double c, double d_a, double d_b, double d_c);
double funcs_grad(double a, double b, double p, double *d_a, double *d_b, double *d_p);
adgen::Dual<double> funcs_fwd(double a, double b, double p, double d_a, double d_b, double d_p);
double singular_grad(double a, double b, double p, double *d_a, double *d_b, double *d_p);
adgen::Dual<double> singular_fwd(double a, double b, double p, double d_a, double d_b, double d_p);
#include "adgen_pullback.h"
#include "adgen_test.h"
#include <cmath>
using namespace adgen_test;

int main() {
  auto three = [&](const char *name, auto f, auto grad, auto fwd, const double *x) {
    check_scalar_fn<double>(
        name, x, 3, [&](const double *p) { return f(p[0], p[1], p[2]); },
        [&](const double *p, double *g) { return grad(p[0], p[1], p[2], &g[0], &g[1], &g[2]); },
        [&](const double *p, const double *t) { return fwd(p[0], p[1], p[2], t[0], t[1], t[2]); });
  };
  double x0[3] = {0.7, -1.3, 0.4};
  three("ops", ops, ops_grad, ops_fwd, x0);
  check_pullback_prefilled<double>(
      "ops", x0, 3, [](const double *p) { return ops(p[0], p[1], p[2]); },
      [](const double *p, double s, double *g) { return ops_pullback(p[0], p[1], p[2], s, &g[0], &g[1], &g[2]); });
  // Away from the axes, on the imaginary axis (sqrt's formula changes
  // branch at re = 0, smoothly) and just above the negative real axis.
  double pts[][3] = {{0.7, -1.3, 1.7}, {0.0, 0.8, 2.5}, {-1.1, 0.3, 0.6}, {1.2, 0.0, 1.3}};
  for (auto &q : pts)
    three("funcs", funcs, funcs_grad, funcs_fwd, q);
  for (auto &q : pts)
    three("singular", singular, singular_grad, singular_fwd, q);
  // At z = 0: abs, arg and sqrt have derivative 0 there (abs and sqrt have
  // none, arg is undefined); pow(z, p) that of z^p: 1 for p = 1, 0 for p > 1.
  for (double p : {1.0, 2.0, 0.5}) {
    double g[3] = {0, 0, 0};
    double v = singular_grad(0.0, 0.0, p, &g[0], &g[1], &g[2]);
    check_exact("singular(0): value", v, 0.0);
    double want = p == 1.0 ? 1.0 : 0.0;
    check_exact("singular(0): d/da", g[0], want);
    check_exact("singular(0): d/db", g[1], want);
    check_exact("singular(0): d/dp", g[2], 0.0);
    check_exact("singular(0): fwd d/da", singular_fwd(0.0, 0.0, p, 1, 0, 0).tangent, want);
    check_exact("singular(0): fwd d/db", singular_fwd(0.0, 0.0, p, 0, 1, 0).tangent, want);
  }
  return finish();
}
#endif
