// A marker on a member function of a class template asks for the
// derivatives of each instantiation the input uses (interface.md §4): the
// contract's names after the template's name, overloaded on the object's
// type, so Poly<double>::operator() gives Poly_call_grad(const Poly<double>
// &self, ...) and Poly<float>::operator() an overload of it. Members of
// class templates called from differentiated code get helpers too.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17 2>%t.err
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: FileCheck %s --input-file=%t.err --check-prefix=WARN
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17 2>/dev/null
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-DAG: ok   geo::Poly<double>::operator() {{.*}}worst relative error
// RUNCHECK-DAG: ok   geo::Poly<float>::operator() {{.*}}worst relative error
// RUNCHECK-DAG: ok   geo::Poly<double>::scaled {{.*}}worst relative error
// RUNCHECK-DAG: ok   geo::Arr<double, 3>::dot {{.*}}worst relative error
// RUNCHECK-DAG: ok   geo::Shape<double>::area {{.*}}worst relative error
// RUNCHECK-DAG: ok   uses_functor {{.*}}worst relative error
// RUNCHECK: 6 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

namespace geo {
template <typename T> struct Poly {
  T a, b;
  ADGEN_REVERSE() ADGEN_FORWARD() T operator()(T x) const { return a * x * x + std::sin(b * x); }
  ADGEN_REVERSE("self, x") T scaled(T x) {
    a = a * x;
    return a * b;
  }
};
template <typename T, int N> struct Arr {
  T w[N];
  ADGEN_REVERSE("x[n]") ADGEN_FORWARD("x[n]") T dot(const T *x, int n) const {
    T s = 0;
    for (int i = 0; i < n && i < N; ++i)
      s += w[i] * x[i] * x[i];
    return s;
  }
};
// Defined outside the class; a const volatile method (the derivatives take
// `const Shape<double> &self`: the object's volatile is not kept).
template <typename T> struct Shape {
  mutable T w, h;
  T area(T s) const volatile;
};
template <typename T> ADGEN_REVERSE() T Shape<T>::area(T s) const volatile { return w * h * s * s; }
// A class template member that is never marked, called from a marked function.
template <typename T> struct Funct {
  T k;
  T operator()(T x) const { return k * std::exp(x); }
};
template <typename T> struct Never {
  // WARN: [[@LINE+1]]:3: warning: nothing is generated for 'geo::Never::g': it is a member function of a class template
  ADGEN_REVERSE() T g(T x) { return x * x; }
};
} // namespace geo

ADGEN_REVERSE() ADGEN_FORWARD() double uses_functor(double x) {
  geo::Funct<double> f{2};
  return f(x) * x;
}

double use(double x) {
  geo::Poly<double> p{1, 2};
  geo::Poly<float> q{1, 2};
  geo::Arr<double, 3> r{{1, 2, 3}};
  geo::Shape<double> s{2, 3};
  double y[3] = {x, x, x};
  return p(x) + q(float(x)) + p.scaled(x) + r.dot(y, 3) + s.area(x);
}
// CHECK: Derivatives:
// CHECK-NEXT: Poly_call_pullback, Poly_call_grad (reverse mode, d/d(self, x), of Poly<double>::operator())
// CHECK-NEXT: Poly_call_fwd (forward mode, d/d(self, x), of Poly<double>::operator())
// CHECK-NEXT: Poly_scaled_pullback, Poly_scaled_grad (reverse mode, d/d(self, x), of Poly<double>::scaled)
// CHECK-NEXT: Poly_call_pullback, Poly_call_grad (reverse mode, d/d(self, x), of Poly<float>::operator())
// CHECK-LABEL: namespace geo {
// CHECK-LABEL: double Poly_call_pullback(const geo::Poly<double> &self, double x, double d_ret, geo::Poly<double> *d_self, double *d_x) {
// CHECK-LABEL: double Poly_call_grad(const geo::Poly<double> &self, double x, geo::Poly<double> *d_self, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> Poly_call_fwd(const geo::Poly<double> &self, double x, const geo::Poly<double> &d_self, double d_x) {
// CHECK-LABEL: double Poly_scaled_pullback(geo::Poly<double> &self, double x, double d_ret, geo::Poly<double> *d_self, double *d_x) {
// CHECK-LABEL: float Poly_call_pullback(const geo::Poly<float> &self, float x, float d_ret, geo::Poly<float> *d_self, float *d_x) {
// CHECK-LABEL: adgen::Dual<float> Poly_call_fwd(const geo::Poly<float> &self, float x, const geo::Poly<float> &d_self, float d_x) {
// CHECK-LABEL: double Arr_dot_pullback(const geo::Arr<double, 3> &self, const double *x, int n, double d_ret, double *d_x) {
// CHECK-LABEL: double Shape_area_pullback(const geo::Shape<double> &self, double s, double d_ret, geo::Shape<double> *d_self, double *d_s) {
// CHECK-LABEL: double uses_functor_pullback(double x, double d_ret, double *d_x) {
// CHECK: ::geo::adgen_detail::Funct_operator_call_reverse_wrt_x(f, x,

#ifdef ADGEN_TEST_DRIVER
namespace geo {
inline double Poly_call_pullback(const Poly<double> &self, double x, double d_ret, Poly<double> *d_self, double *d_x);
inline adgen::Dual<double> Poly_call_fwd(const Poly<double> &self, double x, const Poly<double> &d_self, double d_x);
inline double Poly_scaled_pullback(Poly<double> &self, double x, double d_ret, Poly<double> *d_self, double *d_x);
inline double Arr_dot_pullback(const Arr<double, 3> &self, const double *x, int n, double d_ret, double *d_x);
double Shape_area_pullback(const Shape<double> &self, double s, double d_ret, Shape<double> *d_self, double *d_s);
} // namespace geo
double uses_functor_pullback(double x, double d_ret, double *d_x);
adgen::Dual<double> uses_functor_fwd(double x, double d_x);
#include "adgen_test.h"

int main() {
  using namespace adgen_test;
  // Poly: a x^2 + sin(b x); adjoints accumulate into pre-filled values.
  geo::Poly<double> p{1.5, 2.0};
  geo::Poly<double> dp{0.25, -0.5};
  double dx = 0.125, x = 0.7;
  double r = geo::Poly_call_pullback(p, x, 3.0, &dp, &dx);
  check_ulps("Poly<double>: value", r, p(x));
  check_close("Poly<double>: d/da", dp.a, 0.25 + 3.0 * x * x, 1e-14);
  check_close("Poly<double>: d/db", dp.b, -0.5 + 3.0 * x * std::cos(2.0 * x), 1e-14);
  check_close("Poly<double>: d/dx", dx, 0.125 + 3.0 * (2 * 1.5 * x + 2.0 * std::cos(2.0 * x)), 1e-14);
  geo::Poly<double> tp{0.3, -0.2};
  adgen::Dual<double> fw = geo::Poly_call_fwd(p, x, tp, 0.4);
  check_close("Poly<double>: fwd", fw.tangent,
              0.3 * x * x - 0.2 * x * std::cos(2.0 * x) + 0.4 * (2 * 1.5 * x + 2.0 * std::cos(2.0 * x)), 1e-14);
  // scaled: a <- a x; returns a b. Its effect on the object matches the primal's.
  geo::Poly<double> s1{1.5, 2.0}, s2{1.5, 2.0}, ds{0.0, 0.0};
  double sx = 0;
  check_ulps("Poly<double>::scaled: value", geo::Poly_scaled_pullback(s1, x, 2.0, &ds, &sx), s2.scaled(x));
  check_ulps("Poly<double>::scaled: effect", s1.a, s2.a);
  check_close("Poly<double>::scaled: d/dx", sx, 2.0 * 1.5 * 2.0, 1e-14);
  check_close("Poly<double>::scaled: d/da", ds.a, 2.0 * x * 2.0, 1e-14);
  // Arr<double, 3>::dot: sum w_i x_i^2.
  geo::Arr<double, 3> a{{1, 2, 3}};
  double ax[3] = {0.5, -1.0, 2.0}, dax[3] = {1, 1, 1};
  geo::Arr_dot_pullback(a, ax, 3, -2.0, dax);
  for (int i = 0; i < 3; ++i)
    check_close("Arr<double, 3>::dot: d/dx", dax[i], 1 - 2.0 * 2 * a.w[i] * ax[i], 1e-14);
  // Shape<double>::area: w h s^2.
  geo::Shape<double> sh{2, 3};
  geo::Shape<double> dsh{0, 0};
  double dss = 0;
  geo::Shape_area_pullback(sh, 0.5, 1.5, &dsh, &dss);
  check_close("Shape<double>::area: d/ds", dss, 1.5 * 2 * 3 * 2 * 0.5, 1e-14);
  check_close("Shape<double>::area: d/dw", dsh.w, 1.5 * 3 * 0.25, 1e-14);
  // uses_functor: 2 e^x x.
  double ux = 0.5;
  uses_functor_pullback(0.3, 2.0, &ux);
  check_close("uses_functor: d/dx", ux, 0.5 + 2.0 * 2 * std::exp(0.3) * 1.3, 1e-14);
  check_close("uses_functor: fwd", uses_functor_fwd(0.3, 1.0).tangent, 2 * std::exp(0.3) * 1.3, 1e-14);
  return finish();
}
#endif
