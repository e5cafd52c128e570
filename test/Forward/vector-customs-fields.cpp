// f_fwd_vec through calls it used to leave out: a callee whose forward mode
// is the user's g_fwd (ADGEN_CUSTOM; g once for the value, g_fwd once per
// direction), and a struct's field passed to a callee's `double&` (its k
// tangents copied into a buffer for the call and back after it; two fields
// of one struct are two buffers). Each direction checked against f_fwd with
// the same seed and against central differences; f's effects compared.
// Left out (f_fwd's comment says why): a custom of a callee that takes a
// `double&`, a field passed together with its struct, a pointer into a field.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <array>
#include <cmath>

// Bodies not visible to adgen (defined in the driver section).
double bump(double x, double nu);
ADGEN_CUSTOM adgen::Dual<double> bump_fwd(double x, double nu, double d_x, double d_nu) {
  double e = std::exp(-x * x * nu);
  return {bump(x, nu), e * (-2 * x * nu * d_x - x * x * d_nu)};
}
// A visible body replaced by the user's derivative; a const& parameter.
double soft(const double &x) { return x / (1.0 + std::fabs(x)); }
ADGEN_CUSTOM adgen::Dual<double> soft_fwd(const double &x, const double &d_x) {
  double q = 1.0 + std::fabs(x);
  return {soft(x), d_x / (q * q)};
}

ADGEN_FORWARD()
double model(double x, double nu, const double *w) {
  double s = 0;
  for (int i = 0; i < 3; ++i)
    s += soft(x * w[i]) * bump(w[i], nu);
  return s + bump(x, 1.5);
}
// CHECK-LABEL: adgen::Dual<double> model_fwd(
// CHECK-NOT: No model_fwd_vec
// CHECK-LABEL: double model_fwd_vec(double x, double nu, const double *w, const double *d_x, const double *d_nu, const double *d_w, int k, double *d_ret) {
// CHECK:         double soft_value;
// CHECK-NEXT:    soft_value = ::soft(x * w[i]);
// CHECK-NEXT:    for (int [[DIR:dir_[0-9]+]] = 0; [[DIR]] < k; ++[[DIR]]) { // line {{[0-9]+}}
// CHECK-NEXT:      d_soft_value[[[DIR]]] = ::soft_fwd(x * w[i], d_x[[[DIR]]] * w[i] + d_w[i * k + [[DIR]]] * x).tangent;
// CHECK:         bump_value = ::bump(w[i], nu);
// CHECK-NEXT:    for (int [[DIR2:dir_[0-9]+]] = 0; [[DIR2]] < k; ++[[DIR2]]) { // line {{[0-9]+}}
// CHECK-NEXT:      d_bump_value[[[DIR2]]] = ::bump_fwd(w[i], nu, d_w[i * k + [[DIR2]]], d_nu[[[DIR2]]]).tangent;

// A custom whose callee writes through a reference: one direction at a time
// would repeat its effect, so no f_fwd_vec.
void step(double &x, double h);
ADGEN_CUSTOM void step_fwd(double &x, double h, double &d_x, double d_h) {
  d_x += d_h * std::cos(x);
  step(x, h);
}
ADGEN_FORWARD()
double stepped(double x, double h) {
  step(x, h);
  return x * x;
}
// CHECK: No stepped_fwd_vec (k directions in one sweep): 'stepped' calls 'step', whose forward mode is your step_fwd (ADGEN_CUSTOM), one direction at a time, and returns no number.
// CHECK-LABEL: adgen::Dual<double> stepped_fwd(
// CHECK-NOT: stepped_fwd_vec(

struct State {
  double pos, vel;
  double q[2];
};
void advance(double &p, double &v, double dt) {
  p += v * dt;
  v *= std::exp(-dt * p);
}
void scale(double &a, double s) { a = a * s + std::sin(a); }
double energy(const State &st) { return st.pos * st.vel + st.q[0] * st.q[1]; }

// Fields by `double&`: a local struct's, a reference parameter's, an array
// field's element; two fields of one struct in one call.
ADGEN_FORWARD("s, dt -> s, return")
double integrate(State &s, double dt) {
  State t = s;
  for (int i = 0; i < 2; ++i)
    advance(t.pos, t.vel, dt);
  scale(s.q[1], dt);
  scale(s.pos, t.vel);
  return energy(t) + energy(s);
}
// CHECK-LABEL: adgen::Dual<double> integrate_fwd(
// CHECK-LABEL: double integrate_fwd_vec(State &s, double dt, State *d_s, const double *d_dt, int k, double *d_ret) {
// CHECK:         d_p[[[DIR:dir_[0-9]+]]] = d_t[[[DIR]]].pos;
// CHECK:         d_v[[[DIR2:dir_[0-9]+]]] = d_t[[[DIR2]]].vel;
// CHECK:         ::adgen_detail::advance_fwd_vec(t.pos, t.vel, dt, d_p.data(), d_v.data(), d_dt, k);
// CHECK-NEXT:    for (int [[DIR3:dir_[0-9]+]] = 0; [[DIR3]] < k; ++[[DIR3]]) { // line {{[0-9]+}}
// CHECK-NEXT:      d_t[[[DIR3]]].pos = d_p[[[DIR3]]];
// CHECK:         d_t[[[DIR4:dir_[0-9]+]]].vel = d_v[[[DIR4]]];
// CHECK:         ::adgen_detail::scale_fwd_vec(s.q[1], dt, d_a.data(), d_dt, k);
// CHECK-NEXT:    for (int [[DIR5:dir_[0-9]+]] = 0; [[DIR5]] < k; ++[[DIR5]]) { // line {{[0-9]+}}
// CHECK-NEXT:      d_s[[[DIR5]]].q[1] = d_a[[[DIR5]]];
// CHECK:         ::adgen_detail::scale_fwd_vec(s.pos, t.vel, d_a_1.data(), d_s_1.data(), k);
// CHECK-NEXT:    for (int [[DIR6:dir_[0-9]+]] = 0; [[DIR6]] < k; ++[[DIR6]]) { // line {{[0-9]+}}
// CHECK-NEXT:      d_s[[[DIR6]]].pos = d_a_1[[[DIR6]]];

// A field passed together with its struct (`pull(s, s.pos)`) is refused
// before any mode: Diagnostics/overlapping-arguments.cpp.

// Whole array fields to pointer parameters (`h(t.q)`, `h(s.a.data())`):
// their len * k tangents into a buffer, element-major, and back after the
// call (not for a const pointer). A pointer into the middle of a field
// (`h(s.q + 1)`) stays refused.
struct Arr {
  double q[3];
  std::array<double, 2> a;
  double x;
};
double sum3(const double *p) { return p[0] * p[1] + std::sin(p[2]); }
void scl(double *p, int n, double f) {
  for (int i = 0; i < n; ++i)
    p[i] *= f * p[i];
}
ADGEN_FORWARD("s, f -> s, return")
double arrf(Arr &s, double f) {
  Arr t = s;
  scl(t.q, 3, f);
  scl(s.a.data(), 2, t.q[1]);
  return sum3(t.q) + s.x * s.a[1];
}
// CHECK-LABEL: adgen::Dual<double> arrf_fwd(
// CHECK-LABEL: double arrf_fwd_vec(Arr &s, double f, Arr *d_s, const double *d_f, int k, double *d_ret) {
// CHECK:         std::vector<double> d_p(3 * k);
// CHECK:         for (int [[E:elem[_0-9]*]] = 0; [[E]] < 3; ++[[E]]) { // line {{[0-9]+}}
// CHECK-NEXT:      for (int [[DIR:dir_[0-9]+]] = 0; [[DIR]] < k; ++[[DIR]]) { // line {{[0-9]+}}
// CHECK-NEXT:        d_p[[[E]] * k + [[DIR]]] = d_t[[[DIR]]].q[[[E]]];
// CHECK:         ::adgen_detail::scl_fwd_vec(t.q, 3, f, d_p.data(), d_f, k);
// CHECK-NEXT:    for (int [[E2:elem[_0-9]*]] = 0; [[E2]] < 3; ++[[E2]]) { // line {{[0-9]+}}
// CHECK-NEXT:      for (int [[DIR2:dir_[0-9]+]] = 0; [[DIR2]] < k; ++[[DIR2]]) { // line {{[0-9]+}}
// CHECK-NEXT:        d_t[[[DIR2]]].q[[[E2]]] = d_p[[[E2]] * k + [[DIR2]]];
// CHECK:         ::adgen_detail::scl_fwd_vec(s.a.data(), 2, t.q[1], d_p_1.data(), d_f_1.data(), k);
// CHECK:           d_s[[[DIR3:dir_[0-9]+]]].a[[[E3:elem[_0-9]*]]] = d_p_1[[[E3]] * k + [[DIR3]]];
// CHECK:         ::adgen_detail::sum3_fwd_vec(t.q, d_p_2.data(), k, d_sum3_value.data());
// CHECK-NOT:       d_t[{{.*}}].q[{{.*}}] = d_p_2

ADGEN_FORWARD()
double middle(Arr s, double f) {
  scl(s.q + 1, 2, f);
  return s.q[2];
}
// CHECK: No middle_fwd_vec (k directions in one sweep): 'middle' passes 'scl' a pointer into a field of a struct, or a field that another argument also reaches.
// CHECK-LABEL: adgen::Dual<double> middle_fwd(
// CHECK-NOT: middle_fwd_vec(

#ifdef ADGEN_TEST_DRIVER
double bump(double x, double nu) { return std::exp(-x * x * nu); }
void step(double &x, double h) { x += h * std::sin(x); }
adgen::Dual<double> model_fwd(double x, double nu, const double *w, double d_x, double d_nu, const double *d_w);
double model_fwd_vec(double x, double nu, const double *w, const double *d_x, const double *d_nu, const double *d_w, int k, double *d_ret);
adgen::Dual<double> integrate_fwd(State &s, double dt, State &d_s, double d_dt);
double integrate_fwd_vec(State &s, double dt, State *d_s, const double *d_dt, int k, double *d_ret);
adgen::Dual<double> arrf_fwd(Arr &s, double f, Arr &d_s, double d_f);
double arrf_fwd_vec(Arr &s, double f, Arr *d_s, const double *d_f, int k, double *d_ret);
#include "adgen_test.h"
using namespace adgen_test;

double seed(int j, int i) { return std::sin(1.7 * j + 0.9 * i + 0.3); }
double *num(Arr &s, int i) { return i < 3 ? &s.q[i] : i < 5 ? &s.a[i - 3] : &s.x; }
double *num(State &s, int i) {
  double *p[4] = {&s.pos, &s.vel, &s.q[0], &s.q[1]};
  return p[i];
}

// f(S &s, double p) with s's N numbers in and out: f_fwd_vec with K
// directions against f's value and effects, canaries past d_ret and d_s,
// then each direction against f_fwd and central differences.
template <int N, class S, class F, class Fwd, class Vec>
void checkInOut(const char *name, S s0, double p, F f, Fwd fwd, Vec vec) {
  const int K = 3;
  double dp[K], dret[K + 1];
  S ds[K + 1], ds0[K];
  *num(ds[K], 0) = 42, dret[K] = 42;
  for (int j = 0; j < K; ++j) {
    for (int i = 0; i < N; ++i)
      *num(ds[j], i) = seed(j, i);
    dp[j] = seed(j, N);
    ds0[j] = ds[j];
  }
  S s = s0, sf = s0;
  double v = vec(s, p, ds, dp, K, dret);
  double vf = f(sf, p);
  check_exact(Label(name, "value is f's"), v, vf);
  for (int i = 0; i < N; ++i)
    check_exact(Label(name, "s as f leaves it", i), *num(s, i), *num(sf, i));
  check_exact(Label(name, "canary past d_ret"), dret[K], 42);
  check_exact(Label(name, "canary past d_s"), *num(ds[K], 0), 42);
  for (int j = 0; j < K; ++j) {
    S s1 = s0, d1 = ds0[j];
    adgen::Dual<double> r = fwd(s1, p, d1, dp[j]);
    check_close(Label(name, "direction j's result vs f_fwd", j), dret[j], r.tangent, 1e-14);
    for (int i = 0; i < N; ++i)
      check_close(Label(name, "direction j's d_s vs f_fwd", i), *num(ds[j], i), *num(d1, i), 1e-14);
    const double h = 1e-6;
    auto at = [&](double t, int out) {
      S st = s0;
      for (int i = 0; i < N; ++i)
        *num(st, i) += t * *num(ds0[j], i);
      double r = f(st, p + t * dp[j]);
      return out < 0 ? r : *num(st, out);
    };
    check_close(Label(name, "result vs central differences", j), dret[j], (at(h, -1) - at(-h, -1)) / (2 * h), 1e-6, 1e-9);
    for (int i = 0; i < N; ++i)
      check_close(Label(name, "d_s vs central differences", i), *num(ds[j], i), (at(h, i) - at(-h, i)) / (2 * h), 1e-6, 1e-9);
  }
}

int main() {
  const int K = 3;
  { // model: x, nu, w[3]
    double x = 0.7, nu = 1.3, w[3] = {0.5, -1.5, 2.0};
    double dx[K], dnu[K], dw[3 * K + 1], dret[K + 1];
    dw[3 * K] = 42, dret[K] = 42;
    for (int j = 0; j < K; ++j) {
      dx[j] = seed(j, 0), dnu[j] = seed(j, 1);
      for (int i = 0; i < 3; ++i)
        dw[i * K + j] = seed(j, 2 + i);
    }
    double v = model_fwd_vec(x, nu, w, dx, dnu, dw, K, dret);
    check_exact("model: value is f's", v, model(x, nu, w));
    check_exact("model: canary past d_ret", dret[K], 42);
    check_exact("model: canary past d_w", dw[3 * K], 42);
    for (int j = 0; j < K; ++j) {
      double dwj[3] = {dw[0 * K + j], dw[1 * K + j], dw[2 * K + j]};
      check_close("model: direction j vs f_fwd", dret[j], model_fwd(x, nu, w, dx[j], dnu[j], dwj).tangent, 1e-14);
      const double h = 1e-6;
      auto at = [&](double t) {
        double ww[3] = {w[0] + t * dwj[0], w[1] + t * dwj[1], w[2] + t * dwj[2]};
        return model(x + t * dx[j], nu + t * dnu[j], ww);
      };
      check_close("model: direction j vs central differences", dret[j], (at(h) - at(-h)) / (2 * h), 1e-6, 1e-9);
    }
    check_close("model: k = 0 gives the value", model_fwd_vec(x, nu, w, dx, dnu, dw, 0, dret), v, 0);
  }
  // integrate: s (4 numbers, in-out), dt; arrf: s (6 numbers, in-out), f
  checkInOut<4>("integrate", State{0.4, 0.9, {0.3, -0.7}}, 0.25, integrate, integrate_fwd, integrate_fwd_vec);
  checkInOut<6>("arrf", Arr{{0.4, 0.9, -0.3}, {{0.8, -0.6}}, 1.2}, 0.7, arrf, arrf_fwd, arrf_fwd_vec);
  return finish();
}
#endif
