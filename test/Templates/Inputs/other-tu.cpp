// A second translation unit that uses kern::energy<double> too (see
// header-inline.cpp): its generated code defines the same inline
// derivatives, and the two link together.
#include "kernels.h"

double other_tu(const double *x) { return kern::energy(x, 4); }

#ifdef ADGEN_TEST_DRIVER
namespace kern {
inline double energy_grad(const double *x, int n, double *d_x);
}
double other_tu_grad(const double *x, double *d_x) { return kern::energy_grad(x, 4, d_x); }
#endif
