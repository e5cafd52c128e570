// User-written copies written in the other ways people write a plain copy:
// an initialiser that leaves the value as it is (`v(o.v * 1.0)`, `+o.a`,
// `o.b / 1`, a cast to the field's own type), a constructor body of
// `field = o.field;` assignments, and copy assignments guarded against
// self-assignment (`if (this != &o) {...}`, `if (this == &o) return *this;`).
// Each copies every field, so adgen's own copies (one assignment per field,
// tape values restored byte by byte, derivative objects made zero) are the
// user's copies. Copies that compute something else are run where the
// program copies (test/Classes/user-copies-values.cpp).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-DAG: ok   user_copy_ctor {{.*}}worst relative error
// RUNCHECK-DAG: ok   copy_forms {{.*}}worst relative error
// RUNCHECK: 2 passed, 0 failed
#include <adgen/adgen.h>

struct CopyUser {
  double v;
  CopyUser(double x) : v(x) {}
  CopyUser(const CopyUser &o) : v(o.v * 1.0) {}
  CopyUser &operator=(const CopyUser &o) {
    v = o.v;
    return *this;
  }
};

// Copied in the constructor's body; y has a default member initialiser.
struct BodyCopy {
  double x;
  double y = 3.0;
  BodyCopy(double a, double b) : x(a), y(b) {}
  BodyCopy(const BodyCopy &o) {
    x = o.x;
    this->y = o.y + 0.0;
  }
  BodyCopy &operator=(const BodyCopy &o) {
    if (this != &o) {
      x = o.x;
      y = o.y;
    }
    return *this;
  }
};

struct Guarded {
  double a, b;
  int n;
  Guarded(double p, double q) : a(p), b(q), n(2) {}
  Guarded(const Guarded &o) : a(+o.a), b(o.b / 1), n(static_cast<int>(o.n)) {}
  Guarded &operator=(const Guarded &o) {
    if (this == &o)
      return *this;
    a = 1.0 * o.a;
    b = static_cast<double>(o.b);
    n = o.n;
    return *this;
  }
};

BodyCopy swapped(BodyCopy c) { // by value, returned by value
  BodyCopy r(c.y, c.x * c.y);
  return r;
}

// CHECK-LABEL: double user_copy_ctor_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK:         b.v = a.v;
// CHECK:         c.v = b.v;
ADGEN_REVERSE() ADGEN_FORWARD()
double user_copy_ctor(double x, double y) {
  CopyUser a(x);
  CopyUser b = a;
  CopyUser c(y);
  c = b;
  return c.v * y + b.v;
}

// CHECK-LABEL: double copy_forms_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK:         q.x = p.x;
// CHECK-NEXT:    q.y = p.y;
// CHECK-LABEL: adgen::Dual<double> copy_forms_fwd(double x, double y, double d_x, double d_y) {
ADGEN_REVERSE() ADGEN_FORWARD()
double copy_forms(double x, double y) {
  BodyCopy p(x, y);
  BodyCopy q = p;
  Guarded g(x * y, y);
  double s = 0;
  for (int i = 0; i < 3; ++i) {
    Guarded h = g; // overwritten each pass: its old values go on the tape
    h.a *= q.x;
    g = h;
    q = swapped(q);
    s += g.a * g.n + q.y;
  }
  return s + g.b * p.x;
}
