// Inline assembly is refused.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

ADGEN_REVERSE()
double f(double x) {
  double y = x * x;
  // CHECK: inline-asm.cpp:[[@LINE+1]]:3: error: inline assembly cannot be differentiated; move it into a function of its own and give that function a derivative marked ADGEN_CUSTOM
  asm volatile("" ::: "memory");
  return y;
}
