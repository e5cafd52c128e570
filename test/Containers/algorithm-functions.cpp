// std::transform and std::for_each whose operation is a function with a
// visible body or an object with operator(), not only a lambda: each
// element is handed to an ordinary call (`y[k] = g(x[k])`, `bump(v[k])`,
// `op.operator()(a[k], b[k])`) that adgen differentiates like any helper.
// The object is the algorithm's own copy (a temporary, or a copy of a
// variable whose operator() is not const, whose state the caller's
// variable never sees). --emit=check compares forward and reverse with
// finite differences, pre-filled adjoints with d_ret != 1, f's effects and
// canaries past every array.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=OK
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=OK
// OK-NOT: FAIL
// OK: 3 passed, 0 failed
#include <adgen/adgen.h>
#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <vector>

static double soft(double x) { return std::log(1.0 + std::exp(x)); }
static void bump(double &e) { e = e * e + std::sin(e); }
static double halve(const double &x) { return x / 2; }

// Functions by name and by address; ones taking the element by reference
// (to write it) and by const reference.
ADGEN_REVERSE("x -> y") ADGEN_FORWARD("x -> y")
void activations(const std::vector<double> &x, std::vector<double> &y) {
  std::transform(x.begin(), x.end(), y.begin(), soft);
  std::for_each(y.begin(), y.end(), &bump);
  std::transform(y.begin(), y.end(), y.begin(), halve);
}
// CHECK-LABEL: void activations_pullback(const std::vector<double> &x, std::vector<double> &y, std::vector<double> *d_x, std::vector<double> *d_y) {
// CHECK:         soft_result = ::adgen_detail::soft_record(x[transform_index]{{.*}});
// CHECK:         y[transform_index] = soft_result;
// CHECK:         ::adgen_detail::bump_record(y[for_each_index]{{.*}});
// CHECK:         halve_result = ::adgen_detail::halve_record(y[transform_index_1]{{.*}});
// CHECK-LABEL: void activations_fwd(

// Objects with operator(): a temporary with a field that carries a
// derivative, a variable with a const operator() (used as it is), and a
// variable with a mutable one (the algorithm's copy counts, not `tally`).
struct Affine {
  double a, b;
  double operator()(double x, double w) const { return a * x + b * w; }
};
struct Counter {
  double seen = 0;
  void operator()(double &e) {
    seen += e;
    e = e * seen;
  }
};
ADGEN_REVERSE("a, b, s") ADGEN_FORWARD("a, b, s")
double mixes(const std::vector<double> &a, const std::vector<double> &b, double s) {
  std::vector<double> out(a.size());
  std::transform(a.begin(), a.end(), b.begin(), out.begin(), Affine{s, 2.0});
  Affine fixed{0.5, s * s};
  std::transform(out.begin(), out.end(), b.begin(), out.begin(), fixed);
  Counter tally;
  std::for_each(out.begin(), out.end(), tally);
  return out[0] * out[1] + tally.seen + std::inner_product(out.begin(), out.end(), a.begin(), 0.0);
}
// CHECK-LABEL: double mixes_pullback(const std::vector<double> &a, const std::vector<double> &b, double s, double d_ret, std::vector<double> *d_a, std::vector<double> *d_b, double *d_s) {
// CHECK:         Affine_operator_call_result = ::adgen_detail::Affine_operator_call_record(transform_op, a[transform_index], b[transform_index]{{.*}});
// CHECK:         Affine_operator_call_result_1 = ::adgen_detail::Affine_operator_call_record(fixed, out[transform_index_1], b[transform_index_1]{{.*}});
// CHECK:         ::adgen_detail::Counter_operator_call_record(tally_copy, out[for_each_index]{{.*}});
// CHECK-LABEL: adgen::Dual<double> mixes_fwd(

// std::plus<> / std::multiplies<> as transform's operation.
ADGEN_REVERSE("p[n], q[n] -> r[n]") ADGEN_FORWARD("p[n], q[n] -> r[n]")
void arith(const double *p, const double *q, int n, double *r) {
  std::transform(p, p + n, q, r, std::multiplies<>());
  std::transform(r, r + n, p, r, std::plus<double>());
}
// CHECK-LABEL: void arith_pullback(
// CHECK:         r[transform_index] = p[transform_index] * q[transform_index];
// CHECK:         r[transform_index_1] += p[transform_index_1];
// CHECK-LABEL: void arith_fwd(
