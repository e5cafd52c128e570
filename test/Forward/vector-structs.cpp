// f_fwd_vec of functions that use structs: a struct's k tangents are k
// structs (d_s[j]), an array of structs' are k structs per element,
// element-major (d_ps[i * k + j]); local structs and arrays of structs get
// std::vectors of k structs (zeroed; a class with constructors or default
// member initialisers gets copies of adgen::zeroed, never its constructor's
// values). Each direction checked against f_fwd with the same seed, and
// against central differences; f's effects and canaries past the arrays.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>
#include <vector>

struct V2 {
  double x, y;
};
struct Body {
  double m;
  int id; // no derivative
  double q[2];
  V2 p;
};
struct Ctor {
  double a = 1, b = 2;
};

// A struct by reference, an array of structs, local structs and an array of them.
ADGEN_FORWARD()
double e1(const Body &b, const Body *ps, int n, double w) {
  V2 acc = {0, 0};
  V2 pts[2];
  for (int i = 0; i < n; ++i) {
    acc.x += ps[i].m * ps[i].q[0] * w;
    acc.y += ps[i].p.y * std::sin(ps[i].q[1]) + ps[i].id;
    pts[i % 2] = ps[i].p;
  }
  V2 c = acc;
  return c.x * c.y + b.m * b.q[1] + pts[0].x * b.p.x;
}
// CHECK-LABEL: double e1_fwd_vec(const Body &b, const Body *ps, int n, double w, const Body *d_b, const Body *d_ps, const double *d_w, int k, double *d_ret) {
// CHECK-NEXT:    std::vector<V2> tangents(4 * k);
// CHECK-NEXT:    V2 *d_acc = tangents.data();
// CHECK-NEXT:    V2 *d_pts = tangents.data() + k;
// CHECK:         d_acc[[[DIR:dir_[0-9]+]]].x += (d_ps[i * k + [[DIR]]].m * ps[i].q[0] + d_ps[i * k + [[DIR]]].q[0] * ps[i].m) * w + d_w[[[DIR]]] * (ps[i].m * ps[i].q[0]);

// A struct result: d_ret receives k structs.
ADGEN_FORWARD()
V2 rot(const V2 &p, double th) {
  V2 r;
  r.x = p.x * std::cos(th) - p.y * std::sin(th);
  r.y = p.x * std::sin(th) + p.y * std::cos(th);
  return r;
}
// CHECK-LABEL: V2 rot_fwd_vec(const V2 &p, double th, const V2 *d_p, const double *d_th, int k, V2 *d_ret) {

// An array of structs written (in-out), a struct by value overwritten (the
// body works on a copy), a struct in-out by reference.
ADGEN_FORWARD("p, s, out -> out")
void scale(V2 p, double s, V2 *out, int n) {
  p.x *= s;
  for (int i = 0; i < n; ++i) {
    out[i].x = p.x * s + out[i].y;
    out[i].y = out[i].y * p.y * s;
  }
}
// CHECK-LABEL: void scale_fwd_vec(V2 p, double s, V2 *out, int n, const V2 *d_p, const double *d_s, V2 *d_out, int k) {
ADGEN_FORWARD("b -> b")
void relax(Body &b) {
  b.q[0] = b.q[0] * b.m;
  b.p.x = std::exp(b.p.y) * b.q[1];
}
// CHECK-LABEL: void relax_fwd_vec(Body &b, Body *d_b, int k) {

// A class with default member initialisers: its tangents start at zero.
ADGEN_FORWARD()
double ctor(double x) {
  Ctor c;
  c.a *= x;
  return c.a * c.b;
}
// CHECK-LABEL: double ctor_fwd_vec(double x, const double *d_x, int k, double *d_ret) {
// CHECK-NEXT:    std::vector<Ctor> d_c(k, adgen::zeroed<Ctor>());

#ifdef ADGEN_TEST_DRIVER
adgen::Dual<double> e1_fwd(const Body &b, const Body *ps, int n, double w, const Body &d_b, const Body *d_ps, double d_w);
double e1_fwd_vec(const Body &b, const Body *ps, int n, double w, const Body *d_b, const Body *d_ps, const double *d_w, int k, double *d_ret);
adgen::Dual<V2> rot_fwd(const V2 &p, double th, const V2 &d_p, double d_th);
V2 rot_fwd_vec(const V2 &p, double th, const V2 *d_p, const double *d_th, int k, V2 *d_ret);
void scale_fwd(V2 p, double s, V2 *out, int n, V2 d_p, double d_s, V2 *d_out);
void scale_fwd_vec(V2 p, double s, V2 *out, int n, const V2 *d_p, const double *d_s, V2 *d_out, int k);
void relax_fwd(Body &b, Body &d_b);
void relax_fwd_vec(Body &b, Body *d_b, int k);
adgen::Dual<double> ctor_fwd(double x, double d_x);
double ctor_fwd_vec(double x, const double *d_x, int k, double *d_ret);
#include "adgen_test.h"
using namespace adgen_test;

double *num(Body &b, int i) {
  double *p[5] = {&b.m, &b.q[0], &b.q[1], &b.p.x, &b.p.y};
  return p[i];
}
double *num(V2 &v, int i) { return i ? &v.y : &v.x; }
/// A pseudo-random seed value for direction j, number i.
double seed(int j, int i) { return std::sin(1.7 * j + 0.9 * i + 0.3); }

int main() {
  const int K = 3;
  { // e1: b (5 numbers), ps[2] (5 each), w.
    Body b = {0.8, 1, {0.3, -0.6}, {1.1, 0.4}};
    Body ps[3] = {{1.5, 2, {0.3, -0.8}, {0.2, 0.9}}, {0.7, -1, {1.1, 0.4}, {-0.5, 1.3}}, {9, 9, {9, 9}, {9, 9}}};
    Body db[K], dps[2 * K + 1];
    double dw[K], dret[K + 1];
    dret[K] = 42;
    dps[2 * K].m = 42;
    for (int j = 0; j < K; ++j) {
      for (int i = 0; i < 5; ++i) {
        *num(db[j], i) = seed(j, i);
        *num(dps[0 * K + j], i) = seed(j, 5 + i);
        *num(dps[1 * K + j], i) = seed(j, 10 + i);
      }
      dw[j] = seed(j, 15);
    }
    double v = e1_fwd_vec(b, ps, 2, 0.6, db, dps, dw, K, dret);
    check_exact("e1: value is f's", v, e1(b, ps, 2, 0.6));
    check_exact("e1: canary past d_ret", dret[K], 42);
    check_exact("e1: canary past d_ps", dps[2 * K].m, 42);
    for (int j = 0; j < K; ++j) {
      Body sps[2] = {dps[0 * K + j], dps[1 * K + j]};
      check_close("e1: direction j vs f_fwd", dret[j], e1_fwd(b, ps, 2, 0.6, db[j], sps, dw[j]).tangent, 1e-14);
      const double h = 1e-6;
      auto at = [&](double t) {
        Body bb = b, pp[2] = {ps[0], ps[1]};
        for (int i = 0; i < 5; ++i) {
          *num(bb, i) += t * *num(db[j], i);
          *num(pp[0], i) += t * *num(dps[0 * K + j], i);
          *num(pp[1], i) += t * *num(dps[1 * K + j], i);
        }
        return e1(bb, pp, 2, 0.6 + t * dw[j]);
      };
      check_close("e1: direction j vs central differences", dret[j], (at(h) - at(-h)) / (2 * h), 1e-6, 1e-9);
    }
  }
  { // rot: p (2 numbers), th; a struct result.
    V2 p = {0.7, -1.2}, dp[K], dret[K];
    double dth[K];
    for (int j = 0; j < K; ++j)
      dp[j] = {seed(j, 0), seed(j, 1)}, dth[j] = seed(j, 2);
    V2 r = rot_fwd_vec(p, 0.4, dp, dth, K, dret);
    check_exact("rot: value is f's", r.x, rot(p, 0.4).x);
    check_exact("rot: value is f's", r.y, rot(p, 0.4).y);
    for (int j = 0; j < K; ++j) {
      V2 t = rot_fwd(p, 0.4, dp[j], dth[j]).tangent;
      check_close("rot: direction j vs f_fwd", dret[j].x, t.x, 1e-14);
      check_close("rot: direction j vs f_fwd", dret[j].y, t.y, 1e-14);
      const double h = 1e-6;
      V2 a = rot({p.x + h * dp[j].x, p.y + h * dp[j].y}, 0.4 + h * dth[j]);
      V2 c = rot({p.x - h * dp[j].x, p.y - h * dp[j].y}, 0.4 - h * dth[j]);
      check_close("rot: direction j vs central differences", dret[j].x, (a.x - c.x) / (2 * h), 1e-6, 1e-9);
      check_close("rot: direction j vs central differences", dret[j].y, (a.y - c.y) / (2 * h), 1e-6, 1e-9);
    }
  }
  { // scale: p, s, out[2] in-out.
    V2 p = {0.7, -1.2}, out0[3] = {{0.3, 0.5}, {-0.4, 1.1}, {9, 9}}, out[3] = {out0[0], out0[1], out0[2]};
    V2 dp[K], dout[2 * K + 1];
    double ds[K];
    dout[2 * K] = {42, 42};
    for (int j = 0; j < K; ++j) {
      dp[j] = {seed(j, 0), seed(j, 1)};
      ds[j] = seed(j, 2);
      dout[0 * K + j] = {seed(j, 3), seed(j, 4)};
      dout[1 * K + j] = {seed(j, 5), seed(j, 6)};
    }
    V2 din[2 * K];
    for (int e = 0; e < 2 * K; ++e)
      din[e] = dout[e];
    scale_fwd_vec(p, 0.9, out, 2, dp, ds, dout, K);
    V2 want[2] = {out0[0], out0[1]};
    scale(p, 0.9, want, 2);
    for (int i = 0; i < 2; ++i) {
      check_exact("scale: out is what f leaves", out[i].x, want[i].x);
      check_exact("scale: out is what f leaves", out[i].y, want[i].y);
    }
    check_exact("scale: canary past out", out[2].x, 9);
    check_exact("scale: canary past d_out", dout[2 * K].x, 42);
    for (int j = 0; j < K; ++j) {
      V2 o[2] = {out0[0], out0[1]}, d[2] = {din[0 * K + j], din[1 * K + j]};
      scale_fwd(p, 0.9, o, 2, dp[j], ds[j], d);
      for (int i = 0; i < 2; ++i) {
        check_close("scale: direction j vs f_fwd", dout[i * K + j].x, d[i].x, 1e-14);
        check_close("scale: direction j vs f_fwd", dout[i * K + j].y, d[i].y, 1e-14);
      }
    }
  }
  { // relax: b in-out.
    Body b0 = {0.8, 1, {0.3, -0.6}, {1.1, 0.4}}, b = b0, want = b0;
    Body db[K], din[K];
    for (int j = 0; j < K; ++j)
      for (int i = 0; i < 5; ++i)
        *num(db[j], i) = seed(j, i);
    for (int j = 0; j < K; ++j)
      din[j] = db[j];
    relax_fwd_vec(b, db, K);
    relax(want);
    for (int i = 0; i < 5; ++i)
      check_exact("relax: b is what f leaves", *num(b, i), *num(want, i));
    for (int j = 0; j < K; ++j) {
      Body bb = b0, d = din[j];
      relax_fwd(bb, d);
      for (int i = 0; i < 5; ++i)
        check_close("relax: direction j vs f_fwd", *num(db[j], i), *num(d, i), 1e-14);
      const double h = 1e-6;
      Body bp = b0, bm = b0;
      for (int i = 0; i < 5; ++i)
        *num(bp, i) += h * *num(din[j], i), *num(bm, i) -= h * *num(din[j], i);
      relax(bp);
      relax(bm);
      for (int i = 0; i < 5; ++i)
        check_close("relax: direction j vs central differences", *num(db[j], i), (*num(bp, i) - *num(bm, i)) / (2 * h), 1e-6, 1e-9);
    }
  }
  { // ctor: x; the tangents of c start at zero, not at c's initialisers.
    double dx[K] = {0.5, -1.25, 2}, dret[K + 1];
    dret[K] = 42;
    check_exact("ctor: value is f's", ctor_fwd_vec(0.7, dx, K, dret), ctor(0.7));
    check_exact("ctor: canary past d_ret", dret[K], 42);
    for (int j = 0; j < K; ++j) {
      check_close("ctor: direction j vs f_fwd", dret[j], ctor_fwd(0.7, dx[j]).tangent, 1e-14);
      check_close("ctor: direction j vs the derivative 2 dx", dret[j], 2 * dx[j], 1e-14);
    }
  }
  return finish();
}
#endif
