// Specs of a marked template: names are checked once, against the
// template's parameters; types with each instantiation, whose errors say
// which instantiation and note where the input uses it. An error in the
// body of an instantiation notes the instantiation too; an instantiation
// declared 'extern template' has no body to differentiate.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

// CHECK-DAG: template-spec.cpp:[[@LINE+1]]:41: error: 'q' is not a parameter of 'named'
template <typename T> ADGEN_REVERSE("x, q") T named(T x, T y) { return x * y; }

// CHECK-DAG: template-spec.cpp:[[@LINE+1]]:38: error: in 'typed<int>': parameter 'x' has type 'int', which carries no derivative
template <typename T> ADGEN_REVERSE("x") T typed(T x, double y) { return x * y; }

template <typename T> ADGEN_FORWARD() T jumps(T x) {
  // CHECK-DAG: template-spec.cpp:[[@LINE+1]]:3: error: 'goto' is not supported
  goto out;
out:
  return x;
}

// CHECK-DAG: template-spec.cpp:[[@LINE+1]]:23: error: 'ext<double>' is declared 'extern template', so its body is not instantiated in this translation unit and adgen cannot differentiate it; remove the 'extern template' declaration
template <typename T> ADGEN_REVERSE() T ext(T x) { return 2 * x; }
// CHECK-DAG: template-spec.cpp:[[@LINE+1]]:24: note: declared 'extern template' here
extern template double ext<double>(double);

double use(double x) {
  // CHECK-DAG: template-spec.cpp:[[@LINE+2]]:40: note: 'typed<int>' is used here
  // CHECK-DAG: template-spec.cpp:[[@LINE+1]]:54: note: in 'jumps<float>', used here
  return named(x, x) + typed(x, 1.0) + typed(2, x) + jumps(1.0f) + ext(x);
}
