// main.cpp - calls the derivatives adgen generated at build time and checks
// them against central finite differences. Exit status 1 on a mismatch.
#include "model.adgen.h"  // generated: model::energy_grad, model::spring_fwd
#include "model.h"
#include "params.h"

#include <cmath>
#include <cstdio>

namespace {

int failures = 0;

void check(const char* what, double derivative, double finite_difference) {
  bool ok = std::fabs(derivative - finite_difference) <= 1e-6 * (1.0 + std::fabs(finite_difference));
  std::printf("%-8s = %.9f   (finite difference %.9f)%s\n", what, derivative, finite_difference,
              ok ? "" : "   MISMATCH");
  if (!ok)
    ++failures;
}

}  // namespace

int main() {
  const double h = 1e-6;
  double x[model::kDim];
  for (int i = 0; i < model::kDim; ++i)
    x[i] = 0.3 * (i + 1) - 0.5;

  // Reverse mode: the whole gradient in one call (d_x accumulates, so zero it).
  double grad[model::kDim] = {};
  double e = model::energy_grad(x, grad);
  std::printf("energy   = %.9f\n", e);
  for (int i = 0; i < model::kDim; ++i) {
    double xp[model::kDim], xm[model::kDim];
    for (int j = 0; j < model::kDim; ++j)
      xp[j] = xm[j] = x[j];
    xp[i] += h;
    xm[i] -= h;
    char name[16];
    std::snprintf(name, sizeof name, "grad[%d]", i);
    check(name, grad[i], (model::energy(xp) - model::energy(xm)) / (2 * h));
  }

  // Forward mode: d spring / d x at k = 3, x = 0.7.
  adgen::Dual<double> s = model::spring_fwd(3.0, 0.7, 1.0);
  check("dspring", s.tangent, (model::spring(3.0, 0.7 + h) - model::spring(3.0, 0.7 - h)) / (2 * h));

  std::printf("%s\n", failures ? "FAILED" : "ok");
  return failures ? 1 : 0;
}
