// throw is refused.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

ADGEN_REVERSE()
double f(double x) {
  if (x < 0)
    // CHECK: throw.cpp:[[@LINE+1]]:5: error: exceptions ('throw') are not supported in differentiated code; check the inputs before the call or report errors through the result
    throw 1;
  return x * x;
}
