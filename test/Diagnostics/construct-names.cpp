// Constructs adgen does not support are named in C++ terms in the message,
// never by the compiler's class for them; a case label inside an 'if' of a
// switch and declarations the switch would jump over are refused with the
// reason. No output file is written.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

ADGEN_REVERSE()
double no_except(double x) {
  // CHECK: construct-names.cpp:[[@LINE+1]]:14: error: expression 'noexcept(x)' is not supported in differentiated code
  double n = noexcept(x) ? 2.0 : 1.0;
  return x * n;
}

ADGEN_REVERSE()
double stmt_expr(double x) {
  // CHECK: construct-names.cpp:[[@LINE+1]]:14: error: a statement expression ('({ ... })') is not supported in differentiated code
  double y = ({ double t = x * x; t; });
  return y;
}

ADGEN_REVERSE()
double duff(double x, int k) {
  double r = 0;
  switch (k) {
  case 0:
    r = x;
    // CHECK: construct-names.cpp:[[@LINE+1]]:5: error: a case label inside a statement nested in a switch (an 'if', a loop) is not supported; put every case label directly in the switch's block
    if (x > 0) {
    case 1:
      r += x * x;
    }
  }
  return r;
}

ADGEN_REVERSE()
double jumped_decl(double x, int k) {
  switch (k) {
    // CHECK: construct-names.cpp:[[@LINE+1]]:5: error: a declaration before the first case label of a switch is not supported; declare the variable before the switch
    double t;
  case 0:
    t = x;
    return t * t;
  default:
    return x;
  }
}
