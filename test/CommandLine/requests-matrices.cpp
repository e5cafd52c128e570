// --jacobian and --hessian requests on the command line, like the markers.
// RUN: %adgen %s --jacobian 'lib::weighted: w[n] -> return' --hessian 'lib::softplus: x' -o %t.gen.cpp -- -std=c++17 -I%S/Inputs
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -I%S/Inputs -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: not %adgen %s --jacobian 'lib::weighted: w' -o %t.bad.cpp -- -std=c++17 -I%S/Inputs 2>&1 | FileCheck %s --check-prefix=ERR
#include "thirdparty.h"

// CHECK-LABEL: inline void weighted_jacobian(const double *w, const double *x, int n, double *jac) {
// CHECK-LABEL: inline void softplus_hessian(double x, double *hess) {
// ERR: error: in --jacobian 'lib::weighted: w': array 'w' has no length; a Jacobian needs it: write 'w[n]' in the spec, with n an integer parameter or literal

#ifdef ADGEN_TEST_DRIVER
#include <adgen/adgen.h>
namespace lib {
inline void weighted_jacobian(const double *w, const double *x, int n, double *jac);
inline void softplus_hessian(double x, double *hess);
} // namespace lib
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double w[3] = {0.5, -1.0, 2.0}, x[3] = {0.1, 0.2, -0.3};
  double J[3];
  lib::weighted_jacobian(w, x, 3, J);
  for (int i = 0; i < 3; ++i)
    check_close("d weighted / d w", J[i], lib::softplus(x[i]), 1e-15);
  double H;
  lib::softplus_hessian(0.3, &H);
  double sig = 1 / (1 + std::exp(-0.3));
  check_close("softplus''", H, sig * (1 - sig), 1e-14);
  return finish();
}
#endif
