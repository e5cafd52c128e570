// hand.cpp - gradients written by hand, the way a careful programmer would:
// closed-form derivatives, intermediate values kept only where the backward
// pass needs them, buffers reused across calls.
#include "kernels.h"

#include <cmath>
#include <cstddef>
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

double nbody_energy_hand(const std::vector<Body>& bodies, const Params& p,
                         std::vector<Body>* d_bodies, Params* d_p) {
  // E = sum_b m_b |v_b|^2 / 2 - sum_{i<j} G m_i m_j / r_ij,
  // r_ij = sqrt(|x_i - x_j|^2 + soft^2). One pass: the energy is a sum, so
  // each term's partial derivatives are added where the term is computed.
  const std::size_t n = bodies.size();
  std::vector<Body>& db = *d_bodies;
  const double G = p.G, soft2 = p.soft * p.soft;
  double E = 0;
  for (std::size_t b = 0; b < n; ++b) {
    const Body& B = bodies[b];
    E += 0.5 * B.mass * B.vel.norm2();
    db[b].vel.x += B.mass * B.vel.x;
    db[b].vel.y += B.mass * B.vel.y;
    db[b].vel.z += B.mass * B.vel.z;
    db[b].mass += 0.5 * B.vel.norm2();
  }
  double dG = 0, sumW = 0;  // dE/dG; sum of w below (dE/dsoft = soft sum w)
  for (std::size_t i = 0; i < n; ++i) {
    // Body i's values and adjoints in locals (registers): the stores to
    // db[j] could alias bodies[i] as far as the compiler knows.
    const double xi = bodies[i].pos.x, yi = bodies[i].pos.y, zi = bodies[i].pos.z;
    const double mi = bodies[i].mass;
    double gxi = 0, gyi = 0, gzi = 0, gmi = 0;
    for (std::size_t j = i + 1; j < n; ++j) {
      const Body& Bj = bodies[j];
      const double dx = xi - Bj.pos.x, dy = yi - Bj.pos.y, dz = zi - Bj.pos.z;
      const double invR = 1.0 / std::sqrt(dx * dx + dy * dy + dz * dz + soft2);
      const double mmR = mi * Bj.mass * invR;  // m_i m_j / r
      E -= G * mmR;
      dG -= mmR;
      gmi -= G * Bj.mass * invR;
      db[j].mass -= G * mi * invR;
      // w = G m_i m_j / r^3: d(-G m_i m_j / r)/dx_i = w (x_i - x_j), = -w (x_i - x_j)
      // for x_j, and = w soft for soft.
      const double w = G * mmR * invR * invR;
      sumW += w;
      gxi += w * dx;
      gyi += w * dy;
      gzi += w * dz;
      db[j].pos.x -= w * dx;
      db[j].pos.y -= w * dy;
      db[j].pos.z -= w * dz;
    }
    db[i].pos.x += gxi;
    db[i].pos.y += gyi;
    db[i].pos.z += gzi;
    db[i].mass += gmi;
  }
  d_p->G += dG;
  d_p->soft += p.soft * sumW;
  return E;
}
