// adbench.cpp - two kernels of ADBench (Srajer, Habib, Zimmermann 2018) in
// plain C++: an LSTM's objective (gradient by reverse mode) and bundle
// adjustment's reprojection error (Jacobian, and forward mode).
#include <adgen/adgen.h>

#include <cmath>

// ---- LSTM: l layers of hidden size b over a sequence of c one-hot-ish
// vectors of length b; the objective is the average log-likelihood of each
// next vector under the softmax of the prediction. The state is copied into
// a local (the caller's stays untouched), as ADBench's gradient treats it as
// a constant. Sizes: l <= 4, b <= 32.
static double lstm_sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

static void lstm_model(int b, const double* weight, const double* bias, double* hidden,
                       double* cell, const double* input) {
  for (int i = 0; i < b; ++i) {
    double forget = lstm_sigmoid(input[i] * weight[i] + bias[i]);
    double ingate = lstm_sigmoid(hidden[i] * weight[b + i] + bias[b + i]);
    double outgate = lstm_sigmoid(input[i] * weight[2 * b + i] + bias[2 * b + i]);
    double change = std::tanh(hidden[i] * weight[3 * b + i] + bias[3 * b + i]);
    cell[i] = cell[i] * forget + ingate * change;
    hidden[i] = outgate * std::tanh(cell[i]);
  }
}

static void lstm_predict(int l, int b, const double* w, const double* w2, double* s,
                         const double* x, double* x2) {
  for (int i = 0; i < b; ++i)
    x2[i] = x[i] * w2[i];
  for (int i = 0; i < l; ++i) {
    lstm_model(b, w + i * 8 * b, w + (i * 8 + 4) * b, s + i * 2 * b, s + (i * 2 + 1) * b,
               i == 0 ? x2 : s + (i - 1) * 2 * b);
  }
  const double* xp = s + (l - 1) * 2 * b;
  for (int i = 0; i < b; ++i)
    x2[i] = xp[i] * w2[b + i] + w2[2 * b + i];
}

ADGEN_REVERSE("main_params, extra_params")
ADGEN_FORWARD("main_params, extra_params")
double lstm_objective(int l, int c, int b, const double* main_params, const double* extra_params,
                      const double* state, const double* sequence) {
  double s[2 * 4 * 32];
  for (int i = 0; i < 2 * l * b; ++i)
    s[i] = state[i];
  double ypred[32];
  double total = 0.0;
  for (int t = 0; t + 1 < c; ++t) {
    lstm_predict(l, b, main_params, extra_params, s, sequence + t * b, ypred);
    double mx = ypred[0];
    for (int i = 1; i < b; ++i)
      mx = std::fmax(mx, ypred[i]);
    double se = 0.0;
    for (int i = 0; i < b; ++i)
      se += std::exp(ypred[i] - mx);
    double lse = mx + std::log(se);
    const double* ygold = sequence + (t + 1) * b;
    for (int i = 0; i < b; ++i)
      total += ygold[i] * (ypred[i] - lse);
  }
  return -total / ((c - 1) * b);
}

// ---- Bundle adjustment: the reprojection error of one observation. cam:
// Rodrigues rotation (3), centre (3), focal length, principal point (2),
// radial distortion (2); X: the 3-D point; w: the observation's weight.
ADGEN_JACOBIAN("cam[11], X[3], w -> err[2]")
ADGEN_FORWARD("cam, X, w -> err")
void ba_reproj(const double* cam, const double* X, double w, const double* feat, double* err) {
  double Xo[3];
  for (int i = 0; i < 3; ++i)
    Xo[i] = X[i] - cam[3 + i];
  // Rodrigues: rotate Xo by the axis-angle vector cam[0..3).
  double sqtheta = cam[0] * cam[0] + cam[1] * cam[1] + cam[2] * cam[2];
  double Xcam[3];
  if (sqtheta != 0) {
    double theta = std::sqrt(sqtheta);
    double costheta = std::cos(theta), sintheta = std::sin(theta);
    double theta_inv = 1.0 / theta;
    double wv[3] = {cam[0] * theta_inv, cam[1] * theta_inv, cam[2] * theta_inv};
    double wcx[3] = {wv[1] * Xo[2] - wv[2] * Xo[1], wv[2] * Xo[0] - wv[0] * Xo[2],
                     wv[0] * Xo[1] - wv[1] * Xo[0]};
    double tmp = (wv[0] * Xo[0] + wv[1] * Xo[1] + wv[2] * Xo[2]) * (1.0 - costheta);
    for (int i = 0; i < 3; ++i)
      Xcam[i] = Xo[i] * costheta + wcx[i] * sintheta + wv[i] * tmp;
  } else {
    Xcam[0] = Xo[0] + cam[1] * Xo[2] - cam[2] * Xo[1];
    Xcam[1] = Xo[1] + cam[2] * Xo[0] - cam[0] * Xo[2];
    Xcam[2] = Xo[2] + cam[0] * Xo[1] - cam[1] * Xo[0];
  }
  double px = Xcam[0] / Xcam[2], py = Xcam[1] / Xcam[2];
  double rsq = px * px + py * py;
  double L = 1.0 + cam[9] * rsq + cam[10] * rsq * rsq;
  err[0] = w * (px * L * cam[6] + cam[7] - feat[0]);
  err[1] = w * (py * L * cam[6] + cam[8] - feat[1]);
}
