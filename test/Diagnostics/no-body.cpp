// A call to a function with no visible body and no custom derivative: the
// error names the function and says how to fix it (define it in this
// translation unit or supply ADGEN_CUSTOM derivatives). Clad silently fell
// back to finite differences here.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

double opaque(double x, double y);

ADGEN_REVERSE()
double f(double x) {
  // CHECK: no-body.cpp:[[@LINE+1]]:14: error: no derivative for 'opaque': its body is not visible; define it in this file, or write 'opaque_pullback' and mark it ADGEN_CUSTOM
  double y = opaque(x, 2.0) * x;
  return y;
}
