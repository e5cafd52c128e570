// goto is refused with a located error (Clad skipped it with a warning and
// returned a zero derivative); no output file is written.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

ADGEN_REVERSE()
double f(double x) {
  double s = x;
  if (s > 1.0)
    // CHECK: goto.cpp:[[@LINE+3]]:5: error: 'goto' is not supported; adgen differentiates structured control flow only (use loops, break and continue)
    // CHECK-NEXT: {{^ *}}[[@LINE+2]] |     goto done;
    // CHECK-NEXT: {{^ *}}|     ^
    goto done;
  s = s * s;
// One error: the label after it is not reported again.
done:
  return s;
}
