// Markers on variables holding lambdas that adgen cannot differentiate as a
// function named after the variable: a lambda that captures something, a
// generic lambda, a lambda variable inside a function (the derivatives at
// namespace scope could not call it) or a class. Each is a located error
// saying why and what to do instead.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

// CHECK: lambda-variables.cpp:[[@LINE+1]]:1: error: ADGEN_REVERSE on variable 'scaled', which holds a lambda that captures 'k': adgen differentiates lambdas that capture nothing; pass 'k' as a parameter (or use a global)
ADGEN_REVERSE("x")
auto scaled = [k = 2.0](double x) { return k * x * x; };

// CHECK: lambda-variables.cpp:[[@LINE+1]]:1: error: ADGEN_HESSIAN on variable 'generic', which holds a lambda that is generic (a parameter of type 'auto'): write the parameters' types
ADGEN_HESSIAN("x")
auto generic = [](auto x) { return x * x; };

double x0 = 3;
void holder() {
  // CHECK: lambda-variables.cpp:[[@LINE+1]]:3: error: ADGEN_HESSIAN on variable 'local', which holds a lambda defined inside a function: the derivatives, which adgen writes at namespace scope, could not call it; define the lambda at namespace scope (or write it as a function) and mark that
  ADGEN_HESSIAN("i, j")
  auto local = [&](double i, double j) { return x0 * i * i * j; };
  (void)local;
}

struct Holder {
  // CHECK: lambda-variables.cpp:[[@LINE+1]]:3: error: ADGEN_REVERSE on variable 'member', which holds a lambda that is not a variable at namespace scope: adgen differentiates lambdas held by namespace-scope variables; define it there, or write it as a function
  ADGEN_REVERSE("x")
  static inline auto member = [](double x) { return x * x; };
};

// CHECK: lambda-variables.cpp:[[@LINE+1]]:1: error: ADGEN_CUSTOM on variable 'custom', which holds a lambda: custom derivatives are functions; write it as a function
ADGEN_CUSTOM
auto custom = [](double x, double d_ret, double *d_x) { *d_x += d_ret; return x; };
