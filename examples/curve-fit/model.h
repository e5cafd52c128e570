// model.h - an exponential decay y(t) = a * exp(-k * (t - t0)) + c fitted to
// data by Gauss-Newton. The derivatives come from adgen (model.adgen.h).
#ifndef CURVE_FIT_MODEL_H
#define CURVE_FIT_MODEL_H

#include <adgen/adgen.h>
#include <vector>

namespace fit {

/// The model, with parameters p = (a, k, c). The reference time t0 is the
/// model's own business: private, like the helper that uses it.
class DecayModel {
public:
  DecayModel() = default;
  explicit DecayModel(double t0) : t0_(t0) {}

  /// y(t) for parameters p[0..3).
  double predict(const double *p, double t) const;

  /// Sum of squared residuals over `data` (rows (t, y)), the objective
  /// Gauss-Newton minimises. adgen generates DecayModel_sse_grad.
  ADGEN_REVERSE("p")
  double sse(const std::vector<double> &data, const double *p) const;

private:
  double decay(double k, double t) const;
  double t0_;
};

/// r[i] = predict(p, t_i) - y_i for the n rows (t_i, y_i) of data; adgen
/// generates residuals_jacobian (n x 3, row-major) and residuals_fwd.
ADGEN_JACOBIAN("p[3] -> r[n]") ADGEN_FORWARD("p -> r")
void residuals(const DecayModel &m, const std::vector<double> &data, const double *p, double *r,
               int n);

} // namespace fit

#endif
