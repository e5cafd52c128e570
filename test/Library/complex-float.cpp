// std::complex<float>: the same lowering in float. Values are computed with
// the textbook formulas, which may differ from the library's complex<float>
// arithmetic in the last bit, so this test compares values to a few ulps
// (test/Library/complex.cpp runs --emit=check, whose effect tolerance is
// made for double).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <complex>

ADGEN_REVERSE() ADGEN_FORWARD()
float single(std::complex<float> z, float t) {
  std::complex<float> w = z * t + 1.0f;
  w = std::exp(w) / z;
  return std::abs(w) + std::arg(std::sqrt(w));
}
// CHECK-LABEL: float single_grad(std::complex<float> z, float t, std::complex<float> *d_z, float *d_t) {


#ifdef ADGEN_TEST_DRIVER
float single_grad(std::complex<float> z, float t, std::complex<float> *d_z, float *d_t);
adgen::Dual<float> single_fwd(std::complex<float> z, float t, std::complex<float> d_z, float d_t);
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  {
    float z0[3] = {0.6f, 0.9f, 1.1f};
    check_scalar_fn<float>(
        "single", z0, 3, [](const float *p) { return single({p[0], p[1]}, p[2]); },
        [](const float *p, float *g) {
          std::complex<float> dz;
          float v = single_grad({p[0], p[1]}, p[2], &dz, &g[2]);
          g[0] += dz.real();
          g[1] += dz.imag();
          return v;
        },
        [](const float *p, const float *t) { return single_fwd({p[0], p[1]}, p[2], {t[0], t[1]}, t[2]); });
  }
  return finish();
}
#endif
