// f_fwd_vec of functions with std::vector / std::array parameters and
// locals, classes with constructors, a double& parameter and an overwritten
// by-value parameter. A container's k tangents per element are element-major
// (d_v[i * k + j]), like an array's; a local std::vector's tangent is a
// std::vector of size * k that grows with it (push_back, resize); a
// std::array's is a buffer of N * k. A class with a constructor gets zeroed
// tangents (adgen::zeroed: its constructor does not run on them). Tangents
// of locals declared inside a loop start at zero on every iteration. Each
// direction checked against f_fwd with the same seed and against central
// differences; f's effects, canaries past the arrays.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <array>
#include <cmath>
#include <vector>
struct V2 { double x, y; };
struct Acc {
  double m = 0.5;
  double v;
  explicit Acc(double s) : v(s * 2) {}
};
double sumsq(const std::vector<double> &w) {
  double s = 0;
  for (size_t i = 0; i < w.size(); ++i)
    s += w[i] * w[i];
  return s;
}
ADGEN_FORWARD()
double v1(const std::vector<double> &v, const std::array<double, 3> &c, double a) {
  std::vector<double> w;
  for (size_t i = 0; i < v.size(); ++i)
    w.push_back(v[i] * a);
  w.resize(w.size() + 1);
  w[w.size() - 1] = c[0] * c[2];
  std::array<double, 2> t = {c[1], a};
  double s = sumsq(w);
  for (size_t i = 0; i < w.size(); ++i)
    s += w[i] * std::sin(t[i % 2]);
  return s;
}
// CHECK-LABEL: double v1_fwd_vec(const std::vector<double> &v, const std::array<double, 3> &c, double a, const double *d_v, const double *d_c, const double *d_a, int k, double *d_ret) {
// CHECK:         std::vector<double> d_w(w.size() * k);
// CHECK:         d_w.resize((w_end + 1) * k);
// CHECK:         d_w[w_end * k + [[DIR:dir]]] = d_v[i * k + [[DIR]]] * a + d_a[[[DIR]]] * v[i];
// CHECK:         d_w.resize(w_size * k);
// CHECK:         d_t[1 * k + [[DIR:dir_[0-9]+]]] = d_a[[[DIR]]];
// CHECK:         double sumsq_value = ::adgen_detail::sumsq_fwd_vec(w, d_w.data(), k, d_sumsq_value);
// CHECK-LABEL: static double sumsq_fwd_vec(const std::vector<double> &w, const double *d_w, int k, double *d_ret) {
ADGEN_FORWARD("v, a, out -> out")
void v2(const std::vector<double> &v, double a, std::vector<double> &out) {
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = out[i] * a + v[i] * v[i];
}
// CHECK-LABEL: void v2_fwd_vec(const std::vector<double> &v, double a, std::vector<double> &out, const double *d_v, const double *d_a, double *d_out, int k) {
// CHECK:         d_out[i * k + [[DIR:dir]]] = d_out[i * k + [[DIR]]] * a + d_a[[[DIR]]] * out[i] + (d_v[i * k + [[DIR]]] * v[i] + d_v[i * k + [[DIR]]] * v[i]);
ADGEN_FORWARD()
double v3(const double *x, int n, double a) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    double t[2] = {};
    V2 p{};
    Acc c(x[i]);
    c.m *= a;
    t[i % 2] += x[i];
    p.x += x[i] * x[i];
    s += t[0] * t[1] + t[0] + p.x * x[i] + c.m * c.v;
  }
  return s;
}
// CHECK-LABEL: double v3_fwd_vec(const double *x, int n, double a, const double *d_x, const double *d_a, int k, double *d_ret) {
// CHECK:         std::vector<Acc> d_c(k, adgen::zeroed<Acc>());
// CHECK:         double t[2] = {};
// CHECK-NEXT:    for (int [[DIR:dir_[0-9]+]] = 0; [[DIR]] < 2 * k; ++[[DIR]]) {
// CHECK-NEXT:      d_t[[[DIR]]] = 0.0;
// CHECK:         V2 p = {};
// CHECK-NEXT:    for (int [[DIR:dir_[0-9]+]] = 0; [[DIR]] < k; ++[[DIR]]) {
// CHECK-NEXT:      d_p[[[DIR]]] = V2{};
// CHECK:         Acc c = adgen::zeroed<Acc>();
// CHECK-NEXT:    for (int [[DIR:dir_[0-9]+]] = 0; [[DIR]] < k; ++[[DIR]]) {
// CHECK-NEXT:      d_c[[[DIR]]] = adgen::zeroed<Acc>();
ADGEN_FORWARD()
double v4(double x, double &r) {
  r = r * x;
  x = std::sin(x);
  return r * x;
}
// CHECK-LABEL: double v4_fwd_vec(double x, double &r, const double *d_x, double *d_r, int k, double *d_ret) {
// CHECK-NEXT:    std::vector<double> d_x_copy(k);
// CHECK-NEXT:    for (int dir = 0; dir < k; ++dir) {
// CHECK-NEXT:      d_x_copy[dir] = d_x[dir];

#ifdef ADGEN_TEST_DRIVER
adgen::Dual<double> v1_fwd(const std::vector<double> &v, const std::array<double, 3> &c, double a, const std::vector<double> &d_v, const std::array<double, 3> &d_c, double d_a);
double v1_fwd_vec(const std::vector<double> &v, const std::array<double, 3> &c, double a, const double *d_v, const double *d_c, const double *d_a, int k, double *d_ret);
void v2_fwd(const std::vector<double> &v, double a, std::vector<double> &out, const std::vector<double> &d_v, double d_a, std::vector<double> &d_out);
void v2_fwd_vec(const std::vector<double> &v, double a, std::vector<double> &out, const double *d_v, const double *d_a, double *d_out, int k);
adgen::Dual<double> v3_fwd(const double *x, int n, double a, const double *d_x, double d_a);
double v3_fwd_vec(const double *x, int n, double a, const double *d_x, const double *d_a, int k, double *d_ret);
adgen::Dual<double> v4_fwd(double x, double &r, double d_x, double &d_r);
double v4_fwd_vec(double x, double &r, const double *d_x, double *d_r, int k, double *d_ret);
#include "adgen_test.h"
using namespace adgen_test;

double seed(int j, int i) { return std::sin(1.7 * j + 0.9 * i + 0.3); }
const int K = 3;
const double h = 1e-6;

int main() {
  { // v1: v (3 numbers), c (3), a.
    std::vector<double> v = {0.3, -0.7, 1.1};
    std::array<double, 3> c = {0.5, 0.2, -0.9};
    double a = 0.8, dv[3 * K + 1], dc[3 * K + 1], da[K], dret[K + 1];
    dv[3 * K] = dc[3 * K] = dret[K] = 42;
    for (int j = 0; j < K; ++j) {
      for (int i = 0; i < 3; ++i)
        dv[i * K + j] = seed(j, i), dc[i * K + j] = seed(j, 3 + i);
      da[j] = seed(j, 6);
    }
    check_exact("v1: value is f's", v1_fwd_vec(v, c, a, dv, dc, da, K, dret), v1(v, c, a));
    check_exact("v1: canary past d_ret", dret[K], 42);
    check_exact("v1: canary past d_v", dv[3 * K], 42);
    check_exact("v1: canary past d_c", dc[3 * K], 42);
    for (int j = 0; j < K; ++j) {
      std::vector<double> v1d(3);
      std::array<double, 3> c1d;
      for (int i = 0; i < 3; ++i)
        v1d[i] = dv[i * K + j], c1d[i] = dc[i * K + j];
      check_close("v1: direction j vs f_fwd", dret[j], v1_fwd(v, c, a, v1d, c1d, da[j]).tangent, 1e-13);
      auto at = [&](double t) {
        std::vector<double> vv = v;
        std::array<double, 3> cc = c;
        for (int i = 0; i < 3; ++i)
          vv[i] += t * v1d[i], cc[i] += t * c1d[i];
        return v1(vv, cc, a + t * da[j]);
      };
      check_close("v1: direction j vs central differences", dret[j], (at(h) - at(-h)) / (2 * h), 1e-6, 1e-9);
    }
  }
  { // v2: v (3), a, out (3) in-out.
    std::vector<double> v = {0.3, -0.7, 1.1}, out0 = {0.2, 0.4, -0.6}, out = out0, want = out0;
    double a = 0.7, dv[3 * K], da[K], dout[3 * K + 1], dout0[3 * K];
    dout[3 * K] = 42;
    for (int j = 0; j < K; ++j) {
      for (int i = 0; i < 3; ++i)
        dv[i * K + j] = seed(j, i), dout[i * K + j] = dout0[i * K + j] = seed(j, 3 + i);
      da[j] = seed(j, 6);
    }
    v2_fwd_vec(v, a, out, dv, da, dout, K);
    v2(v, a, want);
    for (int i = 0; i < 3; ++i)
      check_exact("v2: out is what f leaves", out[i], want[i]);
    check_exact("v2: canary past d_out", dout[3 * K], 42);
    for (int j = 0; j < K; ++j) {
      std::vector<double> v1d(3), o1d(3), o = out0, op = out0, om = out0, vp = v, vm = v;
      for (int i = 0; i < 3; ++i) {
        v1d[i] = dv[i * K + j], o1d[i] = dout0[i * K + j];
        op[i] += h * o1d[i], om[i] -= h * o1d[i], vp[i] += h * v1d[i], vm[i] -= h * v1d[i];
      }
      v2_fwd(v, a, o, v1d, da[j], o1d);
      v2(vp, a + h * da[j], op);
      v2(vm, a - h * da[j], om);
      for (int i = 0; i < 3; ++i) {
        check_close("v2: direction j vs f_fwd", dout[i * K + j], o1d[i], 1e-13);
        check_close("v2: direction j vs central differences", dout[i * K + j], (op[i] - om[i]) / (2 * h), 1e-6, 1e-9);
      }
    }
  }
  { // v3: x (4), a; locals declared in the loop restart at zero.
    const int N = 4;
    double x[N + 1] = {0.3, -0.7, 1.1, 0.45, 99}, a = 0.8, dx[N * K + 1], da[K], dret[K + 1];
    dx[N * K] = dret[K] = 42;
    for (int j = 0; j < K; ++j) {
      for (int i = 0; i < N; ++i)
        dx[i * K + j] = seed(j, i);
      da[j] = seed(j, N);
    }
    check_exact("v3: value is f's", v3_fwd_vec(x, N, a, dx, da, K, dret), v3(x, N, a));
    check_exact("v3: canary past d_ret", dret[K], 42);
    check_exact("v3: canary past d_x", dx[N * K], 42);
    for (int j = 0; j < K; ++j) {
      double d1[N], xp[N], xm[N];
      for (int i = 0; i < N; ++i)
        d1[i] = dx[i * K + j], xp[i] = x[i] + h * d1[i], xm[i] = x[i] - h * d1[i];
      check_close("v3: direction j vs f_fwd", dret[j], v3_fwd(x, N, a, d1, da[j]).tangent, 1e-13);
      check_close("v3: direction j vs central differences", dret[j],
                  (v3(xp, N, a + h * da[j]) - v3(xm, N, a - h * da[j])) / (2 * h), 1e-6, 1e-9);
    }
  }
  { // v4: x overwritten (its seed untouched), r in-out by reference.
    double x = 0.7, r0 = -1.3, r = r0, dx[K + 1], dr[K + 1], dr0[K], dret[K];
    dx[K] = dr[K] = 42;
    for (int j = 0; j < K; ++j)
      dx[j] = seed(j, 0), dr[j] = dr0[j] = seed(j, 1);
    double want_r = r0, v = v4_fwd_vec(x, r, dx, dr, K, dret);
    check_exact("v4: value is f's", v, v4(x, want_r));
    check_exact("v4: r is what f leaves", r, want_r);
    check_exact("v4: canary past d_x", dx[K], 42);
    check_exact("v4: canary past d_r", dr[K], 42);
    for (int j = 0; j < K; ++j) {
      check_exact("v4: the seed d_x is not written", dx[j], seed(j, 0));
      double rr = r0, t = dr0[j];
      double tr = v4_fwd(x, rr, dx[j], t).tangent;
      check_close("v4: direction j vs f_fwd (result)", dret[j], tr, 1e-13);
      check_close("v4: direction j vs f_fwd (r)", dr[j], t, 1e-13);
      double rp = r0 + h * dr0[j], rm = r0 - h * dr0[j];
      double fp = v4(x + h * dx[j], rp), fm = v4(x - h * dx[j], rm);
      check_close("v4: direction j vs central differences (result)", dret[j], (fp - fm) / (2 * h), 1e-6, 1e-9);
      check_close("v4: direction j vs central differences (r)", dr[j], (rp - rm) / (2 * h), 1e-6, 1e-9);
    }
  }
  return finish();
}
#endif
