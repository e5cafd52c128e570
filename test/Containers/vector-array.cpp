// std::vector and std::array of doubles and of structs: const& inputs, &
// in-out values, operator[], at, size, front, back, data, range-for by value
// and by reference, and a local std::vector scratch buffer (whose adjoint is
// a buffer of the same size).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <array>
#include <cmath>
#include <vector>

struct Vec2 {
  double x, y;
};

ADGEN_REVERSE("v, w") ADGEN_FORWARD("v, w")
double wsum(const std::vector<double> &v, const std::array<double, 3> &w) {
  std::vector<double> tmp(v.size());
  for (std::size_t i = 0; i < v.size(); ++i)
    tmp[i] = v[i] * w[i % 3];
  double s = 0;
  for (double t : tmp)
    s += t * t;
  for (const double &a : w)
    s += a * v.front() * v.back();
  return s + v.at(0) * tmp.data()[1];
}
// CHECK-LABEL: double wsum_pullback(const std::vector<double> &v, const std::array<double, 3> &w, double d_ret, std::vector<double> *d_v, std::array<double, 3> *d_w) {
// CHECK:         std::vector<double> tmp(v.size());
// CHECK:         std::vector<double> d_tmp(tmp.size());
// CHECK:         (*d_w)[a_index] += adj_{{[0-9]+}} * v[0];
// CHECK:         d_tmp[t_index] += d_t;
// CHECK-LABEL: double wsum_grad(const std::vector<double> &v, const std::array<double, 3> &w, std::vector<double> *d_v, std::array<double, 3> *d_w) {
// CHECK-LABEL: adgen::Dual<double> wsum_fwd(const std::vector<double> &v, const std::array<double, 3> &w, const std::vector<double> &d_v, const std::array<double, 3> &d_w) {
// CHECK:         std::vector<double> d_tmp(tmp.size());

inline double dist(const Vec2 &a, const Vec2 &b) {
  return std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));
}

// A vector of structs; a helper taking elements.
ADGEN_REVERSE("pts") ADGEN_FORWARD("pts")
double length(const std::vector<Vec2> &pts) {
  double L = 0;
  for (std::size_t i = 1; i < pts.size(); ++i)
    L += dist(pts[i], pts[i - 1]);
  return L;
}
// CHECK-LABEL: double length_pullback(const std::vector<Vec2> &pts, double d_ret, std::vector<Vec2> *d_pts) {
// CHECK:         ::adgen_detail::dist_reverse(pts[i], pts[i - 1], d_dist_{{[0-9]+}}, &(*d_pts)[i], &(*d_pts)[i - 1], tape);
// CHECK-LABEL: adgen::Dual<double> length_fwd(const std::vector<Vec2> &pts, const std::vector<Vec2> &d_pts) {

// An in-out vector, written through a range-for reference and by index.
ADGEN_REVERSE("x -> y") ADGEN_FORWARD("x -> y")
void relax(const std::vector<double> &x, std::vector<double> &y) {
  for (auto &yi : y)
    yi = 0.5 * yi;
  for (std::size_t i = 0; i < y.size(); ++i)
    y[i] += std::sin(x[i]) * y[i];
}
// CHECK-LABEL: void relax_pullback(const std::vector<double> &x, std::vector<double> &y, std::vector<double> *d_x, std::vector<double> *d_y) {
// CHECK-LABEL: void relax_fwd(const std::vector<double> &x, std::vector<double> &y, const std::vector<double> &d_x, std::vector<double> &d_y) {
// CHECK:         for (std::size_t yi_index = 0; yi_index < y.size(); ++yi_index) {

// std::array of structs by value, written inside (the body works on a copy).
ADGEN_REVERSE() ADGEN_FORWARD()
double spread(std::array<Vec2, 2> p, double s) {
  for (Vec2 &q : p) {
    q.x *= s;
    q.y += s;
  }
  return dist(p[0], p[1]);
}
// CHECK-LABEL: double spread_pullback(std::array<Vec2, 2> p, double s, double d_ret, std::array<Vec2, 2> *d_p, double *d_s) {
// CHECK:         std::array<Vec2, 2> p_local = {};
// CHECK-LABEL: adgen::Dual<double> spread_fwd(std::array<Vec2, 2> p, double s, std::array<Vec2, 2> d_p, double d_s) {

#ifdef ADGEN_TEST_DRIVER
double wsum_grad(const std::vector<double> &v, const std::array<double, 3> &w, std::vector<double> *d_v, std::array<double, 3> *d_w);
adgen::Dual<double> wsum_fwd(const std::vector<double> &v, const std::array<double, 3> &w, const std::vector<double> &d_v, const std::array<double, 3> &d_w);
double length_grad(const std::vector<Vec2> &pts, std::vector<Vec2> *d_pts);
adgen::Dual<double> length_fwd(const std::vector<Vec2> &pts, const std::vector<Vec2> &d_pts);
void relax_pullback(const std::vector<double> &x, std::vector<double> &y, std::vector<double> *d_x, std::vector<double> *d_y);
void relax_fwd(const std::vector<double> &x, std::vector<double> &y, const std::vector<double> &d_x, std::vector<double> &d_y);
double spread_grad(std::array<Vec2, 2> p, double s, std::array<Vec2, 2> *d_p, double *d_s);
adgen::Dual<double> spread_fwd(std::array<Vec2, 2> p, double s, std::array<Vec2, 2> d_p, double d_s);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  // wsum: x = v[5], w[3].
  double xw[8] = {0.3, -0.4, 1.1, 0.8, -0.2, 1.5, -0.5, 0.25};
  auto split = [](const double *a, std::vector<double> &v, std::array<double, 3> &w) {
    v.assign(a, a + 5);
    for (int i = 0; i < 3; ++i) w[i] = a[5 + i];
  };
  check_scalar_fn<double>(
      "wsum", xw, 8,
      [&](const double *a) { std::vector<double> v; std::array<double, 3> w; split(a, v, w); return wsum(v, w); },
      [&](const double *a, double *g) {
        std::vector<double> v, gv; std::array<double, 3> w, gw; split(a, v, w); split(g, gv, gw);
        double r = wsum_grad(v, w, &gv, &gw);
        for (int i = 0; i < 5; ++i) g[i] = gv[i];
        for (int i = 0; i < 3; ++i) g[5 + i] = gw[i];
        return r;
      },
      [&](const double *a, const double *t) {
        std::vector<double> v, dv; std::array<double, 3> w, dw; split(a, v, w); split(t, dv, dw);
        return wsum_fwd(v, w, dv, dw);
      });

  // length: x = 4 points.
  double xl[8] = {0, 0, 1, 0.5, 2, -0.3, 2.5, 1};
  auto pts = [](const double *a) {
    std::vector<Vec2> p(4);
    for (int i = 0; i < 4; ++i) p[i] = {a[2 * i], a[2 * i + 1]};
    return p;
  };
  check_scalar_fn<double>(
      "length", xl, 8, [&](const double *a) { return length(pts(a)); },
      [&](const double *a, double *g) {
        std::vector<Vec2> gp = pts(g);
        double r = length_grad(pts(a), &gp);
        for (int i = 0; i < 4; ++i) { g[2 * i] = gp[i].x; g[2 * i + 1] = gp[i].y; }
        return r;
      },
      [&](const double *a, const double *t) { return length_fwd(pts(a), pts(t)); });

  // relax: x[3], y[3] in, y[3] out.
  double xr[6] = {0.3, 0.9, -0.5, 1.0, -2.0, 0.5};
  check_vector_fn<double>(
      "relax", xr, 6, 3,
      [&](const double *a, double *y) {
        std::vector<double> x(a, a + 3), yv(a + 3, a + 6);
        relax(x, yv);
        for (int i = 0; i < 3; ++i) y[i] = yv[i];
      },
      [&](const double *a, const double *ybar, double *xbar) {
        std::vector<double> x(a, a + 3), y(a + 3, a + 6), gx(xbar, xbar + 3), gy(ybar, ybar + 3);
        relax_pullback(x, y, &gx, &gy);
        std::vector<double> want(a + 3, a + 6);
        relax(x, want);
        for (int i = 0; i < 3; ++i) {
          check_ulps("relax_pullback effects", y[i], want[i]);
          xbar[i] = gx[i];
          xbar[3 + i] += gy[i]; // d_y on return: the adjoint of y's initial contents
        }
      },
      [&](const double *a, const double *t, double *y, double *yd) {
        std::vector<double> x(a, a + 3), yv(a + 3, a + 6), dx(t, t + 3), dy(t + 3, t + 6);
        relax_fwd(x, yv, dx, dy);
        for (int i = 0; i < 3; ++i) { y[i] = yv[i]; yd[i] = dy[i]; }
      });

  // spread: x = p (2 points) and s.
  double xs[5] = {0.2, -0.4, 1.3, 0.9, 0.7};
  auto arr = [](const double *a) { return std::array<Vec2, 2>{Vec2{a[0], a[1]}, Vec2{a[2], a[3]}}; };
  check_scalar_fn<double>(
      "spread", xs, 5, [&](const double *a) { return spread(arr(a), a[4]); },
      [&](const double *a, double *g) {
        std::array<Vec2, 2> gp = arr(g);
        double r = spread_grad(arr(a), a[4], &gp, &g[4]);
        g[0] = gp[0].x; g[1] = gp[0].y; g[2] = gp[1].x; g[3] = gp[1].y;
        return r;
      },
      [&](const double *a, const double *t) { return spread_fwd(arr(a), a[4], arr(t), t[4]); });
  return finish();
}
#endif
