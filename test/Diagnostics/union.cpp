// Unions are refused (which member is live is not known statically).
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

union Bits {
  double d;
  long l;
};

ADGEN_REVERSE()
double f(double x) {
  // CHECK: union.cpp:[[@LINE+1]]:8: error: unions are not supported: local variable 'b' has type 'Bits'
  Bits b;
  b.d = x;
  return b.d * x;
}
