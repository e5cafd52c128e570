// Marked operators get the contract's names (interface.md §4): a word for
// the symbol, after the class. `S::operator+` gives S_plus_fwd /
// S_plus_pullback, unary `S::operator-` gives S_negate_..., `operator*=`
// S_times_eq_..., `operator[]` S_subscript_..., `operator==` S_equal_...;
// an operator written as a free (or friend) function is named after the class
// of its first class-type parameter, so `Vec operator*(double, const Vec &)`
// gives Vec_times_... just as a member would. Operators called from
// differentiated code get helpers from the same table
// (adgen_detail::Vec_operator_minus_...).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-DAG: ok   Vec::operator+ {{.*}}worst relative error
// RUNCHECK-DAG: ok   Vec::operator- {{.*}}worst relative error
// RUNCHECK-DAG: ok   Vec::operator*= {{.*}}worst relative error
// RUNCHECK-DAG: ok   Vec::operator[] {{.*}}worst relative error
// RUNCHECK-DAG: ok   operator* {{.*}}worst relative error
// RUNCHECK-DAG: ok   dist {{.*}}worst relative error
// RUNCHECK-DAG: ok   Vec::operator== {{.*}}worst relative error
// RUNCHECK: 8 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

struct Vec {
  double x, y;
  // CHECK-DAG: Vec Vec_plus_pullback(const Vec &self, const Vec &o, Vec d_ret, Vec *d_self, Vec *d_o);
  // CHECK-DAG: adgen::Dual<Vec> Vec_plus_fwd(const Vec &self, const Vec &o, const Vec &d_self, const Vec &d_o);
  ADGEN_REVERSE() ADGEN_FORWARD()
  Vec operator+(const Vec &o) const { return {x + o.x, y + o.y}; }
  // Binary and unary minus: two names.
  // CHECK-DAG: Vec Vec_minus_pullback(const Vec &self, const Vec &o, Vec d_ret, Vec *d_self, Vec *d_o);
  ADGEN_REVERSE()
  Vec operator-(const Vec &o) const { return {x - o.x, y - o.y}; }
  // CHECK-DAG: double Vec_negate_grad(const Vec &self, Vec *d_self);
  // CHECK-DAG: adgen::Dual<double> Vec_negate_fwd(const Vec &self, const Vec &d_self);
  ADGEN_REVERSE() ADGEN_FORWARD()
  double operator-() const { return -x * y; } // unusual, to tell it apart
  // CHECK-DAG: void Vec_times_eq_pullback(Vec &self, double s, Vec *d_self, double *d_s);
  // CHECK-DAG: void Vec_times_eq_fwd(Vec &self, double s, Vec &d_self, double d_s);
  ADGEN_REVERSE() ADGEN_FORWARD()
  Vec &operator*=(double s) {
    x *= s;
    y *= std::sin(s);
    return *this;
  }
  // CHECK-DAG: double Vec_subscript_grad(const Vec &self, int i, Vec *d_self);
  ADGEN_REVERSE()
  double operator[](int i) const { return i == 0 ? x : y; }
  // CHECK-DAG: bool Vec_equal_fwd(const Vec &self, const Vec &o, const Vec &d_self, const Vec &d_o);
  ADGEN_FORWARD()
  bool operator==(const Vec &o) const { return x == o.x && y == o.y; }
};

// A free operator: named after its first class-type parameter.
// CHECK-DAG: Vec Vec_times_pullback(double s, const Vec &v, Vec d_ret, double *d_s, Vec *d_v);
// CHECK-DAG: adgen::Dual<Vec> Vec_times_fwd(double s, const Vec &v, double d_s, const Vec &d_v);
ADGEN_REVERSE() ADGEN_FORWARD()
Vec operator*(double s, const Vec &v) { return {s * v.x, s * v.y}; }
inline bool operator<(const Vec &a, const Vec &b) { return a.x * a.x + a.y * a.y < b.x * b.x + b.y * b.y; }

// Operators called from differentiated code: helpers from the same table.
// CHECK-LABEL: double dist_pullback(const Vec &a, const Vec &b, double t, double d_ret, Vec *d_a, Vec *d_b, double *d_t) {
// CHECK:         ::adgen_detail::Vec_operator_minus_record(a, b)
// CHECK:         ::adgen_detail::operator_times_record(t, Vec_operator_minus_result)
// CHECK:         ::adgen_detail::Vec_operator_times_eq_record(
// CHECK:         ::adgen_detail::Vec_operator_negate_record(
// CHECK-LABEL: adgen::Dual<double> dist_fwd(
ADGEN_REVERSE() ADGEN_FORWARD()
double dist(const Vec &a, const Vec &b, double t) {
  Vec d = t * (a - b);
  d *= t;
  double r = d[0] * d[1] + (-d) + (a + b)[1];
  if (a < b)
    r *= 2.0;
  return r;
}

#ifdef ADGEN_TEST_DRIVER
inline Vec Vec_plus_pullback(const Vec &self, const Vec &o, Vec d_ret, Vec *d_self, Vec *d_o);
inline adgen::Dual<Vec> Vec_plus_fwd(const Vec &self, const Vec &o, const Vec &d_self, const Vec &d_o);
inline Vec Vec_minus_pullback(const Vec &self, const Vec &o, Vec d_ret, Vec *d_self, Vec *d_o);
inline double Vec_negate_pullback(const Vec &self, double d_ret, Vec *d_self);
inline double Vec_negate_grad(const Vec &self, Vec *d_self);
inline adgen::Dual<double> Vec_negate_fwd(const Vec &self, const Vec &d_self);
inline void Vec_times_eq_pullback(Vec &self, double s, Vec *d_self, double *d_s);
inline void Vec_times_eq_fwd(Vec &self, double s, Vec &d_self, double d_s);
inline double Vec_subscript_pullback(const Vec &self, int i, double d_ret, Vec *d_self);
inline double Vec_subscript_grad(const Vec &self, int i, Vec *d_self);
inline bool Vec_equal_fwd(const Vec &self, const Vec &o, const Vec &d_self, const Vec &d_o);
Vec Vec_times_pullback(double s, const Vec &v, Vec d_ret, double *d_s, Vec *d_v);
adgen::Dual<Vec> Vec_times_fwd(double s, const Vec &v, double d_s, const Vec &d_v);
double dist_pullback(const Vec &a, const Vec &b, double t, double d_ret, Vec *d_a, Vec *d_b, double *d_t);
double dist_grad(const Vec &a, const Vec &b, double t, Vec *d_a, Vec *d_b, double *d_t);
adgen::Dual<double> dist_fwd(const Vec &a, const Vec &b, double t, const Vec &d_a, const Vec &d_b, double d_t);
#include "adgen_pullback.h"
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  double p0[5] = {0.7, -0.4, 1.3, 0.6, 0.9}; // a.x a.y b.x b.y t
  auto f = [](const double *p) { return dist({p[0], p[1]}, {p[2], p[3]}, p[4]); };
  auto pull = [](const double *p, double s, double *g) {
    Vec da{g[0], g[1]}, db{g[2], g[3]};
    double r = dist_pullback({p[0], p[1]}, {p[2], p[3]}, p[4], s, &da, &db, &g[4]);
    g[0] = da.x, g[1] = da.y, g[2] = db.x, g[3] = db.y;
    return r;
  };
  check_scalar_fn<double>(
      "dist", p0, 5, f,
      [&](const double *p, double *g) { return pull(p, 1.0, g); },
      [](const double *p, const double *t) {
        return dist_fwd({p[0], p[1]}, {p[2], p[3]}, p[4], {t[0], t[1]}, {t[2], t[3]}, t[4]);
      });
  check_pullback_prefilled<double>("dist", p0, 5, f, pull);

  // The marked operators, called by their public names.
  Vec a{0.7, -0.4}, b{1.3, 0.6};
  {
    // Vec_plus: d(a + b) = da + db; pullback into pre-filled adjoints.
    Vec da{1.0, 2.0}, db{-1.0, 0.5};
    Vec r = Vec_plus_pullback(a, b, Vec{0.25, -3.0}, &da, &db);
    check_ulps("plus value", r.x, a.x + b.x);
    check_close("plus d_self.x", da.x, 1.25, 1e-15, 1e-15);
    check_close("plus d_o.y", db.y, -2.5, 1e-15, 1e-15);
    adgen::Dual<Vec> f = Vec_plus_fwd(a, b, Vec{1, 0}, Vec{0, 2});
    check_close("plus fwd", f.tangent.x + f.tangent.y, 3.0, 1e-15, 1e-15);
    Vec dm{0, 0}, dn{0, 0};
    Vec_minus_pullback(a, b, Vec{1.0, 1.0}, &dm, &dn);
    check_close("minus d_o", dn.x + dn.y, -2.0, 1e-15, 1e-15);
  }
  {
    double q0[2] = {0.7, -0.4};
    auto neg = [](const double *p) { return -Vec{p[0], p[1]}; };
    check_scalar_fn<double>(
        "negate", q0, 2, neg,
        [](const double *p, double *g) {
          Vec d{g[0], g[1]};
          double r = Vec_negate_grad({p[0], p[1]}, &d);
          g[0] = d.x, g[1] = d.y;
          return r;
        },
        [](const double *p, const double *t) { return Vec_negate_fwd({p[0], p[1]}, {t[0], t[1]}); });
  }
  {
    // Vec_times_eq: in-out self; s scales x and sin(s) scales y.
    double s = 0.8;
    Vec v = a, dv{0.5, -1.5}; // adjoint of the final value on entry
    double ds = 0.0;
    Vec_times_eq_pullback(v, s, &dv, &ds);
    check_close("times_eq d_self.x", dv.x, 0.5 * s, 1e-15, 1e-15);
    check_close("times_eq d_self.y", dv.y, -1.5 * std::sin(s), 1e-15, 1e-15);
    check_close("times_eq d_s", ds, 0.5 * a.x + -1.5 * a.y * std::cos(s), 1e-14, 1e-15);
    check_ulps("times_eq effect", v.y, a.y * std::sin(s));
    Vec w = a, dw{1.0, 1.0};
    Vec_times_eq_fwd(w, s, dw, 0.5);
    check_close("times_eq fwd", dw.y, std::sin(s) + 0.5 * a.y * std::cos(s), 1e-14, 1e-15);
  }
  {
    Vec d{0, 0};
    double r = Vec_subscript_grad(a, 1, &d);
    check_exact("subscript value", r, a.y);
    check_exact("subscript d_self", d.y, 1.0);
    check_true("equal fwd", Vec_equal_fwd(a, a, b, b) && !Vec_equal_fwd(a, b, a, b));
    double ds = 0.5;
    Vec dv{0, 0};
    Vec r2 = Vec_times_pullback(2.0, a, Vec{1.0, -1.0}, &ds, &dv);
    check_ulps("times value", r2.y, 2.0 * a.y);
    check_close("times d_s", ds, 0.5 + a.x - a.y, 1e-15, 1e-15);
    check_close("times d_v", dv.x, 2.0, 1e-15, 1e-15);
    adgen::Dual<Vec> f = Vec_times_fwd(2.0, a, 1.0, Vec{0, 0});
    check_ulps("times fwd", f.tangent.y, a.y);
  }
  return finish();
}
#endif
