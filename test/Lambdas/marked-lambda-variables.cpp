// A marker on a namespace-scope variable that holds a lambda with no
// captures differentiates the lambda as a free function named after the
// variable: lambda_fwd, lambda_pullback, lambda_grad, lambda_jacobian,
// lambda_hessian in the variable's namespace, taking the lambda's
// parameters (no `self`); the primal call is `lambda(i, j)`. From Clad's
// test/Hessian/Functors.C and test/Jacobian/Functors.C (lambda, lambdaNNS);
// globals used in the body are read as usual.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-NOT: FAIL
// RUNCHECK: 3 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

ADGEN_HESSIAN("i, j") ADGEN_REVERSE("i, j") ADGEN_FORWARD("i, j")
auto lambda = [](double i, double j) { return i * i * j * j; };
// CHECK-DAG: void lambda_hessian(double i, double j, double *hess);
// CHECK-DAG: double lambda_grad(double i, double j, double *d_i, double *d_j);
// CHECK-DAG: adgen::Dual<double> lambda_fwd(double i, double j, double d_i, double d_j);

namespace outer {
namespace inner {
ADGEN_HESSIAN("i, j") ADGEN_JACOBIAN("i, j")
auto lambdaNNS = [](double i, double j) { return i * i * j * j + std::sin(i); };
} // namespace inner
} // namespace outer
// CHECK-DAG: namespace outer {
// CHECK-DAG: void lambdaNNS_hessian(double i, double j, double *hess);

double gx = 3, gy = 5;

ADGEN_JACOBIAN("i, jj -> output[2]") ADGEN_REVERSE("i, jj -> output[2]")
auto withGlobals = [](double i, double jj, double *output) {
  output[0] = gx * i * i * jj;
  output[1] = gy * i * jj * jj;
};
// CHECK-DAG: void withGlobals_jacobian(double i, double jj, double *output, double *jac);

// CHECK-LABEL: void lambda_hessian(double i, double j, double *hess) {
// CHECK: ::lambda(i, j);
