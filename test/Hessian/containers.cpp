// f_hessian of functions whose parameters are std::vector, std::array, arrays
// of structs and std::vectors of structs, and that use containers inside
// (local std::vector sized once, local std::array, a helper taking a
// std::vector): inputs flatten as in f_jacobian (test/Jacobian/containers.cpp).
// Forward over reverse needs every container to keep its size; a std::vector
// that changes size is refused (test/Diagnostics/data-types.cpp). Checked
// against second central differences and against central differences of
// f_grad, with a canary past hess and f's effects, with g++ and clang++,
// and with --emit=check.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check && %t.check | FileCheck %s --check-prefix=CHK
#include <adgen/adgen.h>
#include <array>
#include <cmath>
#include <vector>

struct Body {
  double m;
  int id; // no derivative: skipped
  double q[2];
};

static double sumsq(const std::vector<double> &w) {
  double s = 0;
  for (double x : w)
    s += x * x;
  return s;
}

// A std::vector and an in-out std::array; a local vector sized once, a local
// std::array, a helper taking a vector.
ADGEN_HESSIAN("v, st") ADGEN_REVERSE("v, st")
double hv(const std::vector<double> &v, std::array<double, 2> &st) {
  std::vector<double> w(v.size());
  double s = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    w[i] = std::sin(v[i]) * st[0];
    s += w[i] * v[i] * st[1];
  }
  std::array<double, 2> t = st;
  t[0] *= t[1];
  st[1] = st[0] * v[0];
  return s + t[0] * w[0] + sumsq(w) * st[1];
}
// CHECK-LABEL: void hv_hessian(const std::vector<double> &v, std::array<double, 2> &st, double *hess) {
// CHECK:         const std::size_t adgen_n = 0 + v.size() + 2;
// CHECK-NEXT:    std::vector<double> adgen_g_v(v.size(), double(0));
// CHECK:         const std::array<double, 2> adgen_st_on_entry = st;
// CHECK:         st = adgen_st_on_entry;

// An array of structs with a spec length.
ADGEN_HESSIAN("ps[n]") ADGEN_REVERSE("ps")
double energy(const Body *ps, int n) {
  double e = 0;
  for (int i = 0; i < n; ++i)
    e += 0.5 * ps[i].m * (ps[i].q[0] * ps[i].q[0] + ps[i].q[1] * std::sin(ps[i].q[1])) + ps[i].id * ps[i].m;
  return e;
}
// CHECK-LABEL: void energy_hessian(const Body *ps, int n, double *hess) {
// CHECK:         std::vector<Body> adgen_t_ps(static_cast<std::size_t>(n), adgen::zeroed<Body>());
// CHECK-NEXT:    auto adgen_number_ps = [](Body &adgen_s, std::size_t adgen_i) -> double & {

// A std::vector of structs and a scalar.
ADGEN_HESSIAN("bs, w") ADGEN_REVERSE("bs, w")
double pull(const std::vector<Body> &bs, double w) {
  double s = 0;
  for (const Body &b : bs)
    s += b.m * std::cos(b.q[0] * w) * b.q[1];
  return s;
}
// CHECK-LABEL: void pull_hessian(const std::vector<Body> &bs, double w, double *hess) {
// CHECK:         adgen_number_bs(adgen_t_bs[(adgen_col - (0)) / 3], (adgen_col - (0)) % 3) = 1;

// CHK-NOT: FAIL
// CHK: 3 passed, 0 failed

#ifdef ADGEN_TEST_DRIVER
void hv_hessian(const std::vector<double> &v, std::array<double, 2> &st, double *hess);
double hv_grad(const std::vector<double> &v, std::array<double, 2> &st, std::vector<double> *d_v, std::array<double, 2> *d_st);
void energy_hessian(const Body *ps, int n, double *hess);
double energy_grad(const Body *ps, int n, Body *d_ps);
void pull_hessian(const std::vector<Body> &bs, double w, double *hess);
double pull_grad(const std::vector<Body> &bs, double w, std::vector<Body> *d_bs, double *d_w);
#include "adgen_test.h"
using namespace adgen_test;

/// Checks the n x n Hessian \p H (n = x.size()) against second central
/// differences of \p f and central differences of its gradient \p grad.
template <class F, class G>
void check_hessian(const char *what, const double *H, const std::vector<double> &x, F f, G grad) {
  std::size_t n = x.size();
  const double h = 1e-4;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      check_close(what, H[i * n + j], H[j * n + i], 1e-10, 1e-12);
      auto at = [&](double si, double sj) {
        std::vector<double> y = x;
        y[i] += si * h;
        y[j] += sj * h;
        return f(y);
      };
      double fd = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * h * h);
      check_close(what, H[i * n + j], fd, 1e-4, 1e-5);
    }
  for (std::size_t j = 0; j < n; ++j) { // column j: d gradient / d x_j
    std::vector<double> xp = x, xm = x;
    xp[j] += 1e-6;
    xm[j] -= 1e-6;
    std::vector<double> gp = grad(xp), gm = grad(xm);
    for (std::size_t i = 0; i < n; ++i)
      check_close(what, H[i * n + j], (gp[i] - gm[i]) / 2e-6, 1e-6, 1e-7);
  }
}

double *numbers(Body &b, int i) {
  double *p[3] = {&b.m, &b.q[0], &b.q[1]};
  return p[i];
}

int main() {
  { // hv: inputs v (3), st (2).
    std::vector<double> v = {0.3, -0.7, 1.2};
    std::array<double, 2> st0 = {1.3, -0.4}, st = st0, want = st0;
    std::vector<double> H(25 + 1, 42.0);
    hv_hessian(v, st, H.data());
    check_exact("hv: canary past hess", H[25], 42);
    hv(v, want);
    check_exact("hv: st is what f leaves", st[0], want[0]);
    check_exact("hv: st is what f leaves", st[1], want[1]);
    auto unpack = [](const std::vector<double> &p, std::vector<double> &vv, std::array<double, 2> &ss) {
      vv.assign(p.begin(), p.begin() + 3);
      ss = {p[3], p[4]};
    };
    check_hessian("hv: hessian", H.data(), {0.3, -0.7, 1.2, 1.3, -0.4},
                  [&](const std::vector<double> &p) {
                    std::vector<double> vv;
                    std::array<double, 2> ss;
                    unpack(p, vv, ss);
                    return hv(vv, ss);
                  },
                  [&](const std::vector<double> &p) {
                    std::vector<double> vv, dv(3, 0.0);
                    std::array<double, 2> ss, ds = {0, 0};
                    unpack(p, vv, ss);
                    hv_grad(vv, ss, &dv, &ds);
                    return std::vector<double>{dv[0], dv[1], dv[2], ds[0], ds[1]};
                  });
  }
  { // energy: inputs ps[0] (m, q0, q1), ps[1].
    Body ps[3] = {{1.5, 2, {0.3, -0.8}}, {0.7, -1, {1.1, 0.4}}, {9, 9, {9, 9}}};
    double H[36 + 1];
    H[36] = 42;
    energy_hessian(ps, 2, H);
    check_exact("energy: canary past hess", H[36], 42);
    check_exact("energy: canary past ps", ps[2].m, 9);
    std::vector<double> x;
    for (int i = 0; i < 6; ++i)
      x.push_back(*numbers(ps[i / 3], i % 3));
    auto unpack = [&](const std::vector<double> &p, Body *b) {
      b[0] = ps[0], b[1] = ps[1];
      for (int i = 0; i < 6; ++i)
        *numbers(b[i / 3], i % 3) = p[i];
    };
    check_hessian("energy: hessian", H, x,
                  [&](const std::vector<double> &p) {
                    Body b[2];
                    unpack(p, b);
                    return energy(b, 2);
                  },
                  [&](const std::vector<double> &p) {
                    Body b[2], g[2] = {{0, 0, {0, 0}}, {0, 0, {0, 0}}};
                    unpack(p, b);
                    energy_grad(b, 2, g);
                    std::vector<double> out;
                    for (int i = 0; i < 6; ++i)
                      out.push_back(*numbers(g[i / 3], i % 3));
                    return out;
                  });
  }
  { // pull: inputs bs (2 x 3), w.
    std::vector<Body> bs = {{0.9, 1, {0.2, 1.3}}, {1.4, 5, {-0.6, 0.8}}};
    std::vector<double> H(49 + 1, 42.0);
    pull_hessian(bs, 0.8, H.data());
    check_exact("pull: canary past hess", H[49], 42);
    std::vector<double> x;
    for (int i = 0; i < 6; ++i)
      x.push_back(*numbers(bs[i / 3], i % 3));
    x.push_back(0.8);
    auto unpack = [&](const std::vector<double> &p) {
      std::vector<Body> b = bs;
      for (int i = 0; i < 6; ++i)
        *numbers(b[i / 3], i % 3) = p[i];
      return b;
    };
    check_hessian("pull: hessian", H.data(), x,
                  [&](const std::vector<double> &p) { return pull(unpack(p), p[6]); },
                  [&](const std::vector<double> &p) {
                    std::vector<Body> b = unpack(p), g(2, Body{0, 0, {0, 0}});
                    double dw = 0;
                    pull_grad(b, p[6], &g, &dw);
                    std::vector<double> out;
                    for (int i = 0; i < 6; ++i)
                      out.push_back(*numbers(g[i / 3], i % 3));
                    out.push_back(dw);
                    return out;
                  });
  }
  return finish();
}
#endif
