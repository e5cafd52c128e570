// main.cpp - fits y(t) = a * exp(-k * (t - t0)) + c to synthetic data by
// Gauss-Newton, with the Jacobian of the residuals from adgen
// (residuals_jacobian), and checks adgen's gradient of the objective
// (DecayModel_sse_grad) against 2 J^T r. Exits 1 if the fit or a check fails.
#include "model.h"
#include "model.adgen.h" // generated: residuals_jacobian, DecayModel_sse_grad, ...

#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

namespace {

/// Solves the 3 x 3 system A x = b by Gaussian elimination with pivoting.
bool solve3(double A[3][3], double b[3], double x[3]) {
  for (int c = 0; c < 3; ++c) {
    int piv = c;
    for (int r = c + 1; r < 3; ++r)
      if (std::fabs(A[r][c]) > std::fabs(A[piv][c]))
        piv = r;
    if (std::fabs(A[piv][c]) < 1e-300)
      return false;
    for (int k = 0; k < 3; ++k)
      std::swap(A[c][k], A[piv][k]);
    std::swap(b[c], b[piv]);
    for (int r = c + 1; r < 3; ++r) {
      double f = A[r][c] / A[c][c];
      for (int k = c; k < 3; ++k)
        A[r][k] -= f * A[c][k];
      b[r] -= f * b[c];
    }
  }
  for (int r = 2; r >= 0; --r) {
    double s = b[r];
    for (int k = r + 1; k < 3; ++k)
      s -= A[r][k] * x[k];
    x[r] = s / A[r][r];
  }
  return true;
}

} // namespace

int main() {
  const double t0 = 1.0, truth[3] = {2.0, 0.7, 0.5};
  const fit::DecayModel model(t0);
  const int n = 40;
  std::vector<double> data(2 * n); // rows (t, y), y with a little deterministic noise
  for (int i = 0; i < n; ++i) {
    double t = 0.25 * i;
    data[2 * i] = t;
    data[2 * i + 1] = model.predict(truth, t) + 0.01 * std::sin(7.0 * i);
  }

  double p[3] = {1.0, 0.3, 0.0};
  std::vector<double> r(n), J(3 * n);
  int failures = 0;

  // adgen's gradient of the objective against 2 J^T r, both from adgen.
  {
    double g[3] = {0, 0, 0};
    double s = fit::DecayModel_sse_grad(model, data, p, g);
    fit::residuals_jacobian(model, data, p, r.data(), n, J.data());
    for (int k = 0; k < 3; ++k) {
      double want = 0;
      for (int i = 0; i < n; ++i)
        want += 2 * J[3 * i + k] * r[i];
      bool ok = std::fabs(g[k] - want) <= 1e-10 * (1 + std::fabs(want));
      std::printf("d sse / d p[%d] = %.12g (2 J^T r: %.12g) %s\n", k, g[k], want, ok ? "ok" : "FAIL");
      failures += !ok;
    }
    std::printf("start: sse = %.6g\n", s);
  }

  // Gauss-Newton: (J^T J) dp = -J^T r.
  for (int it = 0; it < 30; ++it) {
    fit::residuals_jacobian(model, data, p, r.data(), n, J.data());
    double A[3][3] = {}, b[3] = {}, dp[3];
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < 3; ++j) {
        b[j] -= J[3 * i + j] * r[i];
        for (int k = 0; k < 3; ++k)
          A[j][k] += J[3 * i + j] * J[3 * i + k];
      }
    if (!solve3(A, b, dp)) {
      std::printf("singular normal equations\n");
      return 1;
    }
    double step = 0;
    for (int k = 0; k < 3; ++k) {
      p[k] += dp[k];
      step += dp[k] * dp[k];
    }
    std::printf("iteration %2d: sse = %.6g, a = %.6f, k = %.6f, c = %.6f\n", it + 1,
                model.sse(data, p), p[0], p[1], p[2]);
    if (std::sqrt(step) < 1e-12)
      break;
  }
  for (int k = 0; k < 3; ++k)
    if (std::fabs(p[k] - truth[k]) > 0.02) {
      std::printf("FAIL: p[%d] = %g, true value %g\n", k, p[k], truth[k]);
      ++failures;
    }
  std::printf(failures ? "FAILED\n" : "fit and derivatives ok\n");
  return failures ? 1 : 0;
}
