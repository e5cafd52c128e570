// The derivatives of examples/cmake-project/model.cpp and kernel.h, generated
// by adgen_add_derivatives from adgen's own build tree; checked against
// central finite differences.
#include "kernel.adgen.h"
#include "model.adgen.h"
#include "model.h"
#include "params.h"

#include <cmath>
#include <cstdio>

double kernel(double a, double b);

static int failures = 0;

static void check(const char* what, double derivative, double finite_difference) {
  bool ok = std::fabs(derivative - finite_difference) <= 1e-6 * (1.0 + std::fabs(finite_difference));
  std::printf("%-10s = %.9f   (finite difference %.9f)%s\n", what, derivative, finite_difference,
              ok ? "" : "   MISMATCH");
  failures += !ok;
}

int main() {
  const double h = 1e-6;
  double x[model::kDim];
  for (int i = 0; i < model::kDim; ++i)
    x[i] = 0.3 * (i + 1) - 0.5;
  double grad[model::kDim] = {};
  model::energy_grad(x, grad);
  for (int i = 0; i < model::kDim; ++i) {
    double xp[model::kDim], xm[model::kDim];
    for (int j = 0; j < model::kDim; ++j)
      xp[j] = xm[j] = x[j];
    xp[i] += h;
    xm[i] -= h;
    check("grad", grad[i], (model::energy(xp) - model::energy(xm)) / (2 * h));
  }
  check("dspring", model::spring_fwd(3.0, 0.7, 1.0).tangent,
        (model::spring(3.0, 0.7 + h) - model::spring(3.0, 0.7 - h)) / (2 * h));
  double da = 0, db = 0;
  kernel_grad(0.4, 1.5, &da, &db);
  check("dkernel/da", da, (kernel(0.4 + h, 1.5) - kernel(0.4 - h, 1.5)) / (2 * h));
  check("dkernel/db", db, (kernel(0.4, 1.5 + h) - kernel(0.4, 1.5 - h)) / (2 * h));
  std::printf("%s\n", failures ? "FAILED" : "ok");
  return failures ? 1 : 0;
}
