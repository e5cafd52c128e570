// Hessians are forward over reverse; the tangent of a parallel backward loop
// (its atomics and private adjoints) is not done yet, so it is refused.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

ADGEN_HESSIAN("x[n]")
double second(const double *x, int n) {
  double s = 0;
#pragma omp parallel for reduction(+ : s)
  // CHECK: refused-hessian.cpp:[[@LINE+1]]:3: error: second derivatives (forward over reverse) of parallel loops are not supported yet
  for (int i = 0; i < n; ++i)
    s += x[i] * x[i] * x[i];
  return s;
}
