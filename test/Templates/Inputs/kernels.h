// A marked template in a header, used by header-inline.cpp and other-tu.cpp.
#ifndef KERNELS_H
#define KERNELS_H
#include <adgen/adgen.h>
#include <cmath>

namespace kern {
template <typename T>
ADGEN_REVERSE("x") ADGEN_FORWARD("x")
T energy(const T *x, int n) {
  T e = 0;
  for (int i = 0; i + 1 < n; ++i)
    e += std::cos(x[i + 1] - x[i]);
  return e;
}
} // namespace kern
#endif
