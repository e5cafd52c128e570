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
#include <vector>
double logistic_loss_grad(const double *w, const double *X, const double *y, int n, int d, double *d_w);
double pair_energy_grad(const double *pos, int n, double *d_pos);

template <typename F> double seconds(F f, int reps) {
  f(); // warm up (tapes grow once)
  auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < reps; ++r)
    f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / reps;
}

int main() {
  const int n = 200000, d = 16;
  std::vector<double> X(size_t(n) * d), Y(n), w(d, 0.01), dw(d);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < d; ++j)
      X[size_t(i) * d + j] = std::sin(0.7 * i + 1.3 * j);
    Y[i] = i % 3 == 0;
  }
  volatile double sink = 0;
  double f1 = seconds([&] { sink = logistic_loss(w.data(), X.data(), Y.data(), n, d); }, 10);
  double g1 = seconds([&] { sink = logistic_loss_grad(w.data(), X.data(), Y.data(), n, d, dw.data()); }, 10);
  std::printf("logistic_loss n=%d d=%d: function %.3f ms, gradient %.3f ms (%.2fx the function)\n",
              n, d, f1 * 1e3, g1 * 1e3, g1 / f1);
  const int m = 3000;
  std::vector<double> pos(m), dpos(m);
  for (int i = 0; i < m; ++i)
    pos[i] = 0.01 * i + 0.3 * std::sin(i);
  double f2 = seconds([&] { sink = pair_energy(pos.data(), m); }, 5);
  double g2 = seconds([&] { sink = pair_energy_grad(pos.data(), m, dpos.data()); }, 5);
  std::printf("pair_energy n=%d: function %.3f ms, gradient %.3f ms (%.2fx the function)\n", m,
              f2 * 1e3, g2 * 1e3, g2 / f2);
  (void)sink;
}
#endif
