// A file that does not parse: the compiler's error, non-zero exit, no output.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

ADGEN_REVERSE()
double f(double x) {
  // CHECK: parse-error.cpp:[[@LINE+1]]:14: error: expected expression
  return x * ;
}
