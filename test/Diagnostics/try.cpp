// try / catch is refused.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

ADGEN_FORWARD()
double f(double x) {
  // CHECK: try.cpp:[[@LINE+1]]:3: error: exceptions ('try') are not supported in differentiated code; move error handling out of the function
  try {
    x = x * x;
  } catch (...) {
    x = 0;
  }
  return x;
}
