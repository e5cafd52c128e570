// kernels.cpp - the benchmark kernels, written once as plain C++.
//
// adgen runs on this file at build time and writes kernels.adgen.cpp (this
// file plus the generated <kernel>_grad functions); the benchmark compiles
// that instead of this file, so the function and its generated gradient are
// timed from the same translation unit. adolc_kernels.cpp holds the same
// kernels, statement for statement, over ADOL-C's adouble.
#include "nbody_types.h"  // the nbody kernel's structs: Vec3, Body, Params

#include <adgen/adgen.h>

#include <cmath>
#include <cstddef>
#include <vector>

// (a) Negative log-likelihood of n points x_i (rows of X, d features) under a
// mixture of k unit-variance Gaussians with means mu_c (rows of means) and
// weights softmax(alphas):
//
//   n logsumexp(alphas) - sum_i log sum_c exp(alphas_c - |x_i - mu_c|^2 / 2)
//   + n d log(2 pi) / 2
//
// The inner log-sum-exp runs in one pass with a running maximum, as numerical
// code does to avoid overflow; it branches on the data.
ADGEN_REVERSE("alphas, means")
double gmm_objective(const double* alphas, const double* means, const double* X, int n, int k,
                     int d) {
  double total = 0.0;
  for (int i = 0; i < n; ++i) {
    const double* x = X + i * d;
    // m: the largest exponent so far; s: sum of exp(exponent - m).
    double m = -1e300, s = 0.0;
    for (int c = 0; c < k; ++c) {
      const double* mu = means + c * d;
      double q = 0.0;
      for (int j = 0; j < d; ++j) {
        double t = x[j] - mu[j];
        q += t * t;
      }
      double a = alphas[c] - 0.5 * q;
      if (a > m) {
        s = s * std::exp(m - a) + 1.0;
        m = a;
      } else {
        s += std::exp(a - m);
      }
    }
    total += m + std::log(s);
  }
  // logsumexp(alphas): the log of the weights' normalising constant.
  double amax = alphas[0];
  for (int c = 1; c < k; ++c)
    amax = std::fmax(amax, alphas[c]);
  double asum = 0.0;
  for (int c = 0; c < k; ++c)
    asum += std::exp(alphas[c] - amax);
  const double halfLog2Pi = 0.91893853320467274178;
  return n * (amax + std::log(asum)) - total + n * d * halfLog2Pi;
}

// (b) The n-dimensional Rosenbrock function (the "chained" form).
ADGEN_REVERSE("x")
double rosenbrock(const double* x, int n) {
  double sum = 0.0;
  for (int i = 0; i + 1 < n; ++i) {
    double a = x[i + 1] - x[i] * x[i];
    double b = 1.0 - x[i];
    sum += 100.0 * a * a + b * b;
  }
  return sum;
}

// (c) A damped chain of n masses joined by nonlinear springs (force
// k*e + cubic*e^3 for an extension e), the two end masses clamped. Integrates
// `steps` steps of semi-implicit Euler, overwriting the state (positions q,
// velocities v) in place, and returns the final kinetic energy. The gradient
// is that energy's sensitivity to the initial state.
ADGEN_REVERSE("q, v")
double chain_energy(double* q, double* v, int n, int steps, double dt, double stiffness,
                    double cubic, double damping) {
  for (int s = 0; s < steps; ++s) {
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
  return energy;
}

// (d) The energy of n softened gravitating bodies: kinetic energy (a lambda
// over each body) minus the pairwise potential G m_i m_j / sqrt(|x_i - x_j|^2
// + soft^2), written with structs (Vec3, Body, Params in nbody_types.h), a
// std::vector of structs, a member function (norm2), free operators and a
// range-for: the energy function of test/Classics/nbody.cpp. The gradient is
// with respect to every body's position, velocity and mass, and G and soft.
ADGEN_REVERSE("bodies, p")
double nbody_energy(const std::vector<Body>& bodies, const Params& p) {
  auto kinetic = [](const Body& b) { return 0.5 * b.mass * b.vel.norm2(); };
  double E = 0;
  for (const Body& b : bodies)
    E += kinetic(b);
  for (std::size_t i = 0; i < bodies.size(); ++i)
    for (std::size_t j = i + 1; j < bodies.size(); ++j) {
      Vec3 d = bodies[i].pos - bodies[j].pos;
      E -= p.G * bodies[i].mass * bodies[j].mass / std::sqrt(d.norm2() + p.soft * p.soft);
    }
  return E;
}

// (e) Four coupled nonlinear oscillators (a pendulum ring), integrated with
// RK4 over `steps` steps; returns a weighted final state. Written twice, the
// same loop: taped as usual, and with ADGEN_CHECKPOINT(snapshots), which
// keeps at most `snapshots` states of the loop instead of a tape of all
// steps (the time-stepping case of binomial checkpointing).
static void ode_rhs(const double* y, const double* p, double* dy) {
  for (int i = 0; i < 4; ++i) {
    dy[i] = y[4 + i];
    dy[4 + i] = -p[i] * std::sin(y[i]) + 0.1 * (y[(i + 1) % 4] - y[i]) - 0.05 * y[4 + i];
  }
}

#define ODE_RK4_STEP                                              \
  double k1[8], k2[8], k3[8], k4[8], t[8];                        \
  ode_rhs(y, p, k1);                                              \
  for (int j = 0; j < 8; ++j)                                     \
    t[j] = y[j] + 0.5 * dt * k1[j];                               \
  ode_rhs(t, p, k2);                                              \
  for (int j = 0; j < 8; ++j)                                     \
    t[j] = y[j] + 0.5 * dt * k2[j];                               \
  ode_rhs(t, p, k3);                                              \
  for (int j = 0; j < 8; ++j)                                     \
    t[j] = y[j] + dt * k3[j];                                     \
  ode_rhs(t, p, k4);                                              \
  for (int j = 0; j < 8; ++j)                                     \
    y[j] += dt / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);

ADGEN_REVERSE("y0[8], p[4]")
double ode_taped(const double* y0, const double* p, int steps, double dt) {
  double y[8];
  for (int j = 0; j < 8; ++j)
    y[j] = y0[j];
  for (int s = 0; s < steps; ++s) {
    ODE_RK4_STEP
  }
  return y[0] + 2 * y[1] + 3 * y[2] + 4 * y[3] + y[4] * y[4];
}

ADGEN_REVERSE("y0[8], p[4]")
double ode_checkpointed(const double* y0, const double* p, int steps, double dt, int snapshots) {
  double y[8];
  for (int j = 0; j < 8; ++j)
    y[j] = y0[j];
  ADGEN_CHECKPOINT(snapshots)
  for (int s = 0; s < steps; ++s) {
    ODE_RK4_STEP
  }
  return y[0] + 2 * y[1] + 3 * y[2] + 4 * y[3] + y[4] * y[4];
}
