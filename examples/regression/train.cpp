// train.cpp - fit the ReLU neuron of model.cpp by gradient descent, using the
// gradient adgen generated, then check that gradient.
//
// 1. Make a synthetic data set: inputs x uniform in [-1, 1]^d, targets from a
//    known "teacher" neuron max(0, w*.x + b*) plus a little noise.
// 2. Train w, b from a fixed start by plain gradient descent with loss_grad.
// 3. Compare, at one point, the reverse-mode gradient (loss_grad) with central
//    finite differences of loss, and the forward-mode derivatives (loss_fwd)
//    with it. Exit with status 1 if they differ by more than 1e-6.
#include "model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

namespace {

constexpr int kSamples = 256;
constexpr int kFeatures = 4;

// The teacher the data comes from: what training should recover.
const double kTrueW[kFeatures] = {1.5, -2.0, 0.5, 1.0};
const double kTrueB = 0.25;

struct DataSet {
  std::vector<double> X;  // kSamples rows of kFeatures
  std::vector<double> y;  // kSamples targets
};

DataSet makeData() {
  std::mt19937 rng(42);  // fixed seed: the same data on every run
  std::uniform_real_distribution<double> uniform(-1.0, 1.0);
  std::normal_distribution<double> noise(0.0, 0.01);
  DataSet data;
  data.X.resize(kSamples * kFeatures);
  data.y.resize(kSamples);
  for (int i = 0; i < kSamples; ++i) {
    double z = kTrueB;
    for (int j = 0; j < kFeatures; ++j) {
      double xij = uniform(rng);
      data.X[i * kFeatures + j] = xij;
      z += kTrueW[j] * xij;
    }
    data.y[i] = std::max(0.0, z) + noise(rng);
  }
  return data;
}

// Largest difference between a and b, relative to the largest entry of b.
double maxRelError(const std::vector<double>& a, const std::vector<double>& b) {
  double diff = 0.0, scale = 0.0;
  for (size_t k = 0; k < a.size(); ++k) {
    diff = std::max(diff, std::fabs(a[k] - b[k]));
    scale = std::max(scale, std::fabs(b[k]));
  }
  return diff / std::max(scale, 1e-300);
}

}  // namespace

int main() {
  const DataSet data = makeData();
  const double* X = data.X.data();
  const double* y = data.y.data();
  const int n = kSamples, d = kFeatures;

  // ---- 2. Training ---------------------------------------------------------
  std::vector<double> w(d, 0.1);  // a start where the neuron is active
  double b = 0.5;
  const double learningRate = 0.05;
  const int epochs = 1000;

  std::printf("Training a ReLU neuron on %d samples with %d features\n", n, d);
  std::printf("%8s  %14s\n", "epoch", "loss");
  std::vector<double> gw(d);
  for (int epoch = 0; epoch <= epochs; ++epoch) {
    std::fill(gw.begin(), gw.end(), 0.0);  // loss_grad adds to these
    double gb = 0.0;
    double L = loss_grad(w.data(), b, X, y, n, d, gw.data(), &gb);
    if (epoch % 100 == 0)
      std::printf("%8d  %14.8f\n", epoch, L);
    if (epoch == epochs)
      break;
    for (int j = 0; j < d; ++j)
      w[j] -= learningRate * gw[j];
    b -= learningRate * gb;
  }

  std::printf("\n%10s  %10s  %10s\n", "parameter", "learned", "true");
  for (int j = 0; j < d; ++j)
    std::printf("      w[%d]  %10.5f  %10.5f\n", j, w[j], kTrueW[j]);
  std::printf("         b  %10.5f  %10.5f\n", b, kTrueB);

  // ---- 3. Checking the derivatives ----------------------------------------
  // At a point where some samples fall on each side of the ReLU's kink.
  const std::vector<double> w0 = {0.3, -0.2, 0.1, 0.4};
  const double b0 = 0.1;
  const int m = d + 1;  // parameters: w[0..d), then b

  // Reverse mode: the whole gradient in one call.
  std::vector<double> reverse(m, 0.0);
  const double L0 = loss_grad(w0.data(), b0, X, y, n, d, reverse.data(), &reverse[d]);

  // Central finite differences of loss, one parameter at a time.
  std::vector<double> finite(m);
  for (int k = 0; k < m; ++k) {
    std::vector<double> wp = w0, wm = w0;
    double bp = b0, bm = b0;
    const double h = 1e-6;
    if (k < d) {
      wp[k] += h;
      wm[k] -= h;
    } else {
      bp += h;
      bm -= h;
    }
    finite[k] = (loss(wp.data(), bp, X, y, n, d) - loss(wm.data(), bm, X, y, n, d)) / (2 * h);
  }

  // Forward mode: one call per parameter, seeding that parameter's direction.
  std::vector<double> forward(m);
  double valueError = 0.0;
  for (int k = 0; k < m; ++k) {
    std::vector<double> dw(d, 0.0);
    double db = 0.0;
    if (k < d)
      dw[k] = 1.0;
    else
      db = 1.0;
    adgen::Dual<double> r = loss_fwd(w0.data(), b0, X, y, n, d, dw.data(), db);
    forward[k] = r.tangent;
    valueError = std::max(valueError, std::fabs(r.value - L0));
  }
  valueError = std::max(valueError, std::fabs(loss(w0.data(), b0, X, y, n, d) - L0));

  std::printf("\nGradient at w = (0.3, -0.2, 0.1, 0.4), b = 0.1:\n");
  std::printf("%10s  %18s  %18s  %18s\n", "parameter", "loss_grad", "loss_fwd", "finite diff.");
  for (int k = 0; k < m; ++k) {
    char name[16];
    if (k < d)
      std::snprintf(name, sizeof name, "w[%d]", k);
    else
      std::snprintf(name, sizeof name, "b");
    std::printf("%10s  %18.12f  %18.12f  %18.12f\n", name, reverse[k], forward[k], finite[k]);
  }

  const double fdError = maxRelError(reverse, finite);
  const double fwdError = maxRelError(forward, reverse);
  std::printf("\nmax relative error, loss_grad vs finite differences: %.3e\n", fdError);
  std::printf("max relative error, loss_fwd  vs loss_grad:          %.3e\n", fwdError);
  std::printf("largest difference between the loss values returned: %.3e\n", valueError);

  const double tolerance = 1e-6;
  if (!(fdError <= tolerance && fwdError <= tolerance && valueError <= tolerance * std::fabs(L0))) {
    std::printf("FAILED: derivatives disagree by more than %.0e\n", tolerance);
    return 1;
  }
  std::printf("OK: derivatives agree to within %.0e\n", tolerance);
  return 0;
}
