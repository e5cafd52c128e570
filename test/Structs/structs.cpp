// Structs with floating-point fields: as parameters (by value, const S&, S&,
// S*), locals, aggregate initialisation, nested structs, arrays of structs,
// integer fields, and helpers returning structs (Vec3 add(Vec3, Vec3)).
// Tangents and adjoints of a struct are the same struct type.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

namespace geo {
struct Vec3 {
  double x, y, z;
};
struct Particle {
  Vec3 pos;
  double mass;
  int id; // carries no derivative
};
struct Frame {
  double c[3]; // an array field
  Vec3 axis;
};

inline Vec3 add(Vec3 a, Vec3 b) { return Vec3{a.x + b.x, a.y + b.y, a.z + b.z}; }
inline Vec3 scale(const Vec3 &a, double s) { return {a.x * s, a.y * s, a.z * s}; }
inline double dot(const Vec3 &a, const Vec3 &b) { return a.x * b.x + a.y * b.y + a.z * b.z; }

// By value and by const reference; a copy, then an in-place update of a field.
ADGEN_REVERSE() ADGEN_FORWARD()
double energy(const Vec3 &p, Vec3 v, double k) {
  Vec3 q = add(p, scale(v, k));
  Vec3 r = q;
  r.x *= 2;
  return dot(r, q) + std::sin(p.y);
}
// CHECK-LABEL: double energy_pullback(const geo::Vec3 &p, geo::Vec3 v, double k, double d_ret, geo::Vec3 *d_p, geo::Vec3 *d_v, double *d_k) {
// CHECK:         r.x = q.x;
// CHECK:         d_p->y += d_result * sincos_p.cos;
// CHECK:         ::geo::adgen_detail::dot_reverse(r, q, d_dot, &d_r, &d_q);
// CHECK-LABEL: double energy_grad(const geo::Vec3 &p, geo::Vec3 v, double k, geo::Vec3 *d_p, geo::Vec3 *d_v, double *d_k) {
// CHECK-LABEL: static geo::Vec3 scale_record(const geo::Vec3 &a, double s) {
// CHECK-LABEL: static void scale_reverse(const geo::Vec3 &a, double s, geo::Vec3 d_result_1, geo::Vec3 *d_a, double *d_s) {
// CHECK:         d_a->z += d_vec3.z * s;
// CHECK-LABEL: adgen::Dual<double> energy_fwd(const geo::Vec3 &p, geo::Vec3 v, double k, const geo::Vec3 &d_p, geo::Vec3 d_v, double d_k) {
// CHECK:         adgen::Dual<geo::Vec3> scale_dual = ::geo::adgen_detail::scale_fwd(v, k, d_v, d_k);
// CHECK-LABEL: static inline adgen::Dual<geo::Vec3> add_fwd(geo::Vec3 a, geo::Vec3 b, geo::Vec3 d_a, geo::Vec3 d_b) {
// CHECK:         return adgen::Dual<geo::Vec3>{vec3, d_vec3};

// An array of structs through a pointer (nested fields, an int field), a
// struct output by reference, a zero-initialised local struct.
ADGEN_REVERSE("ps, w -> out") ADGEN_FORWARD("ps, w -> out")
void centre(const Particle *ps, int n, double w, Vec3 &out) {
  Vec3 c{};
  double m = 0;
  for (int i = 0; i < n; ++i) {
    c = add(c, scale(ps[i].pos, ps[i].mass * w));
    m += ps[i].mass * (ps[i].id > 0 ? 1.0 : 0.5);
  }
  out = scale(c, 1.0 / m);
}
// CHECK-LABEL: void centre_pullback(const geo::Particle *ps, int n, double w, geo::Vec3 &out, geo::Particle *d_ps, double *d_w, geo::Vec3 *d_out) {
// CHECK:         ::geo::adgen_detail::scale_reverse(ps[i].pos, ps[i].mass * w, d_scale_{{[0-9]+}}, &d_ps[i].pos, &d_s_{{[0-9]+}});
// CHECK-LABEL: void centre_fwd(const geo::Particle *ps, int n, double w, geo::Vec3 &out, const geo::Particle *d_ps, double d_w, geo::Vec3 &d_out) {

// A pointer to one struct, arrays inside a struct, a local array of structs
// with an aggregate initialiser, a struct returned by a marked function.
ADGEN_REVERSE() ADGEN_FORWARD()
Vec3 project(const Frame *f, const Vec3 &p) {
  Particle local[2] = {{p, f->c[0], 1}, {{p.z, p.y, p.x}, f->c[1] * f->c[2], 2}};
  Vec3 s{};
  for (int i = 0; i < 2; ++i)
    s = add(s, scale(local[i].pos, local[i].mass));
  double t = dot(s, f->axis);
  return Vec3{t * f->axis.x, t * f->axis.y, s.z};
}
// CHECK-LABEL: geo::Vec3 project_pullback(const geo::Frame *f, const geo::Vec3 &p, geo::Vec3 d_ret, geo::Frame *d_f, geo::Vec3 *d_p) {
// CHECK:         geo::Vec3 d_result = d_ret;
// CHECK:         d_f->axis.x += d_vec3.x * t;
// CHECK-LABEL: adgen::Dual<geo::Vec3> project_fwd(const geo::Frame *f, const geo::Vec3 &p, const geo::Frame *d_f, const geo::Vec3 &d_p) {
} // namespace geo

#ifdef ADGEN_TEST_DRIVER
namespace geo { // the generated functions, as --header would declare them
double energy_grad(const Vec3 &p, Vec3 v, double k, Vec3 *d_p, Vec3 *d_v, double *d_k);
adgen::Dual<double> energy_fwd(const Vec3 &p, Vec3 v, double k, const Vec3 &d_p, Vec3 d_v, double d_k);
void centre_pullback(const Particle *ps, int n, double w, Vec3 &out, Particle *d_ps, double *d_w, Vec3 *d_out);
void centre_fwd(const Particle *ps, int n, double w, Vec3 &out, const Particle *d_ps, double d_w, Vec3 &d_out);
Vec3 project_pullback(const Frame *f, const Vec3 &p, Vec3 d_ret, Frame *d_f, Vec3 *d_p);
adgen::Dual<Vec3> project_fwd(const Frame *f, const Vec3 &p, const Frame *d_f, const Vec3 &d_p);
} // namespace geo
#include "adgen_test.h"
using namespace geo;
int main() {
  using namespace adgen_test;
  // energy: x = (p, v, k) packed.
  double x[7] = {0.3, -0.7, 1.1, 0.5, 0.2, -0.4, 1.3};
  auto unpack = [](const double *a, Vec3 &p, Vec3 &v) {
    p = {a[0], a[1], a[2]};
    v = {a[3], a[4], a[5]};
  };
  check_scalar_fn<double>(
      "energy", x, 7,
      [&](const double *a) { Vec3 p, v; unpack(a, p, v); return energy(p, v, a[6]); },
      [&](const double *a, double *g) {
        Vec3 p, v, gp{g[0], g[1], g[2]}, gv{g[3], g[4], g[5]};
        unpack(a, p, v);
        double r = energy_grad(p, v, a[6], &gp, &gv, &g[6]);
        double G[6] = {gp.x, gp.y, gp.z, gv.x, gv.y, gv.z};
        for (int i = 0; i < 6; ++i) g[i] = G[i];
        return r;
      },
      [&](const double *a, const double *t) {
        Vec3 p, v, dp, dv;
        unpack(a, p, v);
        unpack(t, dp, dv);
        return energy_fwd(p, v, a[6], dp, dv, t[6]);
      });

  // centre: x = 3 particles (pos, mass) and w; y = out.
  const int N = 3;
  int ids[N] = {1, 0, 2};
  double xc[4 * N + 1] = {1, 2, 3, 0.5, -1, 0.5, 2, 1.5, 0.3, 0.3, -0.3, 2.0, 0.8};
  auto toParticles = [&](const double *a, Particle *ps) {
    for (int i = 0; i < N; ++i)
      ps[i] = {{a[4 * i], a[4 * i + 1], a[4 * i + 2]}, a[4 * i + 3], ids[i]};
  };
  auto fromParticles = [&](const Particle *ps, double *a) {
    for (int i = 0; i < N; ++i) {
      a[4 * i] = ps[i].pos.x; a[4 * i + 1] = ps[i].pos.y;
      a[4 * i + 2] = ps[i].pos.z; a[4 * i + 3] = ps[i].mass;
    }
  };
  check_vector_fn<double>(
      "centre", xc, 4 * N + 1, 3,
      [&](const double *a, double *y) {
        Particle ps[N]; toParticles(a, ps);
        Vec3 out{};
        centre(ps, N, a[4 * N], out);
        y[0] = out.x; y[1] = out.y; y[2] = out.z;
      },
      [&](const double *a, const double *ybar, double *xbar) {
        Particle ps[N], gps[N]; toParticles(a, ps); toParticles(xbar, gps);
        Vec3 out{5, 5, 5}, dout{ybar[0], ybar[1], ybar[2]};
        double gw = xbar[4 * N];
        centre_pullback(ps, N, a[4 * N], out, gps, &gw, &dout);
        fromParticles(gps, xbar);
        xbar[4 * N] = gw;
        Vec3 want{}; centre(ps, N, a[4 * N], want);
        check_ulps("centre_pullback effects", out.x, want.x);
        check_exact("centre_pullback: pure output's adjoint is zero", dout.y, 0);
        for (int i = 0; i < N; ++i) check_exact("int fields untouched", gps[i].id, ids[i]);
      },
      [&](const double *a, const double *t, double *y, double *yd) {
        Particle ps[N], dps[N]; toParticles(a, ps); toParticles(t, dps);
        Vec3 out{}, dout{};
        centre_fwd(ps, N, a[4 * N], out, dps, t[4 * N], dout);
        y[0] = out.x; y[1] = out.y; y[2] = out.z;
        yd[0] = dout.x; yd[1] = dout.y; yd[2] = dout.z;
      });

  // project: x = frame (c[3], axis) and p; y = the returned struct.
  double xp[9] = {0.4, -1.2, 0.7, 0.6, 0.8, -0.3, 1.5, -0.5, 0.25};
  auto toFrame = [](const double *a, Frame &f, Vec3 &p) {
    f = {{a[0], a[1], a[2]}, {a[3], a[4], a[5]}};
    p = {a[6], a[7], a[8]};
  };
  check_vector_fn<double>(
      "project", xp, 9, 3,
      [&](const double *a, double *y) {
        Frame f; Vec3 p; toFrame(a, f, p);
        Vec3 r = project(&f, p);
        y[0] = r.x; y[1] = r.y; y[2] = r.z;
      },
      [&](const double *a, const double *ybar, double *xbar) {
        Frame f, gf; Vec3 p, gp; toFrame(a, f, p); toFrame(xbar, gf, gp);
        Vec3 r = project_pullback(&f, p, Vec3{ybar[0], ybar[1], ybar[2]}, &gf, &gp);
        check_ulps("project_pullback returns f's value", r.x, project(&f, p).x);
        double G[9] = {gf.c[0], gf.c[1], gf.c[2], gf.axis.x, gf.axis.y, gf.axis.z, gp.x, gp.y, gp.z};
        for (int i = 0; i < 9; ++i) xbar[i] = G[i];
      },
      [&](const double *a, const double *t, double *y, double *yd) {
        Frame f, df; Vec3 p, dp; toFrame(a, f, p); toFrame(t, df, dp);
        adgen::Dual<Vec3> r = project_fwd(&f, p, &df, dp);
        y[0] = r.value.x; y[1] = r.value.y; y[2] = r.value.z;
        yd[0] = r.tangent.x; yd[1] = r.tangent.y; yd[2] = r.tangent.z;
      });
  return finish();
}
#endif
