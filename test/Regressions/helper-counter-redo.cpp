// A helper that counts its calls in an integer global and writes an output
// buffer the caller never reads backwards (left as written, nothing to
// restore there): its reverse helper still undoes the count (inverting the
// increment) and saves the value on the redo log, so the pullback, which
// must leave f's effects, replays it (found by fuzz --calls seeds 94001,
// 94008, 94016 when the pullback dropped the redo log for such calls).
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.check.cpp --check-prefix=GEN
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=OK
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=OK
#include <adgen/adgen.h>
#include <cmath>

int calls = 0;

static void scaled(double x, double *out) {
  ++calls;
  out[0] = 2.0 * std::sin(x);
  out[1] = x * x;
}

ADGEN_REVERSE("x")
double f(double x) {
  double buf[2];
  scaled(x, buf);
  return buf[0] + 3.0 * buf[1] + calls;
}
// GEN-LABEL: double f_pullback({{.*}}) {
// GEN:         adgen::RedoLog::Mark redo_mark = redo.mark();
// GEN:         redo.replay(redo_mark);
// GEN-NEXT:    return result;

// OK: 1 passed, 0 failed
