// --emit=plan prints reverse mode's storage plan, decided before either
// sweep is written: per statement in source order, what the forward sweep
// stores for the backward sweep and what it does not need to. The
// generated pullback stores exactly that (second half of this test).
// RUN: %adgen %s --emit=plan -o %t.plan -- -std=c++17
// RUN: FileCheck %s --input-file=%t.plan --check-prefix=PLAN --implicit-check-not=error:
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --check-prefix=GEN
// RUN: %cxx -c %t.gen.cpp -o %t.o
// RUN: not %adgen %s --emit=plan --header %t.h -- -std=c++17 2>&1 | FileCheck %s --check-prefix=HDR
#include <adgen/adgen.h>
#include <cmath>

static void scale(const double* x, double a, double* out, int n) {
  for (int i = 0; i < n; ++i)
    out[i] = a * x[i];
}

ADGEN_REVERSE("x[n], a")
ADGEN_FORWARD("x[n], a")
double f(const double* x, double a, int n) {
  double buf[4];
  scale(x, a, buf, n);
  double s = 0;
  for (int i = 0; i < n; ++i) {
    double t = std::sin(x[i]);
    s = s * t + buf[i];
  }
  int k = 0;
  while (s > 1.0) {
    s = std::sqrt(s);
    ++k;
  }
  if (s < 0.5)
    s = s * a;
  return s;
}
// PLAN-LABEL: plan f_pullback
// PLAN-NEXT:    line 23  call scale: buf[] left as written (not read backwards)
// PLAN-NEXT:    line 25  loop i: counted; reversed from its bounds
// PLAN-NEXT:    line 26  t: recomputed in the backward sweep
// PLAN-NEXT:    line 27  s: old value stored
// PLAN-NEXT:    line 30  loop: trip count stored
// PLAN-NEXT:    line 31  sqrt_val: old value stored
// PLAN-NEXT:    line 34  if: branch stored
// PLAN-NEXT:    line 35  s: old value stored
// PLAN-NEXT:    stored: s
// PLAN-NEXT:  end plan
// PLAN-LABEL: plan f_fwd
// PLAN-NEXT:    forward mode: nothing stored
// PLAN-NEXT:  end plan

// GEN-LABEL: double f_pullback({{.*}}) {
// GEN:         ::adgen_detail::scale_record(x, a, buf, n);
// GEN:         tape_at.push(s);
// GEN-NEXT:    s = s * t + buf[i];
// GEN:         tape.push(sqrt_val);
// GEN-NEXT:    sqrt_val = std::sqrt(s);
// GEN:         tape.push(iterations);
// GEN:         tape.push(s);
// GEN-NEXT:    s = s * a;
// GEN-LABEL: /// Tape: nothing.
// GEN-NEXT:  /// Runs scale and records what scale_reverse needs.

// HDR: adgen: error: --header declares generated functions; it cannot be combined with --emit=plan
