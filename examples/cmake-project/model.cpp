// model.cpp - the functions adgen differentiates. Without adgen the marker
// expands to nothing: this is ordinary C++, but the build compiles the
// generated model.adgen.cpp (which #includes this file) instead of it.
#include "model.h"
#include "params.h"

#include <adgen/adgen.h>

namespace model {

ADGEN_REVERSE("x")  // energy_grad(x, d_x): the gradient with respect to x
double energy(const double* x) {
  double e = 0.0;
  for (int i = 0; i < kDim; ++i)
    e += kStiffness * activation(x[i] * x[i]);
  for (int i = 0; i + 1 < kDim; ++i) {
    double d = x[i + 1] - x[i];
    e += d * d;
  }
  return e;
}

// No marker: CMakeLists.txt requests spring_fwd (REQUESTS forward ...).
double spring(double k, double x) { return 0.5 * k * x * x * activation(x); }

}  // namespace model
