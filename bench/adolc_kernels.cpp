// adolc_kernels.cpp - the kernels of kernels.cpp over ADOL-C's adouble,
// statement for statement, and the taping glue (ADOL-C's tape-based API:
// trace_on / <<= / >>= / trace_off, then gradient()).
#include "kernels.h"

#include <adolc/adolc.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <vector>

namespace {

adouble gmm_objective_ad(const adouble* alphas, const adouble* means, const double* X, int n,
                         int k, int d) {
  adouble total = 0.0;
  for (int i = 0; i < n; ++i) {
    const double* x = X + i * d;
    adouble m = -1e300, s = 0.0;
    for (int c = 0; c < k; ++c) {
      const adouble* mu = means + c * d;
      adouble q = 0.0;
      for (int j = 0; j < d; ++j) {
        adouble t = x[j] - mu[j];
        q += t * t;
      }
      adouble a = alphas[c] - 0.5 * q;
      if (a > m) {  // ADOL-C records the branch taken at the taping point
        s = s * exp(m - a) + 1.0;
        m = a;
      } else {
        s += exp(a - m);
      }
    }
    total += m + log(s);
  }
  adouble amax = alphas[0];
  for (int c = 1; c < k; ++c)
    amax = fmax(amax, alphas[c]);
  adouble asum = 0.0;
  for (int c = 0; c < k; ++c)
    asum += exp(alphas[c] - amax);
  const double halfLog2Pi = 0.91893853320467274178;
  return n * (amax + log(asum)) - total + n * d * halfLog2Pi;
}

adouble rosenbrock_ad(const adouble* x, int n) {
  adouble sum = 0.0;
  for (int i = 0; i + 1 < n; ++i) {
    adouble a = x[i + 1] - x[i] * x[i];
    adouble b = 1.0 - x[i];
    sum += 100.0 * a * a + b * b;
  }
  return sum;
}

adouble chain_energy_ad(adouble* q, adouble* v, int n, int steps, double dt, double stiffness,
                        double cubic, double damping) {
  for (int s = 0; s < steps; ++s) {
    for (int i = 1; i + 1 < n; ++i) {
      adouble left = q[i] - q[i - 1];
      adouble right = q[i + 1] - q[i];
      adouble force = stiffness * (right - left) + cubic * (right * right * right - left * left * left) -
                      damping * v[i];
      v[i] += dt * force;
    }
    for (int i = 1; i + 1 < n; ++i)
      q[i] += dt * v[i];
  }
  adouble energy = 0.0;
  for (int i = 0; i < n; ++i)
    energy += 0.5 * v[i] * v[i];
  return energy;
}

// The nbody types over adouble (dt, which energy does not read, stays
// passive); of the operators, the one energy uses. It takes const AVec3&
// rather than copies: a copied adouble is one more operation on the tape.
struct AVec3 {
  adouble x, y, z;
  adouble norm2() const { return x * x + y * y + z * z; }
};
AVec3 operator-(const AVec3& a, const AVec3& b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }

struct ABody {
  AVec3 pos, vel;
  adouble mass;
  int id;
};
struct AParams {
  adouble G, soft;
  double dt;
};

adouble nbody_energy_ad(const std::vector<ABody>& bodies, const AParams& p) {
  auto kinetic = [](const ABody& b) { return 0.5 * b.mass * b.vel.norm2(); };
  adouble E = 0;
  for (const ABody& b : bodies)
    E += kinetic(b);
  for (std::size_t i = 0; i < bodies.size(); ++i)
    for (std::size_t j = i + 1; j < bodies.size(); ++j) {
      AVec3 d = bodies[i].pos - bodies[j].pos;
      E -= p.G * bodies[i].mass * bodies[j].mass / sqrt(d.norm2() + p.soft * p.soft);
    }
  return E;
}

// Buffer sizes (in elements) per tape; ADOL-C's defaults until fitted.
struct BufferSizes {
  unsigned obs = OBUFSIZE, lbs = LBUFSIZE, vbs = VBUFSIZE, tbs = TBUFSIZE;
};
std::map<short, BufferSizes> buffers;

// Tapes body(x) with x the m independents; returns the dependent's value.
template <typename Body> double record(short tag, int m, const double* x, Body body) {
  const BufferSizes& b = buffers[tag];
  trace_on(tag, 0, b.obs, b.lbs, b.vbs, b.tbs);
  std::vector<adouble> ax(m);
  for (int i = 0; i < m; ++i)
    ax[i] <<= x[i];
  adouble y = body(ax.data());
  double value;
  y >>= value;
  trace_off();
  return value;
}

}  // namespace

double record_gmm(short tag, const double* alphasMeans, const double* X, int n, int k, int d) {
  return record(tag, k + k * d, alphasMeans,
                [&](adouble* p) { return gmm_objective_ad(p, p + k, X, n, k, d); });
}

double record_rosenbrock(short tag, const double* x, int n) {
  return record(tag, n, x, [&](adouble* p) { return rosenbrock_ad(p, n); });
}

double record_chain(short tag, const double* qv, int n, int steps, double dt, double stiffness,
                    double cubic, double damping) {
  return record(tag, 2 * n, qv, [&](adouble* p) {
    return chain_energy_ad(p, p + n, n, steps, dt, stiffness, cubic, damping);
  });
}

double record_nbody(short tag, const double* x, int n, double dt) {
  return record(tag, 7 * n + 2, x, [&](adouble* a) {
    // The independents, copied into the structs: 7 n + 2 assignments on the
    // tape, against O(n^2) operations for the energy.
    std::vector<ABody> bodies(n);
    for (int i = 0; i < n; ++i, a += 7) {
      bodies[i].pos.x = a[0];
      bodies[i].pos.y = a[1];
      bodies[i].pos.z = a[2];
      bodies[i].vel.x = a[3];
      bodies[i].vel.y = a[4];
      bodies[i].vel.z = a[5];
      bodies[i].mass = a[6];
      bodies[i].id = i;
    }
    AParams p;
    p.G = a[0];
    p.soft = a[1];
    p.dt = dt;
    return nbody_energy_ad(bodies, p);
  });
}

void adolc_gradient(short tag, int m, const double* x, double* g) { gradient(tag, m, x, g); }

bool adolc_fit_buffers(short tag) {
  size_t stats[STAT_SIZE];
  tapestats(tag, stats);
  const bool inMemory =
      stats[OP_FILE_ACCESS] == 0 && stats[LOC_FILE_ACCESS] == 0 && stats[VAL_FILE_ACCESS] == 0;
  BufferSizes& b = buffers[tag];
  auto fit = [](unsigned current, size_t needed) {
    return static_cast<unsigned>(std::max<size_t>(current, needed + 1024));
  };
  b.obs = fit(b.obs, stats[NUM_OPERATIONS]);
  b.lbs = fit(b.lbs, stats[NUM_LOCATIONS]);
  b.vbs = fit(b.vbs, stats[NUM_VALUES]);
  b.tbs = fit(b.tbs, stats[TAY_STACK_SIZE]);
  return inMemory;
}
