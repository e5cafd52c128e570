// Programs the struct fuzzer (test/fuzz/gen.py --structs) found adgen
// mishandling, checked by --emit=check (forward and reverse against central
// differences and each other) and compiled with -Wall -Wextra -Werror:
//  - a struct field passed to a `double&` parameter (adgen crashed);
//  - a helper returning a struct whose reverse does nothing, a struct
//    assigned to itself, struct locals the derivative code never reads
//    (unused or set-but-unused variables in the generated code).
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s
// CHECK: 4 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

struct V2 {
  double x, y;
};
struct Box {
  double w;
};

void hr0(double &r, double v) { r += v; }
ADGEN_REVERSE("a -> return") ADGEN_FORWARD("a -> return")
double fieldRef(double a) {
  Box b{a};
  hr0(b.w, a);
  return b.w * a;
}

V2 mk0(V2 a) { return V2{0.5 * a.x, a.y}; }
ADGEN_REVERSE("a -> return") ADGEN_FORWARD("a -> return")
double inactiveResult(double a) {
  V2 v{};
  V2 w = mk0(v);
  w.x *= a;
  return w.x + a * a;
}

ADGEN_REVERSE("a -> return") ADGEN_FORWARD("a -> return")
double selfAssign(double a) {
  V2 v{a, 2 * a};
  V2 &same = v;
  v = same;
  return a * a;
}

V2 mk(V2 a, double t) {
  V2 r = a;
  r.x = std::cos(t) * a.x;
  r.y = std::sin(t) * a.y;
  return r;
}
void turn(V2 &o, double u) {
  V2 old = o;
  o.x = 0.75 * old.y + 0.25 * u;
  o.y = 0.75 * old.x;
}
V2 half(V2 a) {
  a.x = 0.5 * a.x;
  return a;
}
ADGEN_REVERSE("x[n], a -> return") ADGEN_FORWARD("x[n], a -> return")
double unusedLocals(const double *x, int n, double a) {
  V2 v{x[0], a};
  turn(v, x[1]);
  return mk(v, x[n - 1]).x + half(v).y;
}
