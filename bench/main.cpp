// main.cpp - times each kernel's function and three ways of getting its
// gradient (adgen's generated code, a hand-written gradient, ADOL-C), checks
// that the three gradients agree, and prints the gradient/function time
// ratios.
//
// Timing: each call's repetition count is grown until one run of it takes at
// least `minSeconds` (default 0.2 s, or the first command-line argument);
// then 5 rounds run each of the five callables of a row in turn, and the best
// of the 5 per-call times is reported. A second argument names the one kernel
// to run (gmm, rosenbrock, chain, nbody or ode). Every timed call does the
// bookkeeping a user's call would: the gradient versions zero the gradient
// first (adgen's and the hand-written ones add to it), and the chain kernel,
// which overwrites its state, copies the initial state in before every call,
// for the function as for the gradients.
#include "kernels.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <adgen/tape.h>

namespace {

double minSeconds = 0.2;
volatile double sink;  // keeps results observable so no call is optimised away

// Best per-call times of the callables, measured in interleaved rounds so
// that a change in the machine's load affects all of them alike. Each
// callable's repetition count is first grown until one run takes at least
// minSeconds; then 5 rounds run every callable that many times.
std::vector<double> bestPerCallSeconds(const std::vector<std::function<double()>>& calls) {
  using Clock = std::chrono::steady_clock;
  auto run = [](const std::function<double()>& call, long reps) {
    auto t0 = Clock::now();
    double acc = 0.0;
    for (long r = 0; r < reps; ++r)
      acc += call();
    sink = acc;
    return std::chrono::duration<double>(Clock::now() - t0).count();
  };
  std::vector<long> reps(calls.size(), 1);
  for (size_t i = 0; i < calls.size(); ++i) {
    double t = run(calls[i], reps[i]);
    while (t < minSeconds) {
      reps[i] = t > minSeconds / 20 ? static_cast<long>(reps[i] * 1.1 * minSeconds / t) + 1
                                    : reps[i] * 10;
      t = run(calls[i], reps[i]);
    }
  }
  std::vector<double> best(calls.size(), 1e300);
  for (int round = 0; round < 5; ++round)
    for (size_t i = 0; i < calls.size(); ++i)
      best[i] = std::min(best[i], run(calls[i], reps[i]) / reps[i]);
  return best;
}

// max_i |a_i - b_i| / max_i |b_i|
double maxRelError(const std::vector<double>& a, const std::vector<double>& b) {
  double diff = 0.0, scale = 0.0;
  for (size_t i = 0; i < a.size(); ++i) {
    diff = std::max(diff, std::fabs(a[i] - b[i]));
    scale = std::max(scale, std::fabs(b[i]));
  }
  return diff / std::max(scale, 1e-300);
}

// One benchmark case: a kernel at one size. Each gradient callable writes the
// gradient with respect to the packed active inputs into its argument and
// returns the kernel's value.
struct Case {
  std::string kernel, size;
  short tag = 0;  // the case's ADOL-C tape
  int m = 0;      // number of active inputs
  std::vector<std::shared_ptr<std::vector<double>>> data;  // what the callables point into
  std::function<double()> f;
  std::function<double(double*)> adgen, hand;
  std::function<double()> adolcRecord;        // tapes at the case's point
  std::function<void(double*)> adolcGradient;  // gradient from the last tape
};

struct Result {
  std::string kernel, size;
  double fTime, adgenTime, handTime, adolcReuseTime, adolcRetapeTime;
  double adgenError, adolcError, valueError;
  bool adolcInMemory;
};

Result run(Case& c) {
  const short tag = c.tag;
  Result r;
  r.kernel = c.kernel;
  r.size = c.size;

  // Correctness first: all three gradients, and the values.
  std::vector<double> gAdgen(c.m), gHand(c.m), gAdolc(c.m);
  const double f = c.f();
  const double fAdgen = c.adgen(gAdgen.data());
  const double fHand = c.hand(gHand.data());
  c.adolcRecord();  // with ADOL-C's default buffers, to learn the tape's size
  adolc_fit_buffers(tag);
  const double fAdolc = c.adolcRecord();
  r.adolcInMemory = adolc_fit_buffers(tag);
  c.adolcGradient(gAdolc.data());
  r.adgenError = maxRelError(gAdgen, gHand);
  r.adolcError = maxRelError(gAdolc, gHand);
  r.valueError = std::max({std::fabs(fAdgen - f), std::fabs(fHand - f), std::fabs(fAdolc - f)}) /
                 std::max(std::fabs(f), 1e-300);

  std::vector<double> g(c.m);
  const std::vector<double> t = bestPerCallSeconds({
      c.f,
      [&] { return c.adgen(g.data()); },
      [&] { return c.hand(g.data()); },
      [&] {
        c.adolcGradient(g.data());
        return g[0];
      },
      [&] {
        double v = c.adolcRecord();
        c.adolcGradient(g.data());
        return v;
      },
  });
  r.fTime = t[0];
  r.adgenTime = t[1];
  r.handTime = t[2];
  r.adolcReuseTime = t[3];
  r.adolcRetapeTime = t[4];
  return r;
}

std::vector<double> uniform(std::mt19937& rng, size_t count, double lo, double hi) {
  std::uniform_real_distribution<double> u(lo, hi);
  std::vector<double> v(count);
  for (double& x : v)
    x = u(rng);
  return v;
}

// (a) Gaussian mixture: n points drawn near k centres in d dimensions.
Case gmmCase(int n, int k, int d) {
  std::mt19937 rng(1);
  auto centres = uniform(rng, static_cast<size_t>(k) * d, -3.0, 3.0);
  auto X = std::make_shared<std::vector<double>>(uniform(rng, static_cast<size_t>(n) * d, -1, 1));
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < d; ++j)
      (*X)[i * d + j] += centres[(i % k) * d + j];
  // Parameters (alphas, then means): perturbed centres, uneven weights.
  auto theta = std::make_shared<std::vector<double>>(uniform(rng, k + static_cast<size_t>(k) * d,
                                                             -0.5, 0.5));
  for (int i = 0; i < k * d; ++i)
    (*theta)[k + i] += centres[i];

  Case c;
  c.kernel = "gmm";
  c.size = "n=" + std::to_string(n) + " k=" + std::to_string(k) + " d=" + std::to_string(d);
  c.m = k + k * d;
  const int m = c.m;
  const double* t = theta->data();
  const double* x = X->data();
  c.f = [=] { return gmm_objective(t, t + k, x, n, k, d); };
  c.adgen = [=](double* g) {
    std::fill(g, g + m, 0.0);
    return gmm_objective_grad(t, t + k, x, n, k, d, g, g + k);
  };
  c.hand = [=](double* g) {
    std::fill(g, g + m, 0.0);
    return gmm_objective_hand(t, t + k, x, n, k, d, g, g + k);
  };
  c.data = {X, theta};
  const short tag = c.tag = 1;
  c.adolcRecord = [=] { return record_gmm(tag, t, x, n, k, d); };
  c.adolcGradient = [=](double* g) { adolc_gradient(tag, m, t, g); };
  return c;
}

// (b) Rosenbrock at a random point of [-2, 2]^n.
Case rosenbrockCase(int n) {
  std::mt19937 rng(2);
  auto x = std::make_shared<std::vector<double>>(uniform(rng, n, -2.0, 2.0));
  Case c;
  c.kernel = "rosenbrock";
  c.size = "n=" + std::to_string(n);
  c.m = n;
  const double* p = x->data();
  c.f = [=] { return rosenbrock(p, n); };
  c.adgen = [=](double* g) {
    std::fill(g, g + n, 0.0);
    return rosenbrock_grad(p, n, g);
  };
  c.hand = [=](double* g) {
    std::fill(g, g + n, 0.0);
    return rosenbrock_hand(p, n, g);
  };
  c.data = {x};
  const short tag = c.tag = 2;
  c.adolcRecord = [=] { return record_rosenbrock(tag, p, n); };
  c.adolcGradient = [=](double* g) { adolc_gradient(tag, n, p, g); };
  return c;
}

// (c) Nonlinear chain of n masses, `steps` time steps, random initial state.
Case chainCase(int n, int steps) {
  std::mt19937 rng(3);
  auto state0 = std::make_shared<std::vector<double>>(uniform(rng, 2 * static_cast<size_t>(n), -0.3, 0.3));
  for (int end : {0, n - 1}) {  // clamped ends
    (*state0)[end] = 0.0;
    (*state0)[n + end] = 0.0;
  }
  auto state = std::make_shared<std::vector<double>>(2 * n);
  const double dt = 0.01, stiffness = 1.0, cubic = 0.5, damping = 0.05;

  Case c;
  c.kernel = "chain";
  c.size = "n=" + std::to_string(n) + " steps=" + std::to_string(steps);
  c.m = 2 * n;
  const double* s0 = state0->data();
  double* s = state->data();
  c.f = [=] {
    std::memcpy(s, s0, 2 * n * sizeof(double));
    return chain_energy(s, s + n, n, steps, dt, stiffness, cubic, damping);
  };
  c.adgen = [=](double* g) {
    std::memcpy(s, s0, 2 * n * sizeof(double));
    std::fill(g, g + 2 * n, 0.0);
    return chain_energy_grad(s, s + n, n, steps, dt, stiffness, cubic, damping, g, g + n);
  };
  c.hand = [=](double* g) {
    std::memcpy(s, s0, 2 * n * sizeof(double));
    std::fill(g, g + 2 * n, 0.0);
    return chain_energy_hand(s, s + n, n, steps, dt, stiffness, cubic, damping, g, g + n);
  };
  c.data = {state0, state};
  const short tag = c.tag = 3;
  c.adolcRecord = [=] { return record_chain(tag, s0, n, steps, dt, stiffness, cubic, damping); };
  c.adolcGradient = [=](double* g) { adolc_gradient(tag, 2 * n, s0, g); };
  return c;
}

// (d) Softened N-body energy: n bodies at random positions in [-1, 1]^3,
// random velocities and masses. The active inputs, packed for ADOL-C and for
// comparing the gradients: per body pos x y z, vel x y z, mass; then G, soft.
// adgen's and the hand-written gradient come as structs (d_bodies, d_p),
// zeroed before and packed into the flat gradient after every call (O(n)
// work against the O(n^2) kernel).
void packNbody(const std::vector<Body>& bodies, const Params& p, double* x) {
  for (const Body& b : bodies) {
    const double v[7] = {b.pos.x, b.pos.y, b.pos.z, b.vel.x, b.vel.y, b.vel.z, b.mass};
    std::copy(v, v + 7, x);
    x += 7;
  }
  x[0] = p.G;
  x[1] = p.soft;
}

Case nbodyCase(int n) {
  std::mt19937 rng(4);
  auto bodies = std::make_shared<std::vector<Body>>(n);
  const auto pos = uniform(rng, 3 * static_cast<size_t>(n), -1.0, 1.0);
  const auto vel = uniform(rng, 3 * static_cast<size_t>(n), -0.5, 0.5);
  const auto mass = uniform(rng, n, 0.5, 1.5);
  for (int i = 0; i < n; ++i)
    (*bodies)[i] = {{pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]},
                    {vel[3 * i], vel[3 * i + 1], vel[3 * i + 2]},
                    mass[i],
                    i};
  auto params = std::make_shared<Params>(Params{1.0, 0.1, 0.01});
  auto x = std::make_shared<std::vector<double>>(7 * static_cast<size_t>(n) + 2);
  packNbody(*bodies, *params, x->data());
  auto dBodies = std::make_shared<std::vector<Body>>(n);  // the struct adjoints
  auto dParams = std::make_shared<Params>();

  Case c;
  c.kernel = "nbody";
  c.size = "n=" + std::to_string(n);
  c.m = 7 * n + 2;
  const int m = c.m;
  // The callables share ownership of the structs they use.
  c.f = [bodies, params] { return nbody_energy(*bodies, *params); };
  auto structGradient = [bodies, params, dBodies, dParams](auto grad) {
    return [=](double* g) {
      std::fill(dBodies->begin(), dBodies->end(), Body{});
      *dParams = Params{};
      const double value = grad(*bodies, *params, dBodies.get(), dParams.get());
      packNbody(*dBodies, *dParams, g);
      return value;
    };
  };
  c.adgen = structGradient(nbody_energy_grad);
  c.hand = structGradient(nbody_energy_hand);
  c.data = {x};
  const short tag = c.tag = 4;
  const double* px = x->data();
  const double dt = params->dt;
  c.adolcRecord = [=] { return record_nbody(tag, px, n, dt); };
  c.adolcGradient = [=](double* g) { adolc_gradient(tag, m, px, g); };
  return c;
}

// (e) Checkpointing: the ODE's gradient with the loop taped and with
// ADGEN_CHECKPOINT(snapshots), and the tape each needs (measured in a fresh
// thread, whose tape starts empty: adgen's tape is per thread and keeps its
// capacity).
template <typename Grad> std::size_t tapeBytes(Grad grad) {
  std::size_t bytes = 0;
  std::thread([&] {
    grad();
    bytes = adgen::threadTape().capacity();
  }).join();
  return bytes;
}

bool checkpointRows() {
  const double y0[8] = {0.9, -0.3, 0.4, 0.1, 0.0, 0.2, -0.1, 0.3};
  const double p[4] = {1.7, 1.1, 0.8, 1.3};
  const double dt = 1e-3;
  bool ok = true;
  std::printf("\n%-10s | %-23s | %11s | %11s | %12s | %14s | %14s\n", "kernel", "n", "f time",
              "taped ratio", "checkpointed", "tape (taped)", "tape (checkp.)");
  std::printf("%s\n", std::string(112, '-').c_str());
  for (int steps : {10000, 1000000}) {
    const int snapshots = 100;
    std::vector<double> g1(12), g2(12);
    ode_taped_grad(y0, p, steps, dt, g1.data(), g1.data() + 8);
    ode_checkpointed_grad(y0, p, steps, dt, snapshots, g2.data(), g2.data() + 8);
    ok = ok && maxRelError(g2, g1) == 0.0;  // the same arithmetic, to the bit
    std::vector<double> g(12);
    const std::vector<double> t = bestPerCallSeconds({
        [&] { return ode_taped(y0, p, steps, dt); },
        [&] {
          std::fill(g.begin(), g.end(), 0.0);
          return ode_taped_grad(y0, p, steps, dt, g.data(), g.data() + 8);
        },
        [&] {
          std::fill(g.begin(), g.end(), 0.0);
          return ode_checkpointed_grad(y0, p, steps, dt, snapshots, g.data(), g.data() + 8);
        },
    });
    std::size_t taped = tapeBytes([&] { ode_taped_grad(y0, p, steps, dt, g.data(), g.data() + 8); });
    std::size_t checkpointed = tapeBytes(
        [&] { ode_checkpointed_grad(y0, p, steps, dt, snapshots, g.data(), g.data() + 8); });
    char size[40], fTime[32];
    std::snprintf(size, sizeof size, "steps=%d snaps=%d", steps, snapshots);
    std::snprintf(fTime, sizeof fTime, "%.3f ms", t[0] * 1e3);
    std::printf("%-10s | %-23s | %11s | %11.2f | %12.2f | %11.1f MB | %11.1f kB\n", "ode rk4",
                size, fTime, t[1] / t[0], t[2] / t[0], taped / 1e6, checkpointed / 1e3);
    std::fflush(stdout);
  }
  std::printf("(checkpointed: plus %d snapshots of the 8-number state; the gradients are "
              "identical%s)\n", 100, ok ? "" : " -- NOT: FAILED");
  return ok;
}

}  // namespace

#ifdef ADGEN_BENCH_TAPE
// bench-tape: the same cases, each adgen gradient run once in a fresh thread
// (adgen's tape is per thread), with the generated code compiled with
// ADGEN_TAPE_STATS so the tape records its peak size.
int main() {
  std::vector<Case> cases;
  cases.push_back(gmmCase(100, 5, 4));
  cases.push_back(gmmCase(2000, 10, 10));
  cases.push_back(rosenbrockCase(100));
  cases.push_back(rosenbrockCase(100000));
  cases.push_back(chainCase(10, 1000));
  cases.push_back(chainCase(100, 1000));
  cases.push_back(nbodyCase(64));
  cases.push_back(nbodyCase(128));
  auto peakOf = [](const std::function<void()>& grad) {
    std::size_t bytes = 0;
    std::thread([&] {
      grad();
      bytes = adgen::threadTape().peak();
    }).join();
    return bytes;
  };
  std::printf("%-10s | %-23s | %16s\n", "kernel", "n", "peak tape (bytes)");
  std::printf("%s\n", std::string(56, '-').c_str());
  for (Case& c : cases) {
    std::vector<double> g(c.m);
    std::printf("%-10s | %-23s | %16zu\n", c.kernel.c_str(), c.size.c_str(),
                peakOf([&] { c.adgen(g.data()); }));
  }
  const double y0[8] = {0.9, -0.3, 0.4, 0.1, 0.0, 0.2, -0.1, 0.3};
  const double p[4] = {1.7, 1.1, 0.8, 1.3};
  for (int steps : {10000, 1000000}) {
    std::vector<double> g(12);
    std::size_t taped = peakOf([&] { ode_taped_grad(y0, p, steps, 1e-3, g.data(), g.data() + 8); });
    std::size_t checkp = peakOf(
        [&] { ode_checkpointed_grad(y0, p, steps, 1e-3, 100, g.data(), g.data() + 8); });
    char size[40];
    std::snprintf(size, sizeof size, "steps=%d", steps);
    std::printf("%-10s | %-23s | %16zu   (%.1f bytes per step)\n", "ode taped", size, taped,
                double(taped) / steps);
    std::snprintf(size, sizeof size, "steps=%d snaps=100", steps);
    std::printf("%-10s | %-23s | %16zu\n", "ode checkp", size, checkp);
  }
  return 0;
}
#else
int main(int argc, char** argv) {
  // bench [MIN_SECONDS [KERNEL]]: KERNEL runs only the rows of that kernel.
  if (argc > 1)
    minSeconds = std::atof(argv[1]);
  const std::string only = argc > 2 ? argv[2] : "";

  std::vector<Case> cases;
  cases.push_back(gmmCase(100, 5, 4));
  cases.push_back(gmmCase(2000, 10, 10));
  cases.push_back(rosenbrockCase(100));
  cases.push_back(rosenbrockCase(100000));
  cases.push_back(chainCase(10, 1000));
  cases.push_back(chainCase(100, 1000));
  cases.push_back(nbodyCase(64));
  cases.push_back(nbodyCase(128));

  std::printf("gradient time / function time, best of 5 interleaved runs of >= %.2f s each\n", minSeconds);
  std::printf("compiler: %s\n", __VERSION__);
  if (std::FILE* load = std::fopen("/proc/loadavg", "r")) {  // other work skews timings
    char line[128] = "";
    if (std::fgets(line, sizeof line, load))
      std::printf("load average at start: %s", line);
    std::fclose(load);
  }
  std::printf("\n");
  std::printf("%-10s | %-19s | %10s | %11s | %10s | %13s | %13s | %s\n", "kernel", "n", "f time",
              "adgen ratio", "hand ratio", "ADOL-C ratio", "ADOL-C ratio", "max rel err vs hand");
  std::printf("%-10s | %-19s | %10s | %11s | %10s | %13s | %13s | %s\n", "", "", "", "", "",
              "(tape reused)", "(retaped)", "adgen / ADOL-C");
  std::printf("%s\n", std::string(127, '-').c_str());
  bool ok = true, spilled = false;
  for (Case& c : cases) {
    if (!only.empty() && c.kernel != only)
      continue;
    Result r = run(c);
    char fTime[32];
    if (r.fTime < 1e-3)
      std::snprintf(fTime, sizeof fTime, "%.2f us", r.fTime * 1e6);
    else
      std::snprintf(fTime, sizeof fTime, "%.3f ms", r.fTime * 1e3);
    std::printf("%-10s | %-19s | %10s | %11.2f | %10.2f | %13.1f | %13.1f | %.1e / %.1e%s\n",
                r.kernel.c_str(), r.size.c_str(), fTime, r.adgenTime / r.fTime,
                r.handTime / r.fTime, r.adolcReuseTime / r.fTime, r.adolcRetapeTime / r.fTime,
                r.adgenError, r.adolcError, r.adolcInMemory ? "" : " (ADOL-C tape spilled to disk)");
    std::fflush(stdout);
    if (!(r.adgenError <= 1e-10 && r.adolcError <= 1e-10 && r.valueError <= 1e-12))
      ok = false;
    if (!r.adolcInMemory)
      spilled = true;
  }
  if (only.empty() || only == "ode")
    ok = checkpointRows() && ok;
  if (spilled)
    std::printf("\nsome ADOL-C tapes did not fit in memory buffers; their times include file I/O\n");
  if (!ok) {
    std::printf("\nFAILED: the gradients (or values) disagree beyond 1e-10 (1e-12 for values)\n");
    return 1;
  }
  std::printf("\nall gradients agree (max rel err <= 1e-10); all values agree (<= 1e-12)\n");
  return 0;
}
#endif
