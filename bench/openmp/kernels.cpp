// OpenMP kernels for the speed-up of generated gradients with threads
// (bench/openmp/run.sh). Each function is one parallel loop.
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE("w")
double logistic_loss(const double *w, const double *X, const double *y, int n, int d) {
  double s = 0;
#pragma omp parallel for reduction(+ : s) schedule(static)
  for (int i = 0; i < n; ++i) {
    double z = 0;
    for (int j = 0; j < d; ++j)
      z += w[j] * X[i * d + j];
    double p = 1.0 / (1.0 + std::exp(-z));
    s += -(y[i] * std::log(p) + (1.0 - y[i]) * std::log(1.0 - p));
  }
  return s / n;
}

ADGEN_REVERSE("pos")
double pair_energy(const double *pos, int n) {
  double e = 0;
#pragma omp parallel for reduction(+ : e) schedule(dynamic, 16)
  for (int i = 0; i < n; ++i) {
    double ei = 0;
    for (int j = 0; j < n; ++j) {
      double dx = pos[j] - pos[i];
      ei += 1.0 / std::sqrt(dx * dx + 0.1);
    }
    e += ei;
  }
  return e;
}

#ifdef ADGEN_BENCH_DRIVER
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>
#ifdef _OPENMP
#include <omp.h>
#endif
double logistic_loss_grad(const double *w, const double *X, const double *y, int n, int d, double *d_w);
double pair_energy_grad(const double *pos, int n, double *d_pos);

/// Best of \p Reps runs (after one warm-up run: tapes grow once), in seconds.
double seconds(const std::function<void()> &F, int Reps) {
  F();
  double Best = 1e300;
  for (int R = 0; R < Reps; ++R) {
    auto T0 = std::chrono::steady_clock::now();
    F();
    double T = std::chrono::duration<double>(std::chrono::steady_clock::now() - T0).count();
    Best = T < Best ? T : Best;
  }
  return Best;
}

/// Times f and its gradient with 1 and 2 threads: the speed-ups side by side.
void measure(const char *Name, const std::function<void()> &F, const std::function<void()> &G,
             int Reps) {
  double TF[2], TG[2];
  for (int T = 1; T <= 2; ++T) {
#ifdef _OPENMP
    omp_set_num_threads(T);
#endif
    TF[T - 1] = seconds(F, Reps);
    TG[T - 1] = seconds(G, Reps);
  }
  std::printf("%-26s function %8.2f ms -> %8.2f ms (%.2fx)   gradient %8.2f ms -> %8.2f ms "
              "(%.2fx)   gradient/function %.2f\n",
              Name, TF[0] * 1e3, TF[1] * 1e3, TF[0] / TF[1], TG[0] * 1e3, TG[1] * 1e3,
              TG[0] / TG[1], TG[0] / TF[0]);
}

int main() {
#ifndef ADGEN_VARIANT
#define ADGEN_VARIANT "per-thread partial vectors (as generated)"
#endif
  std::printf("shared adjoints: %s; times are the best of several runs, 1 thread -> 2 threads\n",
              ADGEN_VARIANT);
  const int n = 200000, d = 16;
  std::vector<double> X(size_t(n) * d), Y(n), w(d, 0.01), dw(d);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < d; ++j)
      X[size_t(i) * d + j] = std::sin(0.7 * i + 1.3 * j);
    Y[i] = i % 3 == 0;
  }
  volatile double sink = 0;
  measure("logistic_loss n=200000 d=16",
          [&] { sink = logistic_loss(w.data(), X.data(), Y.data(), n, d); },
          [&] { sink = logistic_loss_grad(w.data(), X.data(), Y.data(), n, d, dw.data()); }, 10);
  const int m = 3000;
  std::vector<double> pos(m), dpos(m);
  for (int i = 0; i < m; ++i)
    pos[i] = 0.01 * i + 0.3 * std::sin(i);
  measure("pair_energy n=3000", [&] { sink = pair_energy(pos.data(), m); },
          [&] { sink = pair_energy_grad(pos.data(), m, dpos.data()); }, 5);
  (void)sink;
}
#endif
