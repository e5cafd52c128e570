// Realistic Jacobians and Hessians, combining branches, loops, calls and
// arrays, against central differences:
//  - vision: the Jacobian of a pinhole camera's projection of 3 points with
//    respect to the pose (rotation about z, translation) and focal length;
//  - finance: the Hessian of a Black-Scholes call price with respect to
//    spot, volatility and rate (gamma, vanna, volga, ...);
//  - physics: the Hessian of a chain of springs' energy, with a helper call,
//    a branch (compression stiffer than extension) and a loop.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

// Pose p = (angle, tx, ty, tz, f); points P (3 x 3); pixels uv (3 x 2).
ADGEN_JACOBIAN("p[5] -> uv[6]")
void project(const double *p, const double *P, double *uv) {
  double c = std::cos(p[0]), s = std::sin(p[0]);
  for (int i = 0; i < 3; ++i) {
    const double *X = P + 3 * i;
    double x = c * X[0] - s * X[1] + p[1];
    double y = s * X[0] + c * X[1] + p[2];
    double z = X[2] + p[3];
    uv[2 * i] = p[4] * x / z;
    uv[2 * i + 1] = p[4] * y / z;
  }
}

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

// q = (spot, volatility, rate); strike K, maturity T.
ADGEN_HESSIAN("q[3]") ADGEN_REVERSE("q")
double call_price(const double *q, double K, double T) {
  double S = q[0], sigma = q[1], r = q[2];
  double d1 = (std::log(S / K) + (r + 0.5 * sigma * sigma) * T) / (sigma * std::sqrt(T));
  double d2 = d1 - sigma * std::sqrt(T);
  return S * normal_cdf(d1) - K * std::exp(-r * T) * normal_cdf(d2);
}

double spring(double e, double k) { return e < 0 ? 2 * k * e * e : k * e * e + 0.1 * e * e * e * e; }

ADGEN_HESSIAN("x[n]") ADGEN_REVERSE("x")
double chain(const double *x, int n, double rest) {
  double E = 0;
  for (int i = 0; i + 1 < n; ++i)
    E += spring(x[i + 1] - x[i] - rest, 1.0 + 0.1 * i);
  return E + 0.5 * x[0] * x[0];
}

#ifdef ADGEN_TEST_DRIVER
void project_jacobian(const double *p, const double *P, double *uv, double *jac);
void call_price_hessian(const double *q, double K, double T, double *hess);
double call_price_grad(const double *q, double K, double T, double *d_q);
void chain_hessian(const double *x, int n, double rest, double *hess);
double chain_grad(const double *x, int n, double rest, double *d_x);
#include "adgen_test.h"
using namespace adgen_test;

template <typename Grad> void check_hessian(const char *what, const double *H, double *x, int n, Grad grad) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      check_close(what, H[i * n + j], H[j * n + i], 1e-12);
  for (int j = 0; j < n; ++j) {
    double keep = x[j], h = 1e-5 * (1 + std::fabs(keep)), gp[8] = {}, gm[8] = {};
    x[j] = keep + h;
    grad(x, gp);
    x[j] = keep - h;
    grad(x, gm);
    x[j] = keep;
    for (int i = 0; i < n; ++i)
      check_close(what, H[i * n + j], (gp[i] - gm[i]) / (2 * h), 1e-6);
  }
}

int main() {
  double p[5] = {0.2, 0.1, -0.3, 4.0, 500.0};
  const double P[9] = {0.5, -0.4, 1.0, -0.7, 0.3, 0.5, 0.2, 0.9, -0.4};
  double uv[6], J[6 * 5];
  project_jacobian(p, P, uv, J);
  for (int c = 0; c < 5; ++c) {
    double keep = p[c], h = 1e-6 * (1 + std::fabs(keep)), up[6], um[6];
    p[c] = keep + h;
    project(p, P, up);
    p[c] = keep - h;
    project(p, P, um);
    p[c] = keep;
    for (int r = 0; r < 6; ++r)
      check_close("projection Jacobian", J[r * 5 + c], (up[r] - um[r]) / (2 * h), 1e-7);
  }

  double q[3] = {100.0, 0.25, 0.03}, H[9];
  call_price_hessian(q, 95.0, 0.75, H);
  check_hessian("Black-Scholes Hessian", H, q, 3,
                [](const double *v, double *g) { call_price_grad(v, 95.0, 0.75, g); });
  // Gamma in closed form: phi(d1) / (S sigma sqrt T).
  double d1 = (std::log(100.0 / 95.0) + (0.03 + 0.5 * 0.0625) * 0.75) / (0.25 * std::sqrt(0.75));
  double gamma = std::exp(-0.5 * d1 * d1) / std::sqrt(2 * M_PI) / (100.0 * 0.25 * std::sqrt(0.75));
  check_close("Black-Scholes gamma", H[0], gamma, 1e-12);

  double x[5] = {0.1, 1.2, 1.9, 3.4, 4.0}, HC[25];
  chain_hessian(x, 5, 1.0, HC);
  check_hessian("spring chain Hessian", HC, x, 5,
                [](const double *v, double *g) { chain_grad(v, 5, 1.0, g); });
  return finish();
}
#endif
