// A call of the user's own variadic function (a logger) with numbers and
// string literals only, as a statement, whose body names no floating-point
// global, runs as written wherever f runs, like printf (from Clad's
// CountedReverseLoops test). Refused: a pointer argument, a body that names
// a floating-point global, the call's value used.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUN: not %adgen %s -o %t.bad.cpp -- -std=c++17 -DREFUSE 2>&1 | FileCheck %s --check-prefix=REFUSE --implicit-check-not=error:
// RUNCHECK: 1 passed, 0 failed
#include <adgen/adgen.h>
#include <cstdarg>

int calls = 0;
int note(const char *tag, ...) {
  (void)tag;
  return ++calls;
}
namespace lg {
void trace(int level, ...) { calls += level; }
} // namespace lg

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double logsIndex(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) {
    note("i", i, 2.5 * i);
    lg::trace(1, x[i]);
    s += x[i] * x[i];
  }
  return s;
}
// CHECK-LABEL: double logsIndex_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK: ::note("i", i,
// CHECK: ::lg::trace(1, x[i]);
// CHECK-LABEL: adgen::Dual<double> logsIndex_fwd(const double *x, int n, const double *d_x) {
// CHECK: ::note("i", i,

#ifdef REFUSE
double g_seen = 0;
void remember(int n, ...) { g_seen += n; }
ADGEN_REVERSE()
double refused(double x, double *w) {
  // REFUSE: variadic-logging.cpp:[[@LINE+1]]:3: error: call to variadic function 'note' is not supported
  note("w", w);
  return x * w[0];
}
ADGEN_REVERSE()
double refused2(double x) {
  // REFUSE: variadic-logging.cpp:[[@LINE+1]]:3: error: call to variadic function 'remember' is not supported
  remember(1, 2);
  return x * g_seen;
}
#endif
