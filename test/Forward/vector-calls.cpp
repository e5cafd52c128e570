// f_fwd_vec of functions that call others: each callee with derivatives
// gets a vector helper g_fwd_vec in adgen_detail (k directions per element,
// element-major, like f_fwd_vec) -- helpers returning a value or a struct,
// writing through double& and pointers, methods, nested and recursive
// calls, a helper that overwrites its by-value parameter. Tangents that lie
// together are passed in place (d_x + i * k); a computed tangent through a
// buffer. Each direction checked against f_fwd with the same seed and
// against central differences; f's effects and canaries past the arrays.
// A call of a custom derivative (one direction: called per direction) and a
// struct field passed by reference (through a buffer) get f_fwd_vec too
// (more in vector-customs-fields.cpp).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

struct V2 {
  double x, y;
  double dot(const V2 &o) const { return x * o.x + y * o.y; }
  void scale(double s) {
    x *= s;
    y = y * s + std::sin(x);
  }
};

double sq(double u) { return u * u + std::sin(u); }
void acc(double u, double &r) { r += u * std::cos(r); }
void axpy(double a, const double *x, double *y, int m) {
  for (int i = 0; i < m; ++i)
    y[i] = a * x[i] + std::tanh(y[i]);
}
V2 polar(double r, double t) { return {r * std::cos(t), r * std::sin(t)}; }
double damp(double u, double c) {
  u = u * c;
  u += std::sin(u);
  return u;
}
int twice(int i) { return 2 * i; }
double g(double u) { return sq(u) * 0.5 + u; }
double h(double u, double v) { return g(u * v) - damp(v, u); }
double rp(double u, int d) { return d == 0 ? u : 0.9 * rp(0.5 * u * u, d - 1) + u; }

// Value and void helpers, a double& out-parameter, a computed argument.
ADGEN_FORWARD()
double c1(const double *x, int n, double a) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    s += sq(x[i]) * a + sq(a * x[i] + 1);
    acc(x[i], s);
  }
  return s;
}
// CHECK-LABEL: double c1_fwd_vec(const double *x, int n, double a, const double *d_x, const double *d_a, int k, double *d_ret) {
// CHECK:         double sq_value = ::adgen_detail::sq_fwd_vec(x[i], d_x + i * k, k, d_sq_value);
// CHECK:         d_u[[[DIR:dir_[0-9]+]]] = d_a[[[DIR]]] * x[i] + d_x[i * k + [[DIR]]] * a;
// CHECK:         double sq_value_1 = ::adgen_detail::sq_fwd_vec(a * x[i] + 1.0, d_u, k, d_sq_value_1);
// CHECK:         ::adgen_detail::acc_fwd_vec(x[i], s, d_x + i * k, d_s, k);
// The vector helpers, internal.
// CHECK-LABEL: static double sq_fwd_vec(double u, const double *d_u, int k, double *d_ret) {
// CHECK-NEXT:    for (int dir = 0; dir < k; ++dir) {
// CHECK-NEXT:      d_ret[dir] = d_u[dir] * (2.0 * u) + d_u[dir] * std::cos(u);
// CHECK-LABEL: static void acc_fwd_vec(double u, double &r, const double *d_u, double *d_r, int k) {

// A pointer out-parameter into a local array, a struct result, methods.
ADGEN_FORWARD()
double c2(const double *x, int n, double a) {
  double y[4] = {x[0], x[1], 0.5, a};
  axpy(a, x, y + 1, 3);
  V2 p = polar(y[1] + y[3], x[n - 1]);
  V2 q = {y[2], a};
  p.scale(x[0]);
  return p.dot(q) + y[0] * y[3];
}
// CHECK-LABEL: double c2_fwd_vec(const double *x, int n, double a, const double *d_x, const double *d_a, int k, double *d_ret) {
// CHECK:         ::adgen_detail::axpy_fwd_vec(a, x, y + 1, 3, d_a, d_x, d_y.data() + 1 * k, k);
// CHECK:         V2 polar_value = ::adgen_detail::polar_fwd_vec(y[1] + y[3], x[n - 1], d_r.data(), d_x + (n - 1) * k, k, d_polar_value.data());
// CHECK:         ::adgen_detail::V2_scale_fwd_vec(p, x[0], d_p.data(), d_x + 0 * k, k);
// CHECK-LABEL: static V2 polar_fwd_vec(double r, double t, const double *d_r, const double *d_t, int k, V2 *d_ret) {
// CHECK-LABEL: static void axpy_fwd_vec(double a, const double *x, double *y, int m, const double *d_a, const double *d_x, double *d_y, int k) {
// CHECK-LABEL: static inline void V2_scale_fwd_vec(V2 &self, double s, V2 *d_self, const double *d_s, int k) {
// CHECK-LABEL: static inline double V2_dot_fwd_vec(const V2 &self, const V2 &o, const V2 *d_self, const V2 *d_o, int k, double *d_ret) {

// Nested calls, a helper that overwrites its by-value parameter, recursion,
// an integer helper.
ADGEN_FORWARD()
double c3(const double *x, int n, double a) {
  double s = rp(a, 3);
  for (int i = 0; i < n; i += 1)
    s += h(x[i], a) * x[twice(i) % n];
  return s;
}
// CHECK-LABEL: double c3_fwd_vec(const double *x, int n, double a, const double *d_x, const double *d_a, int k, double *d_ret) {
// CHECK-LABEL: static double rp_fwd_vec(double u, int d, const double *d_u, int k, double *d_ret) {
// CHECK:         rp_fwd_vec(0.5 * u * u, d - 1, d_u_1, k, d_rp_value)
// CHECK-LABEL: static double h_fwd_vec(double u, double v, const double *d_u, const double *d_v, int k, double *d_ret) {
// CHECK-LABEL: static double g_fwd_vec(double u, const double *d_u, int k, double *d_ret) {
// CHECK-LABEL: static double damp_fwd_vec(double u, double c, const double *d_u, const double *d_c, int k, double *d_ret) {
// CHECK:         d_u_copy[dir] = d_u[dir];

// Outputs written through helpers.
void put(double &r, double v) { r = v * v; }
ADGEN_FORWARD("x, a -> y")
void c4(const double *x, int n, double a, double *y) {
  for (int i = 0; i < n; ++i)
    put(y[i], x[i] * a + y[i]);
}
// CHECK-LABEL: void c4_fwd_vec(const double *x, int n, double a, double *y, const double *d_x, const double *d_a, double *d_y, int k) {
// CHECK:         ::adgen_detail::put_fwd_vec(y[i], v, d_y + i * k, d_v.data(), k);
// CHECK-LABEL: static void put_fwd_vec(double &r, double v, double *d_r, const double *d_v, int k) {

// A custom derivative takes one direction: called once per direction.
double cust(double u) { return std::exp(u); }
ADGEN_CUSTOM adgen::Dual<double> cust_fwd(double u, double d_u) { return {std::exp(u), std::exp(u) * d_u}; }
ADGEN_FORWARD()
double c5(double a) { return cust(a) * a; }
// CHECK-LABEL: double c5_fwd_vec(double a, const double *d_a, int k, double *d_ret) {
// CHECK:         cust_value = ::cust(a);
// CHECK-NEXT:    for (int [[DIR:dir_?[0-9]*]] = 0; [[DIR]] < k; ++[[DIR]]) {
// CHECK-NEXT:      d_cust_value[[[DIR]]] = ::cust_fwd(a, d_a[[[DIR]]]).tangent;

// A field of a struct by reference: its k tangents go through a buffer.
ADGEN_FORWARD()
double c6(double a) {
  V2 p = {a, 2 * a};
  acc(a, p.y);
  return p.y;
}
// CHECK-LABEL: double c6_fwd_vec(double a, const double *d_a, int k, double *d_ret) {
// CHECK:         d_r[[[DIR:dir_?[0-9]*]]] = d_p[[[DIR]]].y;
// CHECK:         ::adgen_detail::acc_fwd_vec(a, p.y, d_a, d_r.data(), k);
// CHECK-NEXT:    for (int [[DIR2:dir_?[0-9]*]] = 0; [[DIR2]] < k; ++[[DIR2]]) {
// CHECK-NEXT:      d_p[[[DIR2]]].y = d_r[[[DIR2]]];

#ifdef ADGEN_TEST_DRIVER
adgen::Dual<double> c1_fwd(const double *x, int n, double a, const double *d_x, double d_a);
double c1_fwd_vec(const double *x, int n, double a, const double *d_x, const double *d_a, int k, double *d_ret);
adgen::Dual<double> c2_fwd(const double *x, int n, double a, const double *d_x, double d_a);
double c2_fwd_vec(const double *x, int n, double a, const double *d_x, const double *d_a, int k, double *d_ret);
adgen::Dual<double> c3_fwd(const double *x, int n, double a, const double *d_x, double d_a);
double c3_fwd_vec(const double *x, int n, double a, const double *d_x, const double *d_a, int k, double *d_ret);
void c4_fwd(const double *x, int n, double a, double *y, const double *d_x, double d_a, double *d_y);
void c4_fwd_vec(const double *x, int n, double a, double *y, const double *d_x, const double *d_a, double *d_y, int k);
adgen::Dual<double> c5_fwd(double a, double d_a);
double c5_fwd_vec(double a, const double *d_a, int k, double *d_ret);
adgen::Dual<double> c6_fwd(double a, double d_a);
double c6_fwd_vec(double a, const double *d_a, int k, double *d_ret);
#include "adgen_test.h"
using namespace adgen_test;

double seed(int j, int i) { return std::sin(1.7 * j + 0.9 * i + 0.3); }

/// f(x, n, a) -> double: f_fwd_vec's k directions against f_fwd and central differences.
template <class Vec, class Fwd, class Fn>
void check_xa(const char *name, Vec vec, Fwd fwd, Fn f) {
  const int K = 3, N = 4;
  double x[N + 1] = {0.3, -0.7, 1.1, 0.45, 99}, a = 0.8;
  double dx[N * K + 1], da[K], dret[K + 1];
  dx[N * K] = 42, dret[K] = 42;
  for (int j = 0; j < K; ++j) {
    for (int i = 0; i < N; ++i)
      dx[i * K + j] = seed(j, i);
    da[j] = seed(j, N);
  }
  double v = vec(x, N, a, dx, da, K, dret);
  check_exact(name, v, f(x, N, a));
  check_exact("canary past d_ret", dret[K], 42);
  check_exact("canary past d_x", dx[N * K], 42);
  check_exact("canary past x", x[N], 99);
  for (int j = 0; j < K; ++j) {
    double d1[N];
    for (int i = 0; i < N; ++i)
      d1[i] = dx[i * K + j];
    check_close("direction j vs f_fwd", dret[j], fwd(x, N, a, d1, da[j]).tangent, 1e-13);
    const double h = 1e-6;
    auto at = [&](double t) {
      double xx[N];
      for (int i = 0; i < N; ++i)
        xx[i] = x[i] + t * d1[i];
      return f(xx, N, a + t * da[j]);
    };
    check_close("direction j vs central differences", dret[j], (at(h) - at(-h)) / (2 * h), 1e-6, 1e-9);
  }
}

/// f(a) -> double: f_fwd_vec's k directions against f_fwd and central differences.
template <class Vec, class Fwd, class Fn>
void check_a(const char *name, Vec vec, Fwd fwd, Fn f) {
  const int K = 3;
  double a = 0.8, da[K], dret[K + 1];
  dret[K] = 42;
  for (int j = 0; j < K; ++j)
    da[j] = seed(j, 0);
  check_exact(name, vec(a, da, K, dret), f(a));
  check_exact("canary past d_ret", dret[K], 42);
  for (int j = 0; j < K; ++j) {
    check_close("direction j vs f_fwd", dret[j], fwd(a, da[j]).tangent, 1e-13);
    const double h = 1e-6;
    check_close("direction j vs central differences", dret[j], (f(a + h * da[j]) - f(a - h * da[j])) / (2 * h), 1e-6, 1e-9);
  }
}

int main() {
  check_a("c5", c5_fwd_vec, c5_fwd, c5);
  check_a("c6", c6_fwd_vec, c6_fwd, c6);
  check_xa("c1", c1_fwd_vec, c1_fwd, c1);
  check_xa("c2", c2_fwd_vec, c2_fwd, c2);
  check_xa("c3", c3_fwd_vec, c3_fwd, c3);
  { // c4: y in-out through put(double&, double).
    const int K = 2, N = 3;
    double x[N] = {0.3, -0.7, 1.1}, a = 0.6, y0[N + 1] = {0.2, 0.5, -0.4, 99};
    double dx[N * K], da[K], dy[N * K + 1], dy0[N * K];
    dy[N * K] = 42;
    for (int j = 0; j < K; ++j) {
      for (int i = 0; i < N; ++i)
        dx[i * K + j] = seed(j, i), dy[i * K + j] = dy0[i * K + j] = seed(j, N + i);
      da[j] = seed(j, 2 * N);
    }
    double y[N + 1] = {y0[0], y0[1], y0[2], y0[3]}, want[N] = {y0[0], y0[1], y0[2]};
    c4_fwd_vec(x, N, a, y, dx, da, dy, K);
    c4(x, N, a, want);
    for (int i = 0; i < N; ++i)
      check_exact("c4: y is what f leaves", y[i], want[i]);
    check_exact("c4: canary past y", y[N], 99);
    check_exact("c4: canary past d_y", dy[N * K], 42);
    for (int j = 0; j < K; ++j) {
      double d1[N], o[N] = {y0[0], y0[1], y0[2]}, t[N];
      for (int i = 0; i < N; ++i)
        d1[i] = dx[i * K + j], t[i] = dy0[i * K + j];
      c4_fwd(x, N, a, o, d1, da[j], t);
      const double h = 1e-6;
      double yp[N] = {y0[0], y0[1], y0[2]}, ym[N] = {y0[0], y0[1], y0[2]}, xp[N], xm[N];
      for (int i = 0; i < N; ++i) {
        yp[i] += h * dy0[i * K + j], ym[i] -= h * dy0[i * K + j];
        xp[i] = x[i] + h * d1[i], xm[i] = x[i] - h * d1[i];
      }
      c4(xp, N, a + h * da[j], yp);
      c4(xm, N, a - h * da[j], ym);
      for (int i = 0; i < N; ++i) {
        check_close("c4: direction j vs f_fwd", dy[i * K + j], t[i], 1e-13);
        check_close("c4: direction j vs central differences", dy[i * K + j], (yp[i] - ym[i]) / (2 * h), 1e-6, 1e-9);
      }
    }
  }
  return finish();
}
#endif
