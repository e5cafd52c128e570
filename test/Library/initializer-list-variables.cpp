// A variable holding a braced list (`auto &&r = {1., x, y};`,
// `std::initializer_list<double> r = {...}`) is a local array named after
// it: range-for over it, `r.size()`, and iterator loops from `r.begin()` to
// `r.end()` work as on an array (from Clad's Loops tests fn38/fn39).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %clangxx -c %t.gen.cpp -o %t.clang.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-DAG: ok   ranged {{.*}}worst relative error
// RUNCHECK-DAG: ok   iterated {{.*}}worst relative error
// RUNCHECK-DAG: ok   typed {{.*}}worst relative error
// RUNCHECK: 3 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>
#include <initializer_list>

ADGEN_REVERSE() ADGEN_FORWARD()
double ranged(double x, double y) {
  double sum = 0;
  if (x > 0) {
    auto &&range = {1., x, 2., y, 3.};
    for (auto elem : range)
      sum += elem * elem;
  }
  return sum;
}
// CHECK-LABEL: double ranged_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK: double range[5];
// CHECK: range[1] = x;

ADGEN_REVERSE() ADGEN_FORWARD()
double iterated(double x) {
  double res = 0;
  auto &&range = {1, 2, 3};
  for (auto i = range.begin(); i != range.end(); i++)
    res += x * (*i);
  return res * range.size();
}
// CHECK-LABEL: double iterated_pullback(double x, double d_ret, double *d_x) {
// CHECK: int range[3];

ADGEN_REVERSE() ADGEN_FORWARD()
double typed(double x, double y) {
  std::initializer_list<double> w = {x * y, std::sin(x), y};
  double s = 0;
  for (const double &v : w)
    s += v * x;
  return s / w.size();
}
// CHECK-LABEL: adgen::Dual<double> typed_fwd(double x, double y, double d_x, double d_y) {
// CHECK: double w[3];
