// hand.cpp - gradients written by hand, the way a careful programmer would:
// closed-form derivatives, intermediate values kept only where the backward
// pass needs them, buffers reused across calls.
#include "kernels.h"

#include <cmath>
#include <vector>

double gmm_objective_hand(const double* alphas, const double* means, const double* X, int n,
                          int k, int d, double* d_alphas, double* d_means) {
  static thread_local std::vector<double> a;  // per-point exponents, then weights
  a.resize(k);
  double total = 0.0;
  for (int i = 0; i < n; ++i) {
    const double* x = X + i * d;
    double m = -1e300;
    for (int c = 0; c < k; ++c) {
      const double* mu = means + c * d;
      double q = 0.0;
      for (int j = 0; j < d; ++j) {
        double t = x[j] - mu[j];
        q += t * t;
      }
      a[c] = alphas[c] - 0.5 * q;
      m = std::fmax(m, a[c]);
    }
    double s = 0.0;
    for (int c = 0; c < k; ++c) {
      a[c] = std::exp(a[c] - m);
      s += a[c];
    }
    total += m + std::log(s);
    // d(-log sum_c exp a_c)/d a_c = -p_c; d a_c/d mu_c = x - mu_c.
    for (int c = 0; c < k; ++c) {
      const double p = a[c] / s;
      const double* mu = means + c * d;
      double* dmu = d_means + c * d;
      d_alphas[c] -= p;
      for (int j = 0; j < d; ++j)
        dmu[j] -= p * (x[j] - mu[j]);
    }
  }
  double amax = alphas[0];
  for (int c = 1; c < k; ++c)
    amax = std::fmax(amax, alphas[c]);
  double asum = 0.0;
  for (int c = 0; c < k; ++c)
    asum += std::exp(alphas[c] - amax);
  for (int c = 0; c < k; ++c)
    d_alphas[c] += n * std::exp(alphas[c] - amax) / asum;
  const double halfLog2Pi = 0.91893853320467274178;
  return n * (amax + std::log(asum)) - total + n * d * halfLog2Pi;
}

double rosenbrock_hand(const double* x, int n, double* d_x) {
  double sum = 0.0;
  for (int i = 0; i + 1 < n; ++i) {
    double a = x[i + 1] - x[i] * x[i];
    double b = 1.0 - x[i];
    sum += 100.0 * a * a + b * b;
    d_x[i] += -400.0 * a * x[i] - 2.0 * b;
    d_x[i + 1] += 200.0 * a;
  }
  return sum;
}

double chain_energy_hand(double* q, double* v, int n, int steps, double dt, double stiffness,
                         double cubic, double damping, double* d_q, double* d_v) {
  // Forward: keep the positions each step starts from (the forces need them
  // in the backward pass; the velocities enter linearly and are not needed).
  static thread_local std::vector<double> qs;
  qs.resize(static_cast<size_t>(steps) * n);
  for (int s = 0; s < steps; ++s) {
    double* qsave = qs.data() + static_cast<size_t>(s) * n;
    for (int i = 0; i < n; ++i)
      qsave[i] = q[i];
    for (int i = 1; i + 1 < n; ++i) {
      double left = q[i] - q[i - 1];
      double right = q[i + 1] - q[i];
      double force = stiffness * (right - left) + cubic * (right * right * right - left * left * left) -
                     damping * v[i];
      v[i] += dt * force;
    }
    for (int i = 1; i + 1 < n; ++i)
      q[i] += dt * v[i];
  }
  double energy = 0.0;
  for (int i = 0; i < n; ++i)
    energy += 0.5 * v[i] * v[i];

  // Backward. d_q, d_v: adjoints of the final state on entry.
  for (int i = 0; i < n; ++i)
    d_v[i] += v[i];
  for (int s = steps - 1; s >= 0; --s) {
    const double* qp = qs.data() + static_cast<size_t>(s) * n;
    // q[i] += dt * v[i]
    for (int i = 1; i + 1 < n; ++i)
      d_v[i] += dt * d_q[i];
    // v[i] += dt * force(q[i-1], q[i], q[i+1], v[i]); d_q accumulates from
    // every force that reads q, so read-only use of the old positions qp.
    for (int i = 1; i + 1 < n; ++i) {
      double left = qp[i] - qp[i - 1];
      double right = qp[i + 1] - qp[i];
      double g = dt * d_v[i];
      double dRight = g * (stiffness + 3.0 * cubic * right * right);
      double dLeft = -g * (stiffness + 3.0 * cubic * left * left);
      d_q[i + 1] += dRight;
      d_q[i] += dLeft - dRight;
      d_q[i - 1] -= dLeft;
      d_v[i] -= g * damping;
    }
  }
  return energy;
}
