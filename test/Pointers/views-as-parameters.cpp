// Views (structs with pointer fields) passed to helper functions, by value
// and by (const) reference: adgen inlines the call, the helper's view
// parameter naming the caller's field locals (a reference) or copies of
// them named after the parameter (`v_p`, `v_n`), so the helper's `v.p[i]`
// is a pointer local into the caller's memory with its own adjoint or
// tangent pointer. Views passed on from one helper to another, a helper
// writing through a view into an output, and one changing a by-value
// view's number field (the caller's is unchanged). --emit=check compares
// forward and reverse with finite differences, pre-filled adjoints with
// d_ret != 1, f's effects and canaries past every array.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=OK
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=OK
// OK-NOT: FAIL
// OK: 2 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

struct View { const double *p; int n; };
struct MatView { double *data; int rows, cols; };

double vsum(View v) {
  double s = 0;
  for (int i = 0; i < v.n; ++i)
    s += v.p[i] * v.p[i];
  return s;
}

// The probe of issue #10: a local view handed to a helper by value.
ADGEN_REVERSE("x[n]") ADGEN_FORWARD("x[n]")
double f3(const double *x, int n) {
  View v{x, n};
  return vsum(v);
}
// CHECK-LABEL: double f3_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK:         const double *v_p = x;
// CHECK:         const double *v_p_1 = x;
// CHECK:         s += v_p_1[i] * v_p_1[i];
// CHECK-LABEL: adgen::Dual<double> f3_fwd(

static double weighted(const View &w, View v, double scale) {
  v.n = v.n - 1; // its own copy
  double s = vsum(v);
  return scale * s + std::sin(w.p[w.n - 1]);
}
static void fill(MatView &m, const View &row) {
  for (int i = 0; i < m.rows; ++i)
    for (int j = 0; j < m.cols; ++j)
      m.data[i * m.cols + j] = row.p[j] * (i + 1) + std::cos(row.p[i]);
}

// By const reference and by value together; a view passed on; a matrix
// view written through by reference.
ADGEN_REVERSE("x[n], k -> out[4]") ADGEN_FORWARD("x[n], k -> out[4]")
double mixed(const double *x, int n, double k, double *out) {
  View all{x, n};
  View tail{x + 1, n - 1};
  double r = weighted(all, tail, k);
  MatView m{out, 2, 2};
  fill(m, all);
  return r * all.n + m.data[3];
}
// CHECK-LABEL: double mixed_pullback(const double *x, int n, double k, double *out, double d_ret, double *d_x, double *d_k, double *d_out) {
// CHECK:         int v_n = tail_n;
// CHECK:         --v_n;
// CHECK:         m_data[i_1 * m_cols + j] = all_p[j] * static_cast<double>(i_1 + 1) + std::cos(all_p[i_1]);
// CHECK-LABEL: adgen::Dual<double> mixed_fwd(
