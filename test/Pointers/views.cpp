// Views: local structs with pointer fields bound to memory adgen tracks
// (`Span s{x, 2};`, `Span t = {x + 2, n - 2};`, `MatView m{buf, 2, 3};` used
// as `m.data[i * m.cols + j]`). Each field becomes a local named after the
// view and the field (`tail_p`, `m_cols`); a pointer field is a pointer local
// with its own adjoint or tangent pointer. Checked against central
// differences, forward against reverse, and pullbacks into pre-filled
// adjoints with d_ret != 1.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -std=c++17 -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -std=c++17 -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

struct Span { const double *p; int n; };
struct MatView { double *data; int rows, cols; };

static double dot(const double *a, const double *b, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) s += a[i] * b[i];
  return s;
}

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double views(const double *x, int n) {
  Span head{x, 2};
  Span tail = {x + 2, n - 2};
  double buf[6];
  MatView m{buf, 2, 3};
  for (int i = 0; i < m.rows; ++i)
    for (int j = 0; j < m.cols; ++j)
      m.data[i * m.cols + j] = head.p[i] * tail.p[j] + std::sin(tail.p[(i + j) % tail.n]);
  double s = 0;
  for (int k = 0; k < tail.n; ++k)
    s += tail.p[k] * m.data[k % 6];
  return s + dot(m.data, m.data + 3, 3) * dot(head.p, tail.p, head.n);
}
// CHECK-LABEL: double views_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK:   double *m_data = buf;
// CHECK:   double *d_tail_p = d_x;
// CHECK:   tail_p = x + 2;
// CHECK-NEXT:   d_tail_p = d_x + (tail_p - x);
// CHECK-LABEL: double views_grad(
// CHECK-LABEL: adgen::Dual<double> views_fwd(const double *x, int n, const double *d_x) {
// CHECK:   const double *tail_p = x + 2;
// CHECK-NEXT:   const double *d_tail_p = d_x + 2;
// CHECK:       m_data[i * m_cols + j] = head_p[i] * tail_p[j] + sincos_tail_p.sin;

#ifdef ADGEN_TEST_DRIVER
double views_pullback(const double *x, int n, double d_ret, double *d_x);
double views_grad(const double *x, int n, double *d_x);
adgen::Dual<double> views_fwd(const double *x, int n, const double *d_x);
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  ADGEN_TEST_ARRAY_FN(views, 5);
  return finish();
}
#endif
