// A marked template defined in a header: every translation unit that uses
// an instantiation may define it, so its derivatives are inline, and two
// generated files that define the same ones link together. --header
// declares them inline too: include the generated .cpp where you call them
// (docs/cmake.md).
// RUN: %adgen %s -o %t.gen.cpp --header %t.gen.h -- -std=c++17 -I%S/Inputs 2>&1 | count 0
// RUN: %adgen %S/Inputs/other-tu.cpp -o %t.other.gen.cpp -- -std=c++17 -I%S/Inputs 2>&1 | count 0
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: FileCheck %s --check-prefix=HEADER --input-file=%t.gen.h
// RUN: FileCheck %s --check-prefix=OTHER --input-file=%t.other.gen.cpp
// RUN: %cxx -I%S/Inputs -DADGEN_TEST_DRIVER -c %t.gen.cpp -o %t.gcc.o
// RUN: %cxx -I%S/Inputs -DADGEN_TEST_DRIVER -c %t.other.gen.cpp -o %t.other.gcc.o
// RUN: %cxx %t.gcc.o %t.other.gcc.o -o %t.gcc && %t.gcc
// RUN: %clangxx -I%S/Inputs -DADGEN_TEST_DRIVER -c %t.gen.cpp -o %t.clang.o
// RUN: %clangxx -I%S/Inputs -DADGEN_TEST_DRIVER -c %t.other.gen.cpp -o %t.other.clang.o
// RUN: %clangxx %t.clang.o %t.other.clang.o -o %t.clang && %t.clang
#include "kernels.h"

double chain(const double *x) { return kern::energy(x, 4); }
float chainf(const float *x) { return kern::energy(x, 3); }
// CHECK-LABEL: namespace kern {
// CHECK-LABEL: {{^}}inline double energy_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK-LABEL: {{^}}inline double energy_grad(const double *x, int n, double *d_x) {
// CHECK-LABEL: {{^}}inline adgen::Dual<double> energy_fwd(const double *x, int n, const double *d_x) {
// CHECK-LABEL: {{^}}inline float energy_grad(const float *x, int n, float *d_x) {
// CHECK-LABEL: {{^}}inline adgen::Dual<float> energy_fwd(const float *x, int n, const float *d_x) {
// HEADER: namespace kern {
// HEADER-NEXT: inline double energy_pullback(const double *x, int n, double d_ret, double *d_x);
// HEADER-NEXT: inline double energy_grad(const double *x, int n, double *d_x);
// HEADER: inline float energy_grad(const float *x, int n, float *d_x);
// OTHER: {{^}}inline double energy_grad(const double *x, int n, double *d_x) {
// OTHER-NOT: float

#ifdef ADGEN_TEST_DRIVER
namespace kern {
inline double energy_grad(const double *x, int n, double *d_x);
inline adgen::Dual<double> energy_fwd(const double *x, int n, const double *d_x);
inline float energy_grad(const float *x, int n, float *d_x);
inline adgen::Dual<float> energy_fwd(const float *x, int n, const float *d_x);
} // namespace kern
double other_tu_grad(const double *x, double *d_x);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double x[4] = {0.1, 0.9, -0.4, 1.7};
  const float xf[3] = {0.1f, 0.9f, -0.4f};
  check_scalar_fn<double>("energy<double>", x, 4, [](const double *p) { return chain(p); },
      [](const double *p, double *g) { return kern::energy_grad(p, 4, g); },
      [](const double *p, const double *t) { return kern::energy_fwd(p, 4, t); });
  check_scalar_fn<float>("energy<float>", xf, 3, [](const float *p) { return chainf(p); },
      [](const float *p, float *g) { return kern::energy_grad(p, 3, g); },
      [](const float *p, const float *t) { return kern::energy_fwd(p, 3, t); });
  // The other translation unit's copy computes the same gradient.
  double g1[4] = {}, g2[4] = {};
  kern::energy_grad(x, 4, g1);
  other_tu_grad(x, g2);
  for (int i = 0; i < 4; ++i)
    check_exact("energy_grad in both translation units", g1[i], g2[i]);
  return finish();
}
#endif
