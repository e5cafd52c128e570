// Member functions of views (structs with pointer fields into arrays adgen
// tracks, test/Pointers/views.cpp): accessors such as a matrix view's
// `double &operator()(int i, int j) { return data[i * cols + j]; }` (also
// with an assert before the return), member functions that read or write
// through the view (`m.scale(s)`, `v.sum()`), copies of a view (`Span t =
// s;`, also in a helper taking the view by const reference), a view passed
// on from a member function (`dot(*this, o)`). adgen inlines each call,
// `this` naming the caller's field locals (`m_data`, `m_cols`). Shape with
// FileCheck; numbers with --emit=check (finite differences, forward against
// reverse, pre-filled adjoints with d_ret != 1, f's effects, f_fwd_vec,
// f_jacobian) compiled with g++ and clang++. f_hessian of a function that
// writes through a view is refused (test/Diagnostics/views.cpp).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-DAG: ok   det_scaled {{.*}}worst relative error
// RUNCHECK-DAG: ok   views_use {{.*}}worst relative error
// RUNCHECK-DAG: ok   rows {{.*}}worst relative error
// RUNCHECK-DAG: ok   free_at {{.*}}worst relative error
// RUNCHECK: 4 passed, 0 failed
#include <adgen/adgen.h>
#include <cassert>
#include <cmath>

struct Span;
double dot(const Span &a, const Span &b);
struct Span {
  const double *p;
  int n;
  double sum() const {
    double s = 0;
    for (int i = 0; i < n; ++i)
      s += p[i];
    return s;
  }
  const double &operator[](int i) const { return p[i]; }
  double dotWith(const Span &o) const { return dot(*this, o); }
};
double dot(const Span &a, const Span &b) {
  double s = 0;
  for (int i = 0; i < a.n; ++i)
    s += a[i] * b[i];
  return s;
}
double sum_copy(const Span &s) {
  Span t = s;
  t.n -= 1;
  return t.sum() + s[s.n - 1] * 2;
}
struct Mat {
  double *data;
  int rows, cols;
  double &operator()(int i, int j) { return data[i * cols + j]; }
  const double &get(int i, int j) const {
    assert(i < rows && j < cols);
    return data[i * cols + j];
  }
  double trace() const {
    double t = 0;
    for (int i = 0; i < rows && i < cols; ++i)
      t += get(i, i);
    return t;
  }
  void scale(double s) {
    for (int k = 0; k < rows * cols; ++k)
      data[k] *= s;
  }
};

// CHECK-LABEL: double det_scaled_pullback({{.*}}) {
// CHECK: m_data[0 * m_cols + 1] = m_data[0 * m_cols + 1] * x;
// CHECK-LABEL: adgen::Dual<double> det_scaled_fwd({{.*}}) {
ADGEN_REVERSE("a[4], x") ADGEN_FORWARD("a[4], x")
double det_scaled(double *a, double x) {
  Mat m{a, 2, 2};
  m(0, 1) *= x;
  return m(0, 0) * m(1, 1) - m(0, 1) * m.get(1, 0);
}

// CHECK-LABEL: double views_use_pullback({{.*}}) {
// CHECK-LABEL: adgen::Dual<double> views_use_fwd({{.*}}) {
ADGEN_REVERSE("x[6]") ADGEN_FORWARD("x[6]")
double views_use(const double *x) {
  double buf[6];
  for (int i = 0; i < 6; ++i)
    buf[i] = x[i] * x[i];
  Mat m{buf, 2, 3};
  m(1, 2) += x[0];
  Span a{x, 3}, b{buf + 3, 3};
  Span c = a;
  return c.dotWith(b) + sum_copy(a) * m.trace() + c.sum();
}

struct View {
  double *p;
  int n;
};
double &at(View v, int i) {
  assert(i < v.n);
  return v.p[i];
}
const double &cat(const View &v, int i) { return v.p[i]; }

// Free accessors taking a view, by value and by const reference.
// CHECK-LABEL: double free_at_pullback({{.*}}) {
// CHECK-LABEL: adgen::Dual<double> free_at_fwd({{.*}}) {
ADGEN_REVERSE("x[3], s") ADGEN_FORWARD("x[3], s")
double free_at(double *x, double s) {
  View v{x, 3};
  at(v, 1) *= s;
  double &r = at(v, 2);
  r += s * cat(v, 0);
  return cat(v, 1) * r;
}

// CHECK-LABEL: void rows_pullback({{.*}}) {
// CHECK-LABEL: void rows_jacobian({{.*}}) {
ADGEN_REVERSE("x[4] -> y[2]") ADGEN_FORWARD("x[4] -> y[2]") ADGEN_JACOBIAN("x[4] -> y[2]")
void rows(const double *x, double *y) {
  Span s{x, 2}, t{x + 2, 2};
  Mat out{y, 1, 2};
  out(0, 0) = s.sum() * t[1];
  out(0, 1) = std::sin(s.dotWith(t));
  out.scale(0.5);
}
