// Local objects that hold no number carry no derivative: a std::string, a
// std::string_view, an empty function object, a std::vector<int> of indices.
// Generated code declares each as the source does, with the initialiser
// copied as written; reverse mode declares it once at the top of each
// function it generates (both sweeps read it; no tape holds it). Their const
// integer methods (size(), length(), operator() of a functor) are called as
// in f; they are passed along to helpers taking them by const reference.
// An initialiser that reads a variable of the function is refused.
// Checked against central differences, forward against reverse, pullbacks
// into pre-filled adjoints with d_ret != 1; Hessian and Jacobian by
// --emit=check.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUN: not %adgen %s -o %t.bad.cpp -- -std=c++17 -DREFUSE 2>&1 | FileCheck %s --check-prefix=REFUSE
// RUNCHECK-NOT: FAIL
// RUNCHECK: 5 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

struct IsOdd {
  bool operator()(int i) const { return i % 2 != 0; }
};
static const char *const kName = "weights";

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double label(double x) {
  std::string s = "lab";
  return x * s.size();
}
// CHECK-LABEL: double label_pullback(double x, double d_ret, double *d_x) {
// CHECK-NEXT:   std::string s = "lab";
// CHECK:   *d_x += d_result * static_cast<double>(s.size());
// CHECK-LABEL: adgen::Dual<double> label_fwd(double x, double d_x) {
// CHECK-NEXT:   std::string s = "lab";

ADGEN_REVERSE("x[n]") ADGEN_FORWARD("x[n]")
double labelled(const double *x, int n) {
  std::string name(kName);
  std::string_view view = "abcd";
  IsOdd odd;
  double s = 0;
  for (int i = 0; i < n; ++i) {
    std::string unit{"m"};
    double w = odd(i) ? double(name.size()) : double(view.size() + unit.length());
    s += w * std::sin(x[i]) * x[i];
  }
  return s;
}
// CHECK-LABEL: double labelled_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK:   std::string name = std::string(kName);
// CHECK-NEXT:   std::string_view view = "abcd";
// CHECK-NEXT:   std::string unit = std::string{"m"};
// CHECK:   w = {{.*}} ? static_cast<double>(name.size()) : static_cast<double>(view.size() + unit.length());
// CHECK-LABEL: adgen::Dual<double> labelled_fwd(

static double scaled(double v, const std::string &unit) {
  std::string_view cm = "cm";
  return unit.size() == cm.size() ? v * 0.01 * v : v * std::exp(0.1 * v);
}

ADGEN_REVERSE("x[n]") ADGEN_FORWARD("x[n]") ADGEN_HESSIAN("x[n]")
double helpers(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    std::string unit = "cm";
    const std::string wide = "mm2";
    s += scaled(x[i], i % 2 ? unit : wide) * std::sin(x[(i + 1) % n]);
  }
  return s;
}
// CHECK-LABEL: double helpers_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK:   std::string unit = "cm";
// CHECK-NEXT:   std::string wide = "mm2";
// CHECK:     ::adgen_detail::scaled_reverse(x[i], static_cast<bool>(i % 2) ? unit : wide, d_scaled_1, &d_v_1, tape);
// CHECK-LABEL: static void scaled_reverse(double v, const std::string &unit, double d_result_1, double *d_v, adgen::Tape &tape) {
// CHECK-NEXT:   std::string_view cm = "cm";
// CHECK-LABEL: void helpers_hessian(

ADGEN_REVERSE("x[3]") ADGEN_FORWARD("x[3]")
double indices(const double *x) {
  std::vector<int> idx = {2, 0, 1};
  double s = 0;
  for (std::size_t k = 0; k < idx.size(); ++k)
    s += x[idx[k]] * x[k];
  return s;
}
// CHECK-LABEL: double indices_pullback(

ADGEN_JACOBIAN("x[2] -> y[2]")
void pair_map(const double *x, double *y) {
  std::string name = "ab";
  y[0] = x[0] * x[1] * name.size();
  y[1] = std::sin(x[0]) + name.length();
}
// CHECK-LABEL: void pair_map_jacobian(

#ifdef REFUSE
ADGEN_REVERSE("x")
double counted(double x, int n) {
  std::string s(n, 'a');
  return x * s.size();
}
// REFUSE: error: local variable 's' of type 'std::string' (a value that holds no number) is initialised from 'n'; adgen copies such a value into the generated functions with its initialiser, which may read only literals, globals and other values that hold no number
#endif

#ifdef ADGEN_TEST_DRIVER
double label_grad(double x, double *d_x);
double label_pullback(double x, double d_ret, double *d_x);
adgen::Dual<double> label_fwd(double x, double d_x);
#define DECLARE(F)                                                                  \
  double F##_pullback(const double *x, int n, double d_ret, double *d_x);           \
  double F##_grad(const double *x, int n, double *d_x);                             \
  adgen::Dual<double> F##_fwd(const double *x, int n, const double *d_x);
DECLARE(labelled)
DECLARE(helpers)
double indices_grad(const double *x, double *d_x);
double indices_pullback(const double *x, double d_ret, double *d_x);
adgen::Dual<double> indices_fwd(const double *x, const double *d_x);
#include "adgen_pullback.h"
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  double x0[1] = {0.7};
  auto f = [](const double *p) { return label(p[0]); };
  check_scalar_fn<double>(
      "label", x0, 1, f, [](const double *p, double *g) { return label_grad(p[0], &g[0]); },
      [](const double *p, const double *t) { return label_fwd(p[0], t[0]); });
  check_pullback_prefilled<double>("label", x0, 1, f, [](const double *p, double s, double *g) {
    return label_pullback(p[0], s, &g[0]);
  });
  ADGEN_TEST_ARRAY_FN(labelled, 5);
  ADGEN_TEST_ARRAY_FN(helpers, 6);
  double x3[3] = {0.4, -1.1, 0.9};
  auto fi = [](const double *p) { return indices(p); };
  check_scalar_fn<double>("indices", x3, 3, fi, indices_grad, indices_fwd);
  check_pullback_prefilled<double>("indices", x3, 3, fi, indices_pullback);
  return finish();
}
#endif
