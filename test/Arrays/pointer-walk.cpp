// Pointer variables that move: parameters advanced with ++ while reading
// (*a++), a local pointer walking an output, another walking an input
// backwards from x + n - 1.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

// The parameters themselves are advanced.
ADGEN_REVERSE() ADGEN_FORWARD()
double walk(const double *a, const double *b, int n) {
  double s = 0;
  const double *end = a + n;
  while (a != end)
    s += *a++ * std::exp(*b++);
  return s;
}
// CHECK-LABEL: double walk_grad(const double *a, const double *b, int n, double *d_a, double *d_b) {
// CHECK-LABEL: adgen::Dual<double> walk_fwd(const double *a, const double *b, int n, const double *d_a, const double *d_b) {

// Writes through a moving pointer; reads backwards from the end.
ADGEN_REVERSE() ADGEN_FORWARD()
void revcopy(const double *x, double *y, int n) {
  double *p = y;
  const double *q = x + n - 1;
  for (; p < y + n; ++p, --q)
    *p = *q * *q + q[0];
}
// CHECK-LABEL: void revcopy_pullback(const double *x, double *y, int n, double *d_x, double *d_y) {
// CHECK-LABEL: void revcopy_fwd(const double *x, double *y, int n, const double *d_x, double *d_y) {

#ifdef ADGEN_TEST_DRIVER
double walk_grad(const double* a, const double* b, int n, double* d_a, double* d_b);
adgen::Dual<double> walk_fwd(const double* a, const double* b, int n, const double* d_a, const double* d_b);
void revcopy_pullback(const double* x, double* y, int n, double* d_x, double* d_y);
void revcopy_fwd(const double* x, double* y, int n, const double* d_x, double* d_y);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  double ab[8] = {0.5, -1.0, 2.0, 0.3, 0.1, 0.2, -0.4, 1.0};
  check_scalar_fn<double>("walk", ab, 8,
      [](const double* q) { return walk(q, q + 4, 4); },
      [](const double* q, double* g) { return walk_grad(q, q + 4, 4, g, g + 4); },
      [](const double* q, const double* t) { return walk_fwd(q, q + 4, 4, t, t + 4); });
  const double x[4] = {0.5, -1.0, 2.0, 0.3};
  check_vector_fn<double>("revcopy", x, 4, 4,
      [](const double* q, double* y) { revcopy(q, y, 4); },
      [](const double* q, const double* ybar, double* qbar) {
        double y[4], dy[4] = {ybar[0], ybar[1], ybar[2], ybar[3]};
        revcopy_pullback(q, y, 4, qbar, dy);
        for (int i = 0; i < 4; ++i) {
          check_exact("revcopy_pullback: effect", y[i], q[3 - i] * q[3 - i] + q[3 - i]);
          check_exact("revcopy_pullback: d_y zero on return", dy[i], 0.0);
          check_close("revcopy: hand-derived", qbar[3 - i], ybar[i] * (2 * q[3 - i] + 1), 1e-15);
        }
      },
      [](const double* q, const double* qd, double* y, double* yd) { revcopy_fwd(q, y, 4, qd, yd); });
  return finish();
}
#endif
