// Two instantiations of a marked template whose derivatives would have the
// same parameter list (N is not determined by the parameters): an error at
// the marker, with notes at the uses, never code that does not compile.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

// CHECK: template-clash.cpp:[[@LINE+1]]:30: error: the derivatives of 'dot<double, 2>' and 'dot<double, 3>' would both be 'dot_pullback(const double *, const double *, double, double *, double *)': C++ cannot overload them, because the parameter types do not determine the template arguments; mark a non-template wrapper for each instantiation instead
template <typename T, int N> ADGEN_REVERSE("a, b")
T dot(const T *a, const T *b) {
  T s = 0;
  for (int i = 0; i < N; ++i)
    s += a[i] * b[i];
  return s;
}

double use(const double *a, const double *b) {
  // CHECK: template-clash.cpp:[[@LINE+2]]:10: note: 'dot<double, 2>' is used here
  // CHECK: template-clash.cpp:[[@LINE+1]]:33: note: 'dot<double, 3>' is used here
  return dot<double, 2>(a, b) + dot<double, 3>(a, b);
}
