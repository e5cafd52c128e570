// model.cpp - the functions adgen differentiates (see model.h).
#include "model.h"

#include <cassert>
#include <cmath>

namespace fit {

double DecayModel::decay(double k, double t) const { return std::exp(-k * (t - t0_)); }

double DecayModel::predict(const double *p, double t) const { return p[0] * decay(p[1], t) + p[2]; }

double DecayModel::sse(const std::vector<double> &data, const double *p) const {
  assert(!data.empty() && data.size() % 2 == 0); // rows of (t, y)
  int n = static_cast<int>(data.size() / 2);
  double s = 0;
  for (int i = 0; i < n; ++i) {
    const double *row = data.data() + 2 * i; // (t, y)
    double r = predict(p, row[0]) - row[1];
    s += r * r;
  }
  return s;
}

void residuals(const DecayModel &m, const std::vector<double> &data, const double *p, double *r,
               int n) {
  assert(n > 0 && data.size() >= 2 * static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const double *row = data.data() + 2 * i;
    r[i] = m.predict(p, row[0]) - row[1];
  }
}

} // namespace fit
