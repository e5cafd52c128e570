// Functors: a class with fields whose operator() is marked gets
// Model_call_fwd / Model_call_pullback / Model_call_grad (interface.md §4),
// and calls of functor objects from differentiated code (`m(x)` with m a
// parameter, a local, a field of a parameter, a temporary) are
// differentiated like other member calls, with respect to the functor's
// fields too. Member and free arithmetic and comparison operators work the
// same way.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-DAG: ok   Model::operator() {{.*}}worst relative error
// RUNCHECK-DAG: ok   loss {{.*}}worst relative error
// RUNCHECK: 2 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

struct Model {
  double w, b;
  // CHECK-LABEL: inline double Model_call_pullback(const Model &self, double x, double d_ret, Model *d_self, double *d_x) {
  // CHECK:         tanh_val = std::tanh(self.w * x + self.b);
  // CHECK-LABEL: inline double Model_call_grad(const Model &self, double x, Model *d_self, double *d_x) {
  // CHECK-LABEL: inline adgen::Dual<double> Model_call_fwd(const Model &self, double x, const Model &d_self, double d_x) {
  ADGEN_REVERSE() ADGEN_FORWARD()
  double operator()(double x) const { return std::tanh(w * x + b); }
  Model operator+(const Model &o) const { return {w + o.w, b + o.b}; }
  bool operator<(const Model &o) const { return w < o.w; }
};
struct Net {
  Model a, c;
  double k;
};
inline Model operator*(double s, const Model &m) { return {s * m.w, s * m.b}; }

// CHECK-LABEL: double loss_pullback(const Model &m, const Net &n, double x, double d_ret, Model *d_m, Net *d_n, double *d_x) {
// CHECK:         ::adgen_detail::Model_operator_plus_record(m, local)
// CHECK:         ::adgen_detail::Model_operator_call_record(m, x, tape)
// CHECK:         ::adgen_detail::Model_operator_call_record(n.a, x, tape)
// CHECK:         ::adgen_detail::Model_operator_less_record(m, local)
// CHECK-LABEL: adgen::Dual<double> loss_fwd(
ADGEN_REVERSE() ADGEN_FORWARD()
double loss(const Model &m, const Net &n, double x) {
  Model local{x, 0.5};
  Model s = m + local;
  double r = m(x) + local(x * x) + n.a(x) * n.c(m.w) + s(1.0) + (n.k * n.c)(x);
  if (m < local)
    r *= 2;
  return r + Model{n.k, x}(0.3);
}

#ifdef ADGEN_TEST_DRIVER
inline double Model_call_pullback(const Model &self, double x, double d_ret, Model *d_self, double *d_x);
inline double Model_call_grad(const Model &self, double x, Model *d_self, double *d_x);
inline adgen::Dual<double> Model_call_fwd(const Model &self, double x, const Model &d_self, double d_x);
double loss_pullback(const Model &m, const Net &n, double x, double d_ret, Model *d_m, Net *d_n, double *d_x);
double loss_grad(const Model &m, const Net &n, double x, Model *d_m, Net *d_n, double *d_x);
adgen::Dual<double> loss_fwd(const Model &m, const Net &n, double x, const Model &d_m, const Net &d_n, double d_x);
#include "adgen_pullback.h"
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  double p0[3] = {0.8, -0.3, 0.6}; // w, b, x
  auto call = [](const double *p) { return Model{p[0], p[1]}(p[2]); };
  auto pull = [](const double *p, double s, double *g) {
    Model d{g[0], g[1]};
    double r = Model_call_pullback(Model{p[0], p[1]}, p[2], s, &d, &g[2]);
    g[0] = d.w, g[1] = d.b;
    return r;
  };
  check_scalar_fn<double>(
      "Model_call", p0, 3, call,
      [](const double *p, double *g) {
        Model d{g[0], g[1]};
        double r = Model_call_grad(Model{p[0], p[1]}, p[2], &d, &g[2]);
        g[0] = d.w, g[1] = d.b;
        return r;
      },
      [](const double *p, const double *t) {
        return Model_call_fwd(Model{p[0], p[1]}, p[2], Model{t[0], t[1]}, t[2]);
      });
  check_pullback_prefilled<double>("Model_call", p0, 3, call, pull);

  // loss: m.w m.b, n.a.w n.a.b n.c.w n.c.b n.k, x. Both sides of m < local.
  for (double mw : {0.4, 1.7}) {
    double q0[8] = {mw, -0.2, 0.3, 0.9, -0.6, 0.25, 1.1, 0.8};
    auto unpackNet = [](const double *q) { return Net{{q[2], q[3]}, {q[4], q[5]}, q[6]}; };
    auto f = [&](const double *q) { return loss(Model{q[0], q[1]}, unpackNet(q), q[7]); };
    auto lpull = [&](const double *q, double s, double *g) {
      Model dm{g[0], g[1]};
      Net dn = unpackNet(g);
      double r = loss_pullback(Model{q[0], q[1]}, unpackNet(q), q[7], s, &dm, &dn, &g[7]);
      g[0] = dm.w, g[1] = dm.b, g[2] = dn.a.w, g[3] = dn.a.b, g[4] = dn.c.w, g[5] = dn.c.b,
      g[6] = dn.k;
      return r;
    };
    check_scalar_fn<double>(
        "loss", q0, 8, f, [&](const double *q, double *g) { return lpull(q, 1.0, g); },
        [&](const double *q, const double *t) {
          return loss_fwd(Model{q[0], q[1]}, unpackNet(q), q[7], Model{t[0], t[1]}, unpackNet(t),
                          t[7]);
        });
    check_pullback_prefilled<double>("loss", q0, 8, f, lpull);
  }
  return finish();
}
#endif
