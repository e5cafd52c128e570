// A realistic example: the residual of a nonlinear 1-D heat equation
// -(k(u) u')' = q, assembled by finite elements, written the way C++ users
// write it: a small `Vec` class with constructors, `operator[]` accessors and
// arithmetic operators, a `Matrix` whose `operator()(i, j)` returns a
// reference that assembly adds into (`K(e, e) += ke;`), a conductivity
// functor with fields (marked, so Conductivity_call_... exist), and a `Bar`
// built by its constructor. Derivatives with respect to the nodal values
// and every field of the bar (length, k0, beta, load).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-DAG: ok   fem::Conductivity::operator() {{.*}}worst relative error
// RUNCHECK-DAG: ok   fem::residual_norm {{.*}}worst relative error
// RUNCHECK: 2 passed, 0 failed
#include <adgen/adgen.h>

namespace fem {
constexpr int N = 5; // nodes

class Vec {
public:
  Vec() {
    for (int i = 0; i < N; ++i)
      v_[i] = 0.0;
  }
  double &operator[](int i) { return v_[i]; }
  const double &operator[](int i) const { return v_[i]; }
  double dot(const Vec &o) const {
    double s = 0.0;
    for (int i = 0; i < N; ++i)
      s += v_[i] * o.v_[i];
    return s;
  }

private:
  double v_[N];
};
inline Vec operator-(const Vec &a, const Vec &b) {
  Vec r;
  for (int i = 0; i < N; ++i)
    r[i] = a[i] - b[i];
  return r;
}

class Matrix {
public:
  Matrix() {
    for (int k = 0; k < N * N; ++k)
      a_[k] = 0.0;
  }
  double &operator()(int i, int j) { return a_[N * i + j]; }
  const double &operator()(int i, int j) const { return a_[N * i + j]; }
  Vec operator*(const Vec &x) const {
    Vec y;
    for (int i = 0; i < N; ++i)
      for (int j = 0; j < N; ++j)
        y[i] += (*this)(i, j) * x[j];
    return y;
  }

private:
  double a_[N * N];
};

struct Conductivity {
  double k0, beta;
  // CHECK-LABEL: inline double Conductivity_call_pullback(const fem::Conductivity &self, double u, double d_ret, fem::Conductivity *d_self, double *d_u) {
  // CHECK-LABEL: inline adgen::Dual<double> Conductivity_call_fwd(
  ADGEN_REVERSE() ADGEN_FORWARD()
  double operator()(double u) const { return k0 * (1.0 + beta * u * u); }
};

struct Bar {
  double length;
  Conductivity k;
  double load;
  Bar(double L, Conductivity c, double q) : length(L), k(c), load(q) {}
};

// CHECK-LABEL: double residual_norm_pullback(const fem::Vec &u, const fem::Bar &bar, double d_ret, fem::Vec *d_u, fem::Bar *d_bar) {
// CHECK:         ::adgen_detail::Conductivity_operator_call_record(bar.k, um)
// CHECK:         (K.*adgen::access::Matrix_a_)[5 * e + e] += ke;
// CHECK:         (K.*adgen::access::Matrix_a_)[5 * e + (e + 1)] -= ke;
// CHECK:         ::adgen_detail::Matrix_operator_times_record(K, u)
// CHECK:         ::adgen_detail::operator_minus_record(
// CHECK-LABEL: adgen::Dual<double> residual_norm_fwd(
ADGEN_REVERSE() ADGEN_FORWARD()
double residual_norm(const Vec &u, const Bar &bar) {
  double h = bar.length / (N - 1);
  Matrix K;
  Vec f;
  for (int e = 0; e < N - 1; ++e) {
    double um = 0.5 * (u[e] + u[e + 1]);
    double ke = bar.k(um) / h;
    K(e, e) += ke;
    K(e, e + 1) -= ke;
    K(e + 1, e) -= ke;
    K(e + 1, e + 1) += ke;
    f[e] += 0.5 * h * bar.load;
    f[e + 1] += 0.5 * h * bar.load;
  }
  K(0, 0) += 1e3; // a penalty for u(0) = 0
  Vec r = K * u - f;
  return 0.5 * r.dot(r);
}
} // namespace fem

#ifdef ADGEN_TEST_DRIVER
namespace fem {
double residual_norm_pullback(const Vec &u, const Bar &bar, double d_ret, Vec *d_u, Bar *d_bar);
double residual_norm_grad(const Vec &u, const Bar &bar, Vec *d_u, Bar *d_bar);
adgen::Dual<double> residual_norm_fwd(const Vec &u, const Bar &bar, const Vec &d_u, const Bar &d_bar);
} // namespace fem
#include "adgen_pullback.h"
#include "adgen_test.h"
using namespace adgen_test;
using namespace fem;

namespace {
// u[0..5), length, k0, beta, load.
Vec nodes(const double *p) {
  Vec u;
  for (int i = 0; i < N; ++i)
    u[i] = p[i];
  return u;
}
Bar bar(const double *p) { return Bar(p[5], Conductivity{p[6], p[7]}, p[8]); }
void unpack(const Vec &du, const Bar &db, double *g) {
  for (int i = 0; i < N; ++i)
    g[i] = du[i];
  g[5] = db.length, g[6] = db.k.k0, g[7] = db.k.beta, g[8] = db.load;
}

// The same residual, assembled by hand from the formulas.
double reference(const double *p) {
  double u[N], f[N] = {}, Ku[N] = {};
  for (int i = 0; i < N; ++i)
    u[i] = p[i];
  double h = p[5] / (N - 1);
  for (int e = 0; e < N - 1; ++e) {
    double um = 0.5 * (u[e] + u[e + 1]);
    double ke = p[6] * (1.0 + p[7] * um * um) / h;
    Ku[e] += ke * (u[e] - u[e + 1]);
    Ku[e + 1] += ke * (u[e + 1] - u[e]);
    f[e] += 0.5 * h * p[8];
    f[e + 1] += 0.5 * h * p[8];
  }
  Ku[0] += 1e3 * u[0];
  double s = 0;
  for (int i = 0; i < N; ++i)
    s += (Ku[i] - f[i]) * (Ku[i] - f[i]);
  return 0.5 * s;
}
} // namespace

int main() {
  double p0[9] = {0.01, 0.3, 0.55, 0.7, 0.8, 2.0, 1.5, 0.4, 3.0};
  auto f = [](const double *p) { return residual_norm(nodes(p), bar(p)); };
  check_close("residual_norm vs hand", f(p0), reference(p0), 1e-13, 1e-13);
  auto pull = [](const double *p, double s, double *g) {
    Vec du = nodes(g);
    Bar db = bar(g);
    double r = residual_norm_pullback(nodes(p), bar(p), s, &du, &db);
    unpack(du, db, g);
    return r;
  };
  check_scalar_fn<double>(
      "residual_norm", p0, 9, f, [&](const double *p, double *g) { return pull(p, 1.0, g); },
      [](const double *p, const double *t) {
        return residual_norm_fwd(nodes(p), bar(p), nodes(t), bar(t));
      });
  check_pullback_prefilled<double>("residual_norm", p0, 9, f, pull);
  return finish();
}
#endif
