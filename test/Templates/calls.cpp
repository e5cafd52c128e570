// Calls into function templates from a marked function, in forward and
// reverse mode. Each instantiation gets its own helpers in adgen_detail:
// overloads when the parameter types tell them apart (sq<double>,
// sq<float>), names of their own when they do not (powi<2> and powi<3> are
// both double(double); sq<double> is called beside a plain sq(double)).
// Calls print their template arguments, so a non-deducible argument and a
// plain overload of the same name are no problem, and a template parameter
// used in the body prints as its value.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17 2>&1 | count 0
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

template <class T> T sq(T x) { return x * x; }
// A plain function beside the template: sq<double>(x) must not call it.
double sq(double x) { return 100.0 * x; }

template <int N> double powi(double x) {
  double r = 1;
  for (int i = 0; i < N; ++i)
    r *= x;
  return r;
}

namespace ns {
enum class Kind { Plain, Scaled };
template <class T> T cube(T x) { return x * sq<T>(x); }
// Non-type parameters of several kinds, used in the body.
template <Kind K, unsigned long M, bool Neg> double weight(double x) {
  double w = K == Kind::Scaled ? x * M : x;
  return Neg ? -w : w;
}
} // namespace ns

ADGEN_REVERSE() ADGEN_FORWARD()
double calls(double x, float y) {
  return sq<double>(x) + sq(x) + sq(y) + sq<float>(y) * sq<double>(2.0) + sq(2.0) + powi<2>(x) +
         powi<3>(x) * powi<2>(3.0) + ns::cube(y) + ns::cube(x) +
         ns::weight<ns::Kind::Scaled, 7ul, true>(x) + ns::weight<ns::Kind::Plain, 1ul, false>(y);
}
// CHECK-LABEL: double calls_pullback(double x, float y, double d_ret, double *d_x, float *d_y) {
// CHECK: ::adgen_detail::sq_double_record(x)
// CHECK: ::adgen_detail::sq_record(x)
// CHECK: ::adgen_detail::sq_record(y)
// CHECK: ::sq<double>(2.0)
// CHECK: ::sq(2.0)
// CHECK: ::adgen_detail::powi_2_record(x, tape)
// CHECK: ::adgen_detail::powi_3_record(x, tape)
// CHECK: ::powi<2>(3.0)
// CHECK: ::ns::adgen_detail::cube_record(y, tape)
// CHECK: ::ns::adgen_detail::cube_record(x, tape)
// CHECK: ::ns::adgen_detail::weight_ns_Kind_Scaled_7_true_record(x)
// CHECK: ::ns::adgen_detail::weight_ns_Kind_Plain_1_false_record(static_cast<double>(y))
// CHECK-LABEL: double calls_grad(double x, float y, double *d_x, float *d_y) {
// CHECK-LABEL: static double sq_double_record(double x) {
// CHECK-LABEL: static double powi_2_record(double x, adgen::Tape &tape) {
// CHECK: for (; i < 2; ++i) {
// CHECK-LABEL: static double powi_3_record(double x, adgen::Tape &tape) {
// CHECK: for (; i < 3; ++i) {
// CHECK-LABEL: adgen::Dual<double> calls_fwd(double x, float y, double d_x, float d_y) {
// CHECK: ::adgen_detail::sq_double_fwd(x, d_x)
// CHECK: ::adgen_detail::powi_3_fwd(x, d_x)
// CHECK-LABEL: static adgen::Dual<double> weight_ns_Kind_Scaled_7_true_fwd(double x, double d_x) {
// CHECK: double w = static_cast<ns::Kind>(1) == ns::Kind::Scaled ? x * 7.0 : x;
// CHECK: return adgen::Dual<double>{true ? -w : w, true ? -d_w : d_w};

#ifdef ADGEN_TEST_DRIVER
double calls_grad(double x, float y, double *d_x, float *d_y);
adgen::Dual<double> calls_fwd(double x, float y, double d_x, float d_y);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double pts[][2] = {{0.3, 0.7}, {-0.5, 1.2}, {0.9, -0.4}};
  for (auto &p : pts) {
    const double x = p[0];
    const float y = static_cast<float>(p[1]);
    double dx = 0;
    float dy = 0;
    double v = calls_grad(x, y, &dx, &dy);
    check_ulps<double>("calls: value", v, calls(x, y));
    // Hand-derived, term by term: x^2 + 100 x + y^2 + 4 y^2 + 200 + x^2 +
    // 9 x^3 + y^3 + x^3 - 7 x + y.
    double want_dx = 2 * x + 100 + 2 * x + 27 * x * x + 3 * x * x - 7;
    double want_dy = 2 * y + 8 * y + 3 * y * y + 1;
    check_close("calls: d/dx", dx, want_dx, 1e-12);
    check_close("calls: d/dy", dy, want_dy, 1e-5);
    check_close("calls_fwd: d/dx", calls_fwd(x, y, 1.0, 0.0f).tangent, want_dx, 1e-12);
    check_close("calls_fwd: d/dy", calls_fwd(x, y, 0.0, 1.0f).tangent, want_dy, 1e-5);
    // Central differences in x (double precision).
    double h = 1e-6 * (std::fabs(x) + 1);
    check_close("calls: d/dx vs FD", dx, (calls(x + h, y) - calls(x - h, y)) / (2 * h), 1e-6, 1e-9);
  }
  return finish();
}
#endif
