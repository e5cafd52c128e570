// User-written copies that change a value: a copy constructor that scales,
// one that counts copies in an int field, a copy assignment that scales.
// adgen runs them where the program copies (`S t = s;`, `t = s;`, passing
// by value, returning a parameter by value) and differentiates them like any
// constructor or member function: the adjoint of `Scaled t = s;` is
// d_s.x += 2 * d_t.x. Its own objects of such classes (tangents, adjoints,
// temporaries) are made, zeroed and copied as bytes (adgen::Blank,
// adgen::zero, adgen::copyBytes), never through the user's copies.
// Refused forms: test/Diagnostics/user-copies.cpp.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.gen.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-DAG: ok   copy_scales {{.*}}worst relative error
// RUNCHECK-DAG: ok   copy_counts {{.*}}worst relative error
// RUNCHECK-DAG: ok   assign_halves {{.*}}worst relative error
// RUNCHECK-DAG: ok   by_value {{.*}}worst relative error
// RUNCHECK-DAG: ok   in_loop {{.*}}worst relative error
// RUNCHECK-DAG: ok   moves {{.*}}worst relative error
// RUNCHECK-DAG: ok   through_helper {{.*}}worst relative error
// RUNCHECK: 7 passed, 0 failed
#include <adgen/adgen.h>
#include <utility>

// A plain copy, and a move that triples.
struct Moved {
  double v;
  Moved(double a) : v(a) {}
  Moved(const Moved &o) : v(o.v) {}
  Moved(Moved &&o) : v(3 * o.v) {}
  Moved &operator=(const Moved &o) {
    v = o.v;
    return *this;
  }
  Moved &operator=(Moved &&o) {
    v = o.v;
    return *this;
  }
};

// Every copy doubles x; a shift shows that zeroed objects never run it.
struct Scaled {
  double x;
  Scaled(double a) : x(a) {}
  Scaled(const Scaled &o) : x(2 * o.x + 0.5) {}
};

// Counts its copies: the count multiplies the value read.
struct Counted {
  double v;
  int copies;
  Counted(double a) : v(a), copies(0) {}
  Counted(const Counted &o) : v(o.v), copies(o.copies + 1) {}
};

// A plain copy, but an assignment that halves.
struct Halved {
  double h;
  Halved(double a) : h(a) {}
  Halved(const Halved &o) : h(o.h) {}
  Halved &operator=(const Halved &o) {
    h = 0.5 * o.h;
    return *this;
  }
};

// s is a copy of the argument (x doubled); returning s copies it again.
Scaled grow(Scaled s, double k) {
  s.x = s.x * k;
  return s;
}
// A prvalue result is not copied.
Scaled made(double a) { return Scaled(a * a); }
double square(Scaled s) { return s.x * s.x; }

// CHECK-LABEL: double copy_scales_pullback(double a, double d_ret, double *d_a) {
// CHECK:         Scaled &&d_t = adgen::Blank<Scaled>().Value;
// CHECK:         t.x = 2.0 * s.x + 0.5;
// CHECK:         d_s.x += d_t.x * 2.0;
// CHECK-LABEL: adgen::Dual<double> copy_scales_fwd(double a, double d_a) {
ADGEN_REVERSE() ADGEN_FORWARD()
double copy_scales(double a) {
  Scaled s(a);
  Scaled t = s;
  return t.x * a;
}

// CHECK-LABEL: double copy_counts_pullback(double a, double d_ret, double *d_a) {
// CHECK:         d.copies = c.copies + 1;
// CHECK:         e.copies = d.copies + 1;
ADGEN_REVERSE() ADGEN_FORWARD()
double copy_counts(double a) {
  Counted c(a);
  Counted d = c;
  Counted e(d);
  return e.v * e.copies + d.v * d.copies;
}

// CHECK-LABEL: double assign_halves_pullback(double a, double b, double d_ret, double *d_a, double *d_b) {
// CHECK:         ::adgen_detail::Halved_operator_assign_record(q, p, tape);
// CHECK:         ::adgen_detail::Halved_operator_assign_reverse(q, p, &d_q, &d_p, tape);
ADGEN_REVERSE() ADGEN_FORWARD()
double assign_halves(double a, double b) {
  Halved p(a), q(b);
  q = p;
  Halved r = q;
  r = q;
  return q.h * b + r.h;
}

// Passed by value and returned by value: inlined at the call, each copy
// run in place.
// CHECK-LABEL: double by_value_pullback(double a, double b, double d_ret, double *d_a, double *d_b) {
// CHECK:         s_1.x = 2.0 * s.x + 0.5;
// CHECK:         s_1.x = s_1.x * k;
// CHECK-NEXT:    grow.x = 2.0 * s_1.x + 0.5;
// CHECK-NEXT:    g.x = grow.x;
ADGEN_REVERSE() ADGEN_FORWARD()
double by_value(double a, double b) {
  Scaled s(a);
  Scaled g = grow(s, b);
  Scaled m = made(b);
  return square(g) + a * m.x;
}

// Objects overwritten in a loop: their old values are restored from the
// tape field by field, never through the user's copies.
// CHECK-LABEL: double in_loop_pullback(double a, double b, double d_ret, double *d_a, double *d_b) {
// CHECK:         t.x = tape.pop<double>();
// CHECK-NEXT:    d_s.x += d_t.x * 2.0;
// CHECK-NEXT:    d_t.x = 0.0;
// CHECK-NEXT:    adgen::zero(d_t);
ADGEN_REVERSE() ADGEN_FORWARD()
double in_loop(double a, double b) {
  Scaled s(a);
  Halved h(b);
  double sum = 0;
  for (int i = 0; i < 3; ++i) {
    Scaled t = s;
    Halved k(t.x);
    h = k;
    s.x = t.x * b - h.h;
    sum += s.x * h.h;
  }
  return sum;
}

// `Moved t = std::move(s);` runs the move constructor in place; s keeps its
// value (the move does not change it).
// CHECK-LABEL: double moves_pullback(double a, double d_ret, double *d_a) {
// CHECK:         t.v = 3.0 * s.v;
// CHECK-NEXT:    u.v = t.v;
// CHECK:         d_s.v += d_t.v * 3.0;
ADGEN_REVERSE() ADGEN_FORWARD()
double moves(double a) {
  Moved s(a);
  Moved t = std::move(s);
  Moved u = t;
  return t.v * u.v + s.v;
}

// A copy inside a helper that takes the object by reference: the helper's
// forward sweep saves the whole object it overwrites, and the backward
// sweep puts its bytes back (tape.popInto), not a copy of them. Also as
// f_jacobian and f_hessian (forward over reverse).
double scaled_times(const Scaled &s, double b) {
  Scaled t = s;
  return t.x * b;
}
// CHECK-LABEL: double through_helper_pullback(double a, double b, double d_ret, double *d_a, double *d_b) {
// CHECK:         ::adgen_detail::scaled_times_record(t, b, tape);
// CHECK-LABEL: static void scaled_times_reverse(const Scaled &s, double b, double d_result_1, Scaled *d_s, double *d_b, adgen::Tape &tape) {
// CHECK:         tape.popInto(t);
// CHECK:         d_s->x += d_t.x * 2.0;
ADGEN_REVERSE() ADGEN_FORWARD() ADGEN_JACOBIAN() ADGEN_HESSIAN()
double through_helper(double a, double b) {
  Scaled s(a * b);
  Scaled t = s;
  return scaled_times(t, b) * a;
}
