// Values of standard class types that hold no floating-point number
// (std::optional<int>, std::pair<int, int>) carry no derivative: a parameter
// of such a type is passed along (Inactive.cpp), and a temporary built from
// literals and globals (`std::optional<int>(3)`, `std::nullopt`,
// `std::optional<int>{}`) is an opaque value that generated code spells as
// written (BuildExpressions.cpp). One built from a variable of the function
// is still refused.
// Numbers: --emit=check (central differences, forward against reverse,
// pre-filled adjoints with d_ret != 1), with g++ and clang++.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUN: not %adgen %s -o %t.bad.cpp -- -std=c++17 -DREFUSE 2>&1 | FileCheck %s --check-prefix=REFUSE
// RUNCHECK: 1 passed, 0 failed
#include <adgen/adgen.h>
#include <optional>
#include <utility>

double scale(double v, std::optional<int> f) { return v * f.value_or(2); }
double offset(double v, const std::pair<int, int> &p) { return v + p.first * p.second; }

ADGEN_REVERSE() ADGEN_FORWARD()
double g(double x) {
  return scale(x, std::optional<int>(3)) + scale(x * x, std::nullopt) +
         scale(x, std::optional<int>{}) + offset(x, std::make_pair(1, 2));
}
// CHECK-LABEL: double g_pullback(double x, double d_ret, double *d_x) {
// CHECK: scale_result = ::adgen_detail::scale_record(x, std::optional<int>(3));
// CHECK: scale_result_1 = ::adgen_detail::scale_record(x * x, std::nullopt);
// CHECK: ::adgen_detail::scale_reverse(x, std::optional<int>(3), d_scale_2, &d_v_3);
// CHECK-LABEL: static void scale_reverse(double v, std::optional<int> f, double d_result_1, double *d_v) {
// CHECK-LABEL: adgen::Dual<double> g_fwd(double x, double d_x) {

#ifdef REFUSE
ADGEN_REVERSE()
double h(double x, int n) {
  // REFUSE: inert-std-values.cpp:[[@LINE+1]]:19: error: this value has type 'std::optional<int>': 'std::optional' is not supported
  return scale(x, std::optional<int>(n));
}
#endif
