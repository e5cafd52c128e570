// Member functions: a marked method R S::m(P...) gets free functions S_m_fwd,
// S_m_pullback, S_m_grad in S's namespace whose first parameter is the object,
// `self` (const S& for a const method, S& otherwise; d_self among the
// derivatives). `self` can be named in specs. Calls to methods from
// differentiated code (v.norm(), this->x, p->energy()) are differentiated too.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

namespace phys {
struct Vec2 {
  double x, y;
  double norm() const { return std::sqrt(x * x + y * y); }

  ADGEN_REVERSE() ADGEN_FORWARD()
  double dist(const Vec2 &o) const {
    Vec2 d{x - o.x, y - o.y};
    return d.norm();
  }

  // A non-const method: self is an in-out value.
  ADGEN_REVERSE() ADGEN_FORWARD()
  void scale(double s) {
    x *= s;
    this->y *= s;
  }
};

struct Spring {
  Vec2 a, b;
  double k, rest;
  double energy() const {
    double e = a.dist(b) - rest;
    return 0.5 * k * e * e;
  }
  // Only the object, named `self` in the spec.
  ADGEN_REVERSE("self") ADGEN_FORWARD("self")
  double total(const Spring *more, int n) const {
    double E = energy();
    for (int i = 0; i < n; ++i)
      E += more[i].energy() + (*this).energy() * 0.0;
    return E;
  }
};

// Methods called from a free function.
ADGEN_REVERSE("s") ADGEN_FORWARD("s")
double stretched(Spring &s, double f) {
  s.b.scale(f);
  return s.energy();
}
} // namespace phys
// CHECK-LABEL: inline double Vec2_dist_pullback(const phys::Vec2 &self, const phys::Vec2 &o, double d_ret, phys::Vec2 *d_self, phys::Vec2 *d_o) {
// CHECK:         d.x = self.x - o.x;
// CHECK:         ::phys::adgen_detail::Vec2_norm_reverse(d, d_Vec2_norm, &d_d, tape);
// CHECK:         d_self->x += d_d.x;
// CHECK-LABEL: inline double Vec2_dist_grad(const phys::Vec2 &self, const phys::Vec2 &o, phys::Vec2 *d_self, phys::Vec2 *d_o) {
// CHECK-LABEL: static double Vec2_norm_record(const phys::Vec2 &self, adgen::Tape &tape) {
// CHECK-LABEL: inline adgen::Dual<double> Vec2_dist_fwd(const phys::Vec2 &self, const phys::Vec2 &o, const phys::Vec2 &d_self, const phys::Vec2 &d_o) {
// CHECK-LABEL: inline void Vec2_scale_pullback(phys::Vec2 &self, double s, phys::Vec2 *d_self, double *d_s) {
// CHECK:         self.y = self.y * s;
// CHECK-LABEL: inline void Vec2_scale_fwd(phys::Vec2 &self, double s, phys::Vec2 &d_self, double d_s) {
// CHECK-LABEL: inline double Spring_total_pullback(const phys::Spring &self, const phys::Spring *more, int n, double d_ret, phys::Spring *d_self) {
// CHECK-LABEL: inline adgen::Dual<double> Spring_total_fwd(const phys::Spring &self, const phys::Spring *more, int n, const phys::Spring &d_self) {
// CHECK-LABEL: double stretched_pullback(phys::Spring &s, double f, double d_ret, phys::Spring *d_s) {
// CHECK:         ::phys::adgen_detail::Vec2_scale_record_wrt_self(s.b, f, tape);
// CHECK:         ::phys::adgen_detail::Vec2_scale_reverse_wrt_self(s.b, f, &d_s->b, tape);
// CHECK-LABEL: adgen::Dual<double> stretched_fwd(phys::Spring &s, double f, phys::Spring &d_s) {

#ifdef ADGEN_TEST_DRIVER
namespace phys {
double Vec2_dist_grad(const Vec2 &self, const Vec2 &o, Vec2 *d_self, Vec2 *d_o);
adgen::Dual<double> Vec2_dist_fwd(const Vec2 &self, const Vec2 &o, const Vec2 &d_self, const Vec2 &d_o);
void Vec2_scale_pullback(Vec2 &self, double s, Vec2 *d_self, double *d_s);
void Vec2_scale_fwd(Vec2 &self, double s, Vec2 &d_self, double d_s);
double Spring_total_grad(const Spring &self, const Spring *more, int n, Spring *d_self);
adgen::Dual<double> Spring_total_fwd(const Spring &self, const Spring *more, int n, const Spring &d_self);
double stretched_pullback(Spring &s, double f, double d_ret, Spring *d_s);
adgen::Dual<double> stretched_fwd(Spring &s, double f, Spring &d_s);
} // namespace phys
#include "adgen_test.h"
using namespace phys;
int main() {
  using namespace adgen_test;
  double xd[4] = {0.3, -1.2, 1.5, 0.4};
  check_scalar_fn<double>(
      "Vec2::dist", xd, 4,
      [](const double *a) { return Vec2{a[0], a[1]}.dist(Vec2{a[2], a[3]}); },
      [](const double *a, double *g) {
        Vec2 ga{g[0], g[1]}, gb{g[2], g[3]};
        double r = Vec2_dist_grad(Vec2{a[0], a[1]}, Vec2{a[2], a[3]}, &ga, &gb);
        g[0] = ga.x; g[1] = ga.y; g[2] = gb.x; g[3] = gb.y;
        return r;
      },
      [](const double *a, const double *t) {
        return Vec2_dist_fwd(Vec2{a[0], a[1]}, Vec2{a[2], a[3]}, Vec2{t[0], t[1]}, Vec2{t[2], t[3]});
      });

  double xs[3] = {0.7, -0.2, 1.7};
  check_vector_fn<double>(
      "Vec2::scale", xs, 3, 2,
      [](const double *a, double *y) {
        Vec2 v{a[0], a[1]};
        v.scale(a[2]);
        y[0] = v.x; y[1] = v.y;
      },
      [](const double *a, const double *ybar, double *xbar) {
        Vec2 v{a[0], a[1]}, dv{ybar[0], ybar[1]};
        double ds = 0;
        Vec2_scale_pullback(v, a[2], &dv, &ds);
        check_ulps("scale_pullback effects", v.x, a[0] * a[2]);
        xbar[0] += dv.x; xbar[1] += dv.y; xbar[2] += ds;
      },
      [](const double *a, const double *t, double *y, double *yd) {
        Vec2 v{a[0], a[1]}, dv{t[0], t[1]};
        Vec2_scale_fwd(v, a[2], dv, t[2]);
        y[0] = v.x; y[1] = v.y; yd[0] = dv.x; yd[1] = dv.y;
      });

  Spring more[2] = {{{0, 0}, {1, 1}, 2.0, 1.0}, {{1, 0}, {0.5, 2}, 0.5, 1.5}};
  auto spring = [](const double *a) { return Spring{{a[0], a[1]}, {a[2], a[3]}, a[4], a[5]}; };
  auto unspring = [](const Spring &s, double *a) {
    double v[6] = {s.a.x, s.a.y, s.b.x, s.b.y, s.k, s.rest};
    for (int i = 0; i < 6; ++i) a[i] = v[i];
  };
  double xt[6] = {0.1, 0.2, 1.4, 0.9, 3.0, 0.8};
  check_scalar_fn<double>(
      "Spring::total", xt, 6, [&](const double *a) { return spring(a).total(more, 2); },
      [&](const double *a, double *g) {
        Spring gs = spring(g);
        double r = Spring_total_grad(spring(a), more, 2, &gs);
        unspring(gs, g);
        return r;
      },
      [&](const double *a, const double *t) { return Spring_total_fwd(spring(a), more, 2, spring(t)); });

  check_vector_fn<double>(
      "stretched", xt, 6, 1,
      [&](const double *a, double *y) { Spring s = spring(a); y[0] = stretched(s, 1.3); },
      [&](const double *a, const double *ybar, double *xbar) {
        Spring s = spring(a), ds = spring(xbar), want = spring(a);
        double r = stretched_pullback(s, 1.3, ybar[0], &ds);
        check_ulps("stretched_pullback value", r, stretched(want, 1.3));
        check_ulps("stretched_pullback effects", s.b.x, want.b.x);
        unspring(ds, xbar);
      },
      [&](const double *a, const double *t, double *y, double *yd) {
        Spring s = spring(a), ds = spring(t);
        auto r = stretched_fwd(s, 1.3, ds);
        y[0] = r.value; yd[0] = r.tangent;
      });
  return finish();
}
#endif
