// A lambda variable initialised with the lambda in parentheses or braces
// (`auto l = ([x] {...});`, `auto l{[&x] {...}};`, nested), as in Clad's
// LambdaInitialization tests: the same lambda as `auto l = [..] {...};`.
// Captures by copy keep the value at the lambda's creation; a reference
// init-capture (`[&y = x]`) names x itself (not an element chosen by a
// computed index: refused).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUN: not %adgen %s -o %t.bad.cpp -- -std=c++17 -DREFUSE 2>&1 | FileCheck %s --check-prefix=REFUSE
// RUNCHECK: 5 passed, 0 failed
#include <adgen/adgen.h>

ADGEN_REVERSE() ADGEN_FORWARD()
double braced(double x) {
  auto inner{[x] { return x * x; }};
  x *= 3;
  return inner() + x;
}
// CHECK-LABEL: double braced_pullback(double x, double d_ret, double *d_x) {

ADGEN_REVERSE() ADGEN_FORWARD()
double parenthesized(double x) {
  auto inner = (([&x] { return x * x; }));
  double first = inner();
  x *= 3;
  return first + inner();
}
// CHECK-LABEL: double parenthesized_pullback(double x, double d_ret, double *d_x) {

ADGEN_REVERSE() ADGEN_FORWARD()
double nested(double x) {
  auto outer = ([&x] {
    auto inner{([&x] {
      x *= 2;
      return x * x;
    })};
    double first = inner();
    return first + inner();
  });
  return outer() * x;
}
// CHECK-LABEL: adgen::Dual<double> nested_fwd(double x, double d_x) {

ADGEN_REVERSE() ADGEN_FORWARD()
double refInit(double x) {
  auto inner = [&value = x] { return value * value; };
  double first = inner();
  x *= 3;
  return first + inner();
}
// CHECK-LABEL: double refInit_pullback(double x, double d_ret, double *d_x) {

struct P {
  double a, b;
};
ADGEN_REVERSE() ADGEN_FORWARD()
double refInitLoop(double x, double z) {
  double result = 0;
  P p{z, x};
  for (int i = 0; i < 3; ++i) {
    auto inner = [&y = x, &w = p.a] {
      y *= 2;
      w += y;
      return y * w;
    };
    result += inner();
  }
  return result + p.a;
}
// CHECK-LABEL: adgen::Dual<double> refInitLoop_fwd(double x, double z, double d_x, double d_z) {

#ifdef REFUSE
ADGEN_REVERSE()
double refInitIndex(const double *v, int k) {
  // REFUSE: lambda-initialisers.cpp:[[@LINE+1]]:16: error: capturing 'e' by reference to an element chosen by a computed index is not supported; capture the container
  auto get = [&e = v[k]] { return e * e; };
  return get();
}
#endif
