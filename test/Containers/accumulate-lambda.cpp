// std::accumulate, std::inner_product and *std::max_element /
// *std::min_element with a custom operation: a lambda (in place or named,
// capturing by reference), std::plus<> / std::multiplies<> / std::less<>,
// a function with a body, or an object with operator(). Each is built as
// the loop the standard defines (`acc = op(acc, v[k])`, `acc = op1(acc,
// op2(a[k], b[k]))`, `if (comp(best, v[k])) best = v[k]`), lambdas inlined,
// functions and operator() called as helpers. --emit=check compares forward
// and reverse with finite differences, pre-filled adjoints with d_ret != 1,
// f's effects and canaries past every array; f_jacobian and f_hessian too.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=OK
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=OK
// OK-NOT: FAIL
// OK: 3 passed, 0 failed
#include <adgen/adgen.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <iterator>
#include <numeric>
#include <vector>

// Lambdas: in place, and named with a capture by reference.
ADGEN_REVERSE("v, s") ADGEN_FORWARD("v, s")
double squares(const std::vector<double> &v, double s) {
  double plain = std::accumulate(v.begin(), v.end(), 0.0,
                                 [](double a, double b) { return a + b * b; });
  auto soft = [&](double a, const double &b) { return a + s * std::sin(b); };
  double named = std::accumulate(v.cbegin(), v.cend(), 1.0, soft);
  return plain * named;
}
// CHECK-LABEL: double squares_pullback(const std::vector<double> &v, double s, double d_ret, std::vector<double> *d_v, double *d_s) {
// CHECK:         for (; accumulate_index < v.size(); ++accumulate_index) {
// CHECK-NEXT:      a = sum;
// CHECK-NEXT:      b = v[accumulate_index];
// CHECK-NEXT:      double lambda = a + b * b;
// CHECK-NEXT:      sum = lambda;
// CHECK:           double soft = a_1 + s * std::sin(v[accumulate_index_1]);
// CHECK-NEXT:      sum_1 = soft;
// CHECK-LABEL: adgen::Dual<double> squares_fwd(

// std::plus<> and std::multiplies<> (also of a type), a lambda as the
// product; pointer ranges. Jacobian and Hessian as for plain loops.
ADGEN_REVERSE("a[n], b[n]") ADGEN_FORWARD("a[n], b[n]")
ADGEN_JACOBIAN("a[n], b[n]") ADGEN_HESSIAN("a[n], b[n]")
double dots(const double *a, const double *b, int n) {
  double d = std::inner_product(a, a + n, b, 0.0, std::plus<>(), std::multiplies<>());
  double e = std::inner_product(a, a + n, b, 0.5, std::plus<double>(),
                                [](double x, double y) { return (x - y) * (x - y); });
  double m = std::accumulate(b, b + n, 1.0, std::multiplies<>());
  return d * e + m;
}
// CHECK-LABEL: double dots_pullback(const double *a, const double *b, int n, double d_ret, double *d_a, double *d_b) {
// CHECK:         for (; inner_product_index < inner_product_count; ++inner_product_index) {
// CHECK-NEXT:      dot += a[inner_product_index] * b[inner_product_index];
// CHECK:           double lambda = (x - y) * (x - y);
// CHECK-NEXT:      dot_1 += lambda;
// CHECK:           sum = sum * b[accumulate_index];
// CHECK-LABEL: adgen::Dual<double> dots_fwd(

// A function and a function object (named, and a temporary) as the
// operation; comparisons for max_element / min_element.
static double hypot_step(double acc, double x) { return std::sqrt(acc * acc + x * x); }
struct Weighted {
  double w;
  double operator()(double acc, double x) const { return acc + w * x * x; }
};
ADGEN_REVERSE("x, w") ADGEN_FORWARD("x, w")
double folds(const std::array<double, 4> &x, double w) {
  double h = std::accumulate(x.begin(), x.end(), 0.5, hypot_step);
  Weighted by{w};
  double q = std::accumulate(x.begin(), x.end(), 0.0, by);
  double r = std::accumulate(std::begin(x), std::end(x), 0.0, Weighted{2.0 * w});
  double top = *std::max_element(x.begin(), x.end(),
                                 [](double p, double t) { return std::fabs(p) < std::fabs(t); });
  double low = *std::min_element(x.begin(), x.end(), std::less<>());
  return h * q + r + top * low;
}
// CHECK-LABEL: double folds_pullback(const std::array<double, 4> &x, double w, double d_ret, std::array<double, 4> *d_x, double *d_w) {
// CHECK:         hypot_step_result = ::adgen_detail::hypot_step_record(sum, x[accumulate_index], tape);
// CHECK:         sum = hypot_step_result;
// CHECK:         Weighted_operator_call_result = ::adgen_detail::Weighted_operator_call_record(by, sum_1, x[accumulate_index_1]{{.*}});
// CHECK:         Weighted_operator_call_result_1 = ::adgen_detail::Weighted_operator_call_record(accumulate_op, sum_2, x[accumulate_index_2]{{.*}});
// CHECK:         if (lambda) {
// CHECK-NEXT:      max_value = x[max_element_index];
// CHECK:         if (x[min_element_index] < min_value) {
// CHECK-LABEL: adgen::Dual<double> folds_fwd(
