// Classes with user-written copy and move constructors, copy and move
// assignments and destructors. adgen copies objects itself, field by field
// (and on its tape byte by byte), and makes and destroys derivative objects
// of its own; that is right when the user's members do the same: copies
// that copy each field, destructors that change no value (empty, asserts,
// prints). Such classes are accepted, their copies built as one assignment
// per field; copies that change values: test/Classes/user-copies-values.cpp.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-DAG: ok   energy {{.*}}worst relative error
// RUNCHECK-DAG: ok   P::scale {{.*}}worst relative error
// RUNCHECK: 2 passed, 0 failed
#include <adgen/adgen.h>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <utility>

// Rule of five, each member a plain copy; the destructor only asserts.
struct P {
  double x, y;
  int id;
  P() : x(0), y(0), id(0) {}
  P(double a, double b) : x(a), y(b), id(1) {}
  P(const P &o) : x(o.x), y(o.y), id(o.id) {}
  P(P &&o) noexcept : x(std::move(o.x)), y(o.y), id(o.id) {}
  P &operator=(const P &o) {
    x = o.x;
    y = o.y;
    id = o.id;
    return *this;
  }
  P &operator=(P &&o) noexcept {
    this->x = o.x;
    y = o.y;
    id = o.id;
    return *this;
  }
  ~P() { assert(id >= 0); }
  double r() const { return std::sqrt(x * x + y * y); }
  // CHECK-LABEL: void P_scale_pullback(P &self, double s, P *d_self, double *d_s) {
  ADGEN_REVERSE() ADGEN_FORWARD()
  void scale(double s) {
    P old = *this; // a user-written copy
    x = old.x * s;
    y = old.y * s * s;
  }
};
// A destructor that prints (nothing, so the test's output stays clean).
struct Logged {
  double v[2];
  ~Logged() { std::printf("%s", ""); }
};
// Members whose copies are user-written: the implicit copies of Holder copy them.
struct Holder {
  P p;
  Logged l;
  double k;
  Holder(double a) : p(a, 2 * a), l{{a, a * a}}, k(a) {}
};

P shift(const P &a, double t) {
  P b = a;
  b.x += t;
  return b;
}

// CHECK-LABEL: double energy_pullback(const P &a, double t, double d_ret, P *d_a, double *d_t) {
// CHECK:         P b = adgen::zeroed<P>();
// CHECK:         b.x = a.x;
// CHECK-NEXT:    b.y = a.y;
// CHECK-NEXT:    b.id = a.id;
// CHECK:         c.x = b.x;
// CHECK:         d = ::adgen_detail::shift_record(c, t);
// CHECK:         h2.p.x = g.p.x;
// CHECK-LABEL: adgen::Dual<double> energy_fwd(const P &a, double t, const P &d_a, double d_t) {
ADGEN_REVERSE() ADGEN_FORWARD()
double energy(const P &a, double t) {
  P b = a;
  P c(t, t * t);
  c = b; // copy assignment
  c.y *= t;
  P d = shift(c, t);
  P e(std::move(d)); // move constructor
  e = P(e.y, t);     // move assignment
  Holder h(t);
  Holder g = h; // implicit copies that call the members' user-written ones
  g.p = e;
  Holder h2(2.0 * t);
  h2 = g;
  h2.k *= t;
  return d.r() + c.r() * g.p.x + g.l.v[1] * h.k + e.x + h2.k * h2.p.y;
}

#ifdef ADGEN_TEST_DRIVER
double energy_pullback(const P &a, double t, double d_ret, P *d_a, double *d_t);
double energy_grad(const P &a, double t, P *d_a, double *d_t);
adgen::Dual<double> energy_fwd(const P &a, double t, const P &d_a, double d_t);
inline void P_scale_pullback(P &self, double s, P *d_self, double *d_s);
inline void P_scale_fwd(P &self, double s, P &d_self, double d_s);
#include "adgen_pullback.h"
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  double p0[3] = {0.7, -0.4, 1.3}; // a.x a.y t
  auto f = [](const double *p) { return energy(P(p[0], p[1]), p[2]); };
  auto pull = [](const double *p, double s, double *g) {
    P d(g[0], g[1]);
    double r = energy_pullback(P(p[0], p[1]), p[2], s, &d, &g[2]);
    g[0] = d.x, g[1] = d.y;
    return r;
  };
  check_scalar_fn<double>(
      "energy", p0, 3, f, [&](const double *p, double *g) { return pull(p, 1.0, g); },
      [](const double *p, const double *t) {
        return energy_fwd(P(p[0], p[1]), p[2], P(t[0], t[1]), t[2]);
      });
  check_pullback_prefilled<double>("energy", p0, 3, f, pull);

  // P_scale: in-out self; x * s, y * s * s.
  {
    P v(0.7, -0.4), dv(0.5, 1.5);
    double ds = 0.25, s = 1.3;
    P_scale_pullback(v, s, &dv, &ds);
    check_ulps("scale effect", v.y, -0.4 * s * s);
    check_close("scale d_self.x", dv.x, 0.5 * s, 1e-15, 1e-15);
    check_close("scale d_self.y", dv.y, 1.5 * s * s, 1e-15, 1e-15);
    check_close("scale d_s", ds, 0.25 + 0.5 * 0.7 + 1.5 * -0.4 * 2 * s, 1e-14, 1e-15);
    P w(0.7, -0.4), dw(1.0, 1.0);
    P_scale_fwd(w, s, dw, 0.5);
    check_close("scale fwd", dw.y, s * s + 0.5 * -0.4 * 2 * s, 1e-14, 1e-15);
  }
  return finish();
}
#endif
