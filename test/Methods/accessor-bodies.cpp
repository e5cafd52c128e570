// Accessors whose body does more than `return <location>;`: an assert or a
// local computing the index before the return, statements that write
// numbers (`v += s * v;`, calls updating the array it points into), another
// accessor's location, a pointer computed in steps. adgen inlines the body
// as statements where it is called, then the call's value is the location
// of its final (and only) `return`, which the caller reads, writes or binds
// to a reference. Shape with FileCheck; numbers with --emit=check (finite
// differences, forward against reverse, pre-filled adjoints with d_ret != 1,
// f's effects, f_fwd_vec, f_jacobian, f_hessian) compiled with g++ and
// clang++.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK-DAG: ok   buf_use {{.*}}worst relative error
// RUNCHECK-DAG: ok   bumped {{.*}}worst relative error
// RUNCHECK-DAG: ok   tripled {{.*}}worst relative error
// RUNCHECK-DAG: ok   rows {{.*}}worst relative error
// RUNCHECK: passed, 0 failed
#include <adgen/adgen.h>
#include <cassert>
#include <cmath>

struct Buf {
  double d[4];
  double &at(int i) {
    assert(i >= 0 && i < 4);
    return d[i];
  }
  double &wrap(int i) {
    int k = i % 4;
    return d[k];
  }
};
double &bump(double &v, double s) {
  v += s * v;
  return v;
}
void mult(double *x, double y) {
  for (int i = 0; i < 3; ++i)
    x[i] *= y;
}
double &scaled(double *x, double y) {
  mult(x, y);
  mult(x, 3);
  return x[1];
}
double &inner(Buf &b, int i) {
  b.d[0] *= 2;
  return b.at(i);
}
const double *rowp(const double *m, int r, int cols) {
  assert(r >= 0);
  int off = r * cols;
  return m + off;
}

// CHECK-LABEL: double buf_use_pullback({{.*}}) {
// CHECK: assert(
// CHECK-LABEL: adgen::Dual<double> buf_use_fwd({{.*}}) {
ADGEN_REVERSE("x[4], s") ADGEN_FORWARD("x[4], s") ADGEN_HESSIAN("x[4], s")
double buf_use(const double *x, double s) {
  Buf b{};
  for (int i = 0; i < 4; ++i)
    b.d[i] = x[i];
  b.at(1) *= s;
  b.wrap(6) += b.at(0) * s;
  double &r = bump(b.d[3], s);
  r += s;
  double t = inner(b, 3) * s;
  return b.d[0] * b.d[1] + b.d[2] * b.d[3] + t;
}

// CHECK-LABEL: double bumped_pullback({{.*}}) {
// CHECK-LABEL: adgen::Dual<double> bumped_fwd({{.*}}) {
ADGEN_REVERSE() ADGEN_FORWARD() ADGEN_HESSIAN()
double bumped(double i, double j) {
  double &k = bump(i, j);
  double &l = bump(j, 0.5);
  k += 7 * j;
  l += 9 * i;
  return i * j + k;
}

// CHECK-LABEL: double tripled_pullback({{.*}}) {
// CHECK-LABEL: adgen::Dual<double> tripled_fwd({{.*}}) {
ADGEN_REVERSE() ADGEN_FORWARD()
double tripled(double u, double v) {
  double arr[] = {u, v, 1};
  double &ref = scaled(arr, u);
  ref += 2;
  return ref * arr[0] + arr[2];
}

// CHECK-LABEL: void rows_pullback({{.*}}) {
// CHECK-LABEL: void rows_jacobian({{.*}}) {
ADGEN_REVERSE("m[6] -> y[2]") ADGEN_FORWARD("m[6] -> y[2]") ADGEN_JACOBIAN("m[6] -> y[2]")
void rows(const double *m, double *y) {
  for (int r = 0; r < 2; ++r) {
    const double *p = rowp(m, r, 3);
    y[r] = p[0] * p[1] + std::sin(p[2]);
  }
}
