// A std::array field inside a struct (`struct State { std::array<double, 3>
// q; double t; };`) is a fixed-size array field like `double q[3]`: read and
// written by index, range-for, size/front/back/data, brace-initialised,
// copied as a whole, passed to helpers (`sum3(s.q)`, `dot(s.q.data(), ...)`),
// inside nested structs, std::vector and std::array of structs, private in a
// class with a marked method; as an inactive parameter of f_jacobian; and
// under --emit=check. A std::vector field is refused.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=CHECKER
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=CHECKER
// RUN: not %adgen %s -o %t.bad.cpp -- -std=c++17 -DBAD 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not test -e %t.bad.cpp
#include <adgen/adgen.h>
#include <array>
#include <cmath>
#include <vector>

struct State {
  std::array<double, 3> q;
  double t;
};
struct Body {
  State s;
  std::array<int, 2> ids; // carries no derivative
  double m;
};

// Read: const State&.
ADGEN_REVERSE() ADGEN_FORWARD()
double energy(const State &s, double k) {
  double e = 0;
  for (int i = 0; i < 3; ++i)
    e += k * s.q[i] * s.q[i];
  return e + std::sin(s.t) * s.q[0];
}
// CHECK-LABEL: double energy_pullback(const State &s, double k, double d_ret, State *d_s, double *d_k) {
// CHECK:         d_s->q[0] += d_result * std::sin(s.t);
// CHECK-LABEL: adgen::Dual<double> energy_fwd(const State &s, double k, const State &d_s, double d_k) {

// Written: State& in-out, one step of an explicit scheme.
ADGEN_REVERSE("s, h -> s") ADGEN_FORWARD("s, h -> s")
void step(State &s, double h) {
  for (int i = 0; i < 3; ++i)
    s.q[i] = s.q[i] + h * std::cos(s.q[(i + 1) % 3]);
  s.t += h;
}
// CHECK-LABEL: void step_pullback(State &s, double h, State *d_s, double *d_h) {
// CHECK:         tape_at.push(s.q[static_cast<unsigned long>(i)]);
// CHECK:         s.q[static_cast<unsigned long>(i)] = tape.pop<double>();
// CHECK-LABEL: void step_fwd(State &s, double h, State &d_s, double d_h) {

static double sum3(const std::array<double, 3> &a) { return a[0] + 2 * a[1] + 3 * a[2]; }
static double dot(const double *a, const double *b, int n) {
  double r = 0;
  for (int i = 0; i < n; ++i)
    r += a[i] * b[i];
  return r;
}
static void bump(double &v, double h) { v = v * (1 + h); }
static State advance(const State &s, double h) {
  State c = s;
  for (double &x : c.q)
    x = x + h * std::sin(x);
  c.t = s.t + h;
  return c;
}

// Locals, initialisers, whole-struct copies, helpers.
ADGEN_REVERSE() ADGEN_FORWARD()
double locals(const State &s, double h) {
  State a{};
  State b{{s.q[1], s.q[2] * h, h}, s.t};
  a = b;
  a.q[0] += sum3(s.q);
  double r = dot(s.q.data(), b.q.data(), 3);
  for (const double &x : a.q)
    r += x * x;
  r += static_cast<double>(a.q.size()) * a.q.front() * a.q.back();
  State c = advance(s, h);
  bump(c.q[1], h);
  return r + c.q[0] * c.q[1] + c.t * c.q[2];
}
// CHECK-LABEL: double locals_pullback(const State &s, double h, double d_ret, State *d_s, double *d_h) {
// CHECK:         State d_a = {};
// CHECK:         b.q[1] = s.q[2] * h;
// CHECK:         a.q[0] = b.q[0];
// CHECK:         sum3_result = ::adgen_detail::sum3_record(s.q);
// CHECK:         dot_result = ::adgen_detail::dot_record(s.q.data(), b.q.data(), 3);
// CHECK:         ::adgen_detail::dot_reverse(s.q.data(), b.q.data(), 3, d_dot, d_s->q.data(), d_b.q.data());
// CHECK:         ::adgen_detail::sum3_reverse(s.q, d_sum3, &d_s->q);

// Nested, in a std::vector, in a std::array; integer std::array fields.
ADGEN_REVERSE("bs, w") ADGEN_FORWARD("bs, w")
double bodies(const std::vector<Body> &bs, const std::array<State, 2> &w) {
  double e = 0;
  for (const Body &b : bs)
    for (int k = 0; k < 3; ++k)
      e += b.m * b.s.q[k] * w[b.ids[0]].q[k] + b.ids[1] * b.s.t;
  return e;
}
// CHECK-LABEL: double bodies_pullback(const std::vector<Body> &bs, const std::array<State, 2> &w, double d_ret, std::vector<Body> *d_bs, std::array<State, 2> *d_w) {

// By value, returned.
ADGEN_REVERSE() ADGEN_FORWARD()
State byValue(State s, double h) {
  s.q[0] *= h;
  s.q[2] = std::exp(s.q[1] * h);
  return s;
}
// CHECK-LABEL: State byValue_pullback(State s, double h, State d_ret, State *d_s, double *d_h) {

// A private std::array field read by a marked method.
class Poly {
  std::array<double, 3> c_;

public:
  Poly() = default;
  explicit Poly(double a, double b, double c) : c_{a, b, c} {}
  ADGEN_REVERSE("self, x") ADGEN_FORWARD("self, x")
  double eval(double x) const { return c_[0] + x * (c_[1] + x * c_[2]); }
};
// CHECK-LABEL: double Poly_eval_pullback(const Poly &self, double x, double d_ret, Poly *d_self, double *d_x) {
// CHECK:         (d_self->*adgen::access::Poly_c_)[0] += d_result;

// An inactive struct parameter of f_jacobian.
struct Params {
  std::array<double, 3> c;
  int n;
};
ADGEN_JACOBIAN("x[3] -> y[3]") ADGEN_REVERSE("x -> y")
void field(const double *x, const Params &p, double *y) {
  for (int i = 0; i < 3; ++i)
    y[i] = p.c[i] * std::sin(x[i]) * x[(i + 1) % 3];
}
// CHECK-LABEL: void field_jacobian(const double *x, const Params &p, double *y, double *jac) {

#ifdef BAD
struct Grown {
  std::vector<double> v;
};
ADGEN_REVERSE()
double grown(const Grown &g) { return g.v[0]; }
// BAD: std-array-field.cpp:[[@LINE-1]]:27: error: parameter 'g' has type 'const Grown &': field 'v' of 'Grown' has type 'std::vector<double>', which is not trivially copyable; adgen supports structs of values
#endif

// CHECKER: ok   energy
// CHECKER: ok   step
// CHECKER: ok   locals
// CHECKER: ok   bodies
// CHECKER: ok   byValue
// CHECKER: ok   Poly::eval
// CHECKER: ok   field
// CHECKER: 7 passed, 0 failed

#ifdef ADGEN_TEST_DRIVER
double energy_grad(const State &s, double k, State *d_s, double *d_k);
double energy_pullback(const State &s, double k, double d_ret, State *d_s, double *d_k);
adgen::Dual<double> energy_fwd(const State &s, double k, const State &d_s, double d_k);
void step_pullback(State &s, double h, State *d_s, double *d_h);
void step_fwd(State &s, double h, State &d_s, double d_h);
double locals_grad(const State &s, double h, State *d_s, double *d_h);
adgen::Dual<double> locals_fwd(const State &s, double h, const State &d_s, double d_h);
double Poly_eval_pullback(const Poly &self, double x, double d_ret, Poly *d_self, double *d_x);
void field_jacobian(const double *x, const Params &p, double *y, double *jac);
#include "adgen_test.h"
#include <cstring>

static State unpack(const double *a) { return State{{a[0], a[1], a[2]}, a[3]}; }
static void pack(const State &s, double *a) {
  for (int i = 0; i < 3; ++i)
    a[i] = s.q[i];
  a[3] = s.t;
}

int main() {
  using namespace adgen_test;
  const double x0[5] = {0.3, -0.7, 1.1, 0.5, 1.3}; // q, t, and k or h

  check_scalar_fn<double>(
      "energy", x0, 5, [](const double *a) { return energy(unpack(a), a[4]); },
      [](const double *a, double *g) {
        State d{};
        double v = energy_grad(unpack(a), a[4], &d, &g[4]);
        for (int i = 0; i < 4; ++i)
          g[i] += i < 3 ? d.q[i] : d.t;
        return v;
      },
      [](const double *a, const double *t) { return energy_fwd(unpack(a), a[4], unpack(t), t[4]); });

  check_scalar_fn<double>(
      "locals", x0, 5, [](const double *a) { return locals(unpack(a), a[4]); },
      [](const double *a, double *g) {
        State d{};
        double v = locals_grad(unpack(a), a[4], &d, &g[4]);
        for (int i = 0; i < 4; ++i)
          g[i] += i < 3 ? d.q[i] : d.t;
        return v;
      },
      [](const double *a, const double *t) { return locals_fwd(unpack(a), a[4], unpack(t), t[4]); });

  // step: (q, t, h) -> (q, t), in place.
  check_vector_fn<double>(
      "step", x0, 5, 4,
      [](const double *a, double *y) {
        State s = unpack(a);
        step(s, a[4]);
        pack(s, y);
      },
      [](const double *a, const double *ybar, double *xbar) {
        State s = unpack(a), d = unpack(ybar);
        double dh = 0;
        step_pullback(s, a[4], &d, &dh);
        State want = unpack(a);
        step(want, a[4]);
        check_exact("step_pullback has step's effects", std::memcmp(&s, &want, sizeof s), 0);
        pack(d, xbar);
        xbar[4] = dh;
      },
      [](const double *a, const double *t, double *y, double *ydot) {
        State s = unpack(a), d = unpack(t);
        step_fwd(s, a[4], d, t[4]);
        pack(s, y);
        pack(d, ydot);
      });

  // Pullback into pre-filled adjoints, d_ret != 1: adds d_ret * gradient.
  {
    State s = unpack(x0), g{}, pre{{1, 2, 3}, 4};
    double gk = 0, dk = 0.5;
    energy_grad(s, x0[4], &g, &gk);
    State d = pre;
    double v = energy_pullback(s, x0[4], 2.5, &d, &dk);
    check_ulps("energy_pullback returns f", v, energy(s, x0[4]));
    for (int i = 0; i < 3; ++i)
      check_close("energy_pullback pre-filled q", d.q[i], pre.q[i] + 2.5 * g.q[i], 1e-14);
    check_close("energy_pullback pre-filled t", d.t, pre.t + 2.5 * g.t, 1e-14);
    check_close("energy_pullback pre-filled k", dk, 0.5 + 2.5 * gk, 1e-14);
  }
  {
    // step: d_h accumulates into a pre-filled value; d_s is the seed.
    State s = unpack(x0), d{{0.2, -0.4, 0.9}, 1.5};
    double dh = 0.7;
    State s1 = s, d1 = d;
    double dh1 = 0;
    step_pullback(s1, x0[4], &d1, &dh1);
    step_pullback(s, x0[4], &d, &dh);
    check_close("step_pullback pre-filled h", dh, 0.7 + dh1, 1e-14);
  }
  {
    // A private std::array field: d c_[k] = x^k.
    Poly p(1, 2, 3), d(0.5, 0, 0);
    double dx = 0.25;
    double v = Poly_eval_pullback(p, 0.5, 2.0, &d, &dx);
    check_ulps("Poly::eval value", v, p.eval(0.5));
    check_close("Poly::eval d_x", dx, 0.25 + 2.0 * (2 + 2 * 3 * 0.5), 1e-14);
    Poly want(0.5 + 2.0, 2.0 * 0.5, 2.0 * 0.25);
    check_ulps("Poly::eval d_self", d.eval(2.0), want.eval(2.0));
  }
  {
    // f_jacobian with an inactive Params: J = diag-ish, against FD.
    Params p{{1.5, -0.5, 2.0}, 3};
    double x[3] = {0.3, -0.7, 1.1}, y[3], jac[9];
    field_jacobian(x, p, y, jac);
    for (int j = 0; j < 3; ++j)
      for (int i = 0; i < 3; ++i) {
        double fd = fd_array(
            [&] {
              double yy[3];
              field(x, p, yy);
              return yy[i];
            },
            x, j);
        check_close(Label("field_jacobian", "vs FD", i * 3 + j), jac[i * 3 + j], fd, 1e-6, 1e-9);
      }
  }
  return finish();
}
#endif
