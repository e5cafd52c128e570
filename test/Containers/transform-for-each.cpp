// std::transform (unary and binary) and std::for_each with a lambda over a
// whole std::vector, std::array, array or pointer range ('v.begin(),
// v.end()', 'std::begin(a), std::end(a)', 'p, p + n') are built as the loops
// they mean, the lambda's body inlined with its parameters bound to the
// elements: a `double &` parameter writes the element, captures by
// reference write the enclosing function's variables, and a mutable
// lambda's copies keep their state from one element to the next.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <numeric>
#include <vector>

// Unary transform into a local vector; for_each writing the elements and a
// captured sum; for_each reading through a const reference.
ADGEN_REVERSE("x, s") ADGEN_FORWARD("x, s")
double chain(const std::vector<double> &x, double s) {
  std::vector<double> y(x.size());
  std::transform(x.begin(), x.end(), y.begin(), [&](double v) { return s * v * v; });
  double sum = 0;
  std::for_each(y.begin(), y.end(), [&](double &e) {
    e *= s;
    sum += std::sin(e);
  });
  double sq = 0;
  std::for_each(x.cbegin(), x.cend(), [&sq](const double &v) { sq += v * v; });
  return sum * sq + y[0];
}
// CHECK-LABEL: double chain_pullback(const std::vector<double> &x, double s, double d_ret, std::vector<double> *d_x, double *d_s) {
// CHECK:         for (; transform_index < x.size(); ++transform_index) {
// CHECK-NEXT:      v = x[transform_index];
// CHECK-NEXT:      double lambda = s * v * v;
// CHECK-NEXT:      y[transform_index] = lambda;
// CHECK:         for (; for_each_index < y.size(); ++for_each_index) {
// CHECK:           y[for_each_index] = y[for_each_index] * s;
// CHECK-NEXT:      sum += std::sin(y[for_each_index]);
// CHECK-LABEL: adgen::Dual<double> chain_fwd(

// Binary transform over std::arrays; a named generic lambda; a transform in
// place; std::accumulate over std::begin / std::end.
ADGEN_REVERSE() ADGEN_FORWARD()
double pairs(const std::array<double, 3> &a, const std::array<double, 3> &b, double t) {
  std::array<double, 3> c;
  std::transform(a.begin(), a.end(), b.begin(), c.begin(),
                 [](double p, double q) { return p * q - q; });
  auto grow = [t](auto &e) { e = std::exp(e * t); };
  std::for_each(std::begin(c), std::end(c), grow);
  std::transform(c.begin(), c.end(), c.begin(), [](double v) { return v * v; });
  return std::accumulate(std::begin(c), std::end(c), 0.0);
}
// CHECK-LABEL: double pairs_pullback(
// CHECK:         for (; transform_index < 3; ++transform_index) {
// CHECK-NEXT:      p = a[transform_index];
// CHECK-NEXT:      q = b[transform_index];
// CHECK:         grow_t = t;
// CHECK-LABEL: adgen::Dual<double> pairs_fwd(

// Pointer ranges 'x, x + n' into an output; the length is read once.
ADGEN_REVERSE("x -> y") ADGEN_FORWARD("x -> y")
void normalise(const double *x, int n, double *y) {
  double norm = 0;
  std::for_each(x, x + n, [&](const double &v) { norm += v * v; });
  std::transform(x, x + n, y, [&](double v) { return v / std::sqrt(norm); });
  std::for_each(y, n + y, [](double &e) { e += e * e; });
}
// CHECK-LABEL: void normalise_pullback(const double *x, int n, double *y, double *d_x, double *d_y) {
// CHECK:         for_each_count = n;
// CHECK:         for (; for_each_index < for_each_count; ++for_each_index) {
// CHECK-LABEL: void normalise_fwd(

// A mutable lambda with an init-capture, written in place inside a loop: a
// fresh copy of acc per call of for_each, kept from element to element.
ADGEN_REVERSE() ADGEN_FORWARD()
double prefix(const std::vector<double> &x, double s) {
  std::vector<double> w(x.size());
  std::transform(x.begin(), x.end(), w.begin(), [](double v) { return v; });
  for (int it = 0; it < 3; ++it)
    std::for_each(w.begin(), w.end(), [&, acc = 0.0](double &e) mutable {
      acc += e;
      e = s * std::sin(acc);
    });
  return std::accumulate(w.begin(), w.end(), 0.0) + w[0] * w[w.size() - 1];
}
// CHECK-LABEL: double prefix_pullback(
// CHECK:           double lambda_acc = 0.0;
// CHECK-LABEL: adgen::Dual<double> prefix_fwd(

// Elements that are structs: by const reference and by value.
struct Particle {
  double x, v;
};
ADGEN_REVERSE() ADGEN_FORWARD()
double drift(const std::vector<Particle> &ps, double dt) {
  std::vector<double> xs(ps.size());
  std::transform(ps.begin(), ps.end(), xs.begin(),
                 [&](const Particle &p) { return p.x + p.v * dt; });
  double energy = 0;
  std::for_each(ps.begin(), ps.end(), [&](Particle p) { energy += p.v * p.v * xs[0]; });
  return energy + xs[1] * xs[2];
}
// CHECK-LABEL: double drift_pullback(
// CHECK:         double lambda = ps[transform_index].x + ps[transform_index].v * dt;
// CHECK-LABEL: adgen::Dual<double> drift_fwd(

#ifdef ADGEN_TEST_DRIVER
double chain_pullback(const std::vector<double> &x, double s, double d_ret, std::vector<double> *d_x, double *d_s);
adgen::Dual<double> chain_fwd(const std::vector<double> &x, double s, const std::vector<double> &d_x, double d_s);
double pairs_pullback(const std::array<double, 3> &a, const std::array<double, 3> &b, double t, double d_ret,
                      std::array<double, 3> *d_a, std::array<double, 3> *d_b, double *d_t);
adgen::Dual<double> pairs_fwd(const std::array<double, 3> &a, const std::array<double, 3> &b, double t,
                              const std::array<double, 3> &d_a, const std::array<double, 3> &d_b, double d_t);
void normalise_pullback(const double *x, int n, double *y, double *d_x, double *d_y);
void normalise_fwd(const double *x, int n, double *y, const double *d_x, double *d_y);
double prefix_pullback(const std::vector<double> &x, double s, double d_ret, std::vector<double> *d_x, double *d_s);
adgen::Dual<double> prefix_fwd(const std::vector<double> &x, double s, const std::vector<double> &d_x, double d_s);
double drift_pullback(const std::vector<Particle> &ps, double dt, double d_ret, std::vector<Particle> *d_ps,
                      double *d_dt);
adgen::Dual<double> drift_fwd(const std::vector<Particle> &ps, double dt, const std::vector<Particle> &d_ps,
                              double d_dt);
#include "adgen_pullback.h"
using namespace adgen_test;

/// Checks a scalar function of n numbers q[0..n) given f(q) and its
/// pullback pull(q, d_ret, g) (which adds into g) and forward fwd(q, t).
template <typename F, typename P, typename D>
void check_all(const char *name, const double *q, int n, F f, P pull, D fwd) {
  check_scalar_fn<double>(name, q, n, f, [&](const double *p, double *g) { return pull(p, 1.0, g); },
                          fwd);
  check_pullback_prefilled<double>(name, q, n, f, pull);
}

/// A vector of a vector's first and last numbers.
template <typename C> C take(const double *q, int n) {
  C c{};
  for (int i = 0; i < n; ++i)
    c[i] = q[i];
  return c;
}

int main() {
  const double p[8] = {0.3, -1.1, 0.7, 0.45, 1.2, -0.4, 0.8, 0.6};
  // chain and prefix: x = q[0..n), s = q[n].
  for (int n : {1, 3, 4}) {
    auto vec = [n](const double *q) { return std::vector<double>(q, q + n); };
    auto pullWith = [&](auto pullback) {
      return [=](const double *q, double d, double *g) {
        std::vector<double> gx(g, g + n);
        double r = pullback(vec(q), q[n], d, &gx, &g[n]);
        std::copy(gx.begin(), gx.end(), g);
        return r;
      };
    };
    check_all("chain", p, n + 1, [&](const double *q) { return chain(vec(q), q[n]); },
              pullWith(chain_pullback),
              [&](const double *q, const double *t) { return chain_fwd(vec(q), q[n], vec(t), t[n]); });
    if (n < 2)
      continue; // prefix reads w[0] and w[n - 1]
    check_all("prefix", p, n + 1, [&](const double *q) { return prefix(vec(q), q[n]); },
              pullWith(prefix_pullback),
              [&](const double *q, const double *t) { return prefix_fwd(vec(q), q[n], vec(t), t[n]); });
  }
  // pairs: a = q[0..3), b = q[3..6), t = q[6].
  using A3 = std::array<double, 3>;
  check_all("pairs", p, 7, [](const double *q) { return pairs(take<A3>(q, 3), take<A3>(q + 3, 3), q[6]); },
      [](const double *q, double d, double *g) {
        A3 ga = take<A3>(g, 3), gb = take<A3>(g + 3, 3);
        double r = pairs_pullback(take<A3>(q, 3), take<A3>(q + 3, 3), q[6], d, &ga, &gb, &g[6]);
        std::copy(ga.begin(), ga.end(), g);
        std::copy(gb.begin(), gb.end(), g + 3);
        return r;
      },
      [](const double *q, const double *t) {
        return pairs_fwd(take<A3>(q, 3), take<A3>(q + 3, 3), q[6], take<A3>(t, 3), take<A3>(t + 3, 3), t[6]);
      });
  // drift: three particles (x, v) = q[2i], q[2i+1]; dt = q[6].
  auto parts = [](const double *q) {
    std::vector<Particle> ps(3);
    for (int i = 0; i < 3; ++i)
      ps[i] = {q[2 * i], q[2 * i + 1]};
    return ps;
  };
  check_all("drift", p, 7, [&](const double *q) { return drift(parts(q), q[6]); },
      [&](const double *q, double d, double *g) {
        std::vector<Particle> gp = parts(g);
        double r = drift_pullback(parts(q), q[6], d, &gp, &g[6]);
        for (int i = 0; i < 3; ++i) {
          g[2 * i] = gp[i].x;
          g[2 * i + 1] = gp[i].v;
        }
        return r;
      },
      [&](const double *q, const double *t) { return drift_fwd(parts(q), q[6], parts(t), t[6]); });
  // normalise: x[4] -> y[4]; the buffers past n are canaries.
  const int n = 4;
  check_vector_fn<double>("normalise", p, n, n, [](const double *x, double *y) { normalise(x, n, y); },
      [](const double *x, const double *ybar, double *xbar) {
        double y[n + 1], dy[n + 1], dx[n + 1], want[n];
        y[n] = dy[n] = dx[n] = 42;
        for (int i = 0; i < n; ++i) {
          dy[i] = ybar[i];
          dx[i] = xbar[i];
        }
        normalise_pullback(x, n, y, dx, dy);
        normalise(x, n, want);
        for (int i = 0; i < n; ++i) {
          check_ulps("normalise_pullback effects", y[i], want[i]);
          xbar[i] = dx[i];
        }
        check_exact("normalise_pullback canaries", y[n] + dy[n] + dx[n], 3 * 42);
      },
      [](const double *x, const double *t, double *y, double *yd) {
        double ys[n + 1], yds[n + 1];
        ys[n] = yds[n] = 42;
        normalise_fwd(x, n, ys, t, yds);
        std::copy(ys, ys + n, y);
        std::copy(yds, yds + n, yd);
        check_exact("normalise_fwd canaries", ys[n] + yds[n], 2 * 42);
      });
  // Pre-filled adjoints of normalise: d_x accumulates d_y^T J.
  {
    double y[n], dy[n], dx[n], g[n] = {}, dy1[n];
    for (int i = 0; i < n; ++i)
      dy1[i] = dy[i] = 0.5 + 0.25 * i;
    normalise_pullback(p, n, y, g, dy1);
    for (int i = 0; i < n; ++i)
      dx[i] = 1.5 * i - 2;
    normalise_pullback(p, n, y, dx, dy);
    for (int i = 0; i < n; ++i)
      check_close(Label("normalise", "pre + J^T d_y", i), dx[i], 1.5 * i - 2 + g[i], 1e-12, 1e-14);
  }
  return finish();
}
#endif
