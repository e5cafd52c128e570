// f_pullback has f's effects also when they happen inside differentiated
// callees (a buffer scaled in place, a global counter), and effects of calls
// adgen does not differentiate happen exactly once: the backward sweep
// restores what it must, and the redo log puts f's final values back.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

void scale(double *v, int n, double k) {
  for (int i = 0; i < n; ++i)
    v[i] *= k;
}
int g_h = 0;
double h(double x) {
  ++g_h;
  return x * x;
}

ADGEN_REVERSE()
double f(double x, double *buf) {
  scale(buf, 1, x);
  return buf[0] * buf[0] + h(x);
}
// CHECK-LABEL: double f_pullback(double x, double *buf, double d_ret, double *d_x, double *d_buf) {
// CHECK: redo.mark()
// CHECK: redo.replay(redo_mark);
// The helper restores the buffer for f's backward sweep, and saves what it
// overwrote for the redo.
// CHECK-LABEL: void scale_reverse(double *v, int n, double k, double *d_v, double *d_k, adgen::Tape &tape) {
// CHECK: redo.save(v + i);
// CHECK: v[i] = tape.pop<double>();

int g_bump = 0;
void bump() { ++g_bump; }

ADGEN_REVERSE()
double f2(double *p, int n) {
  bump();
  double s = 0;
  for (int i = 0; i < n; ++i) {
    p[i] = std::sin(p[i]) * p[i];
    s += p[i];
  }
  return s;
}
// CHECK-LABEL: double f2_pullback(double *p, int n, double d_ret, double *d_p) {
// CHECK: redo.save(p + i);

void inc(int &i) { ++i; }

// An integer index advanced by a callee through a reference.
ADGEN_REVERSE()
double f3(const double *a) {
  double s = 0;
  int i = 0;
  while (i < 3) {
    s += a[i] * a[i];
    inc(i);
  }
  return s;
}

#ifdef ADGEN_TEST_DRIVER
double f_grad(double x, double *buf, double *d_x, double *d_buf);
double f2_grad(double *p, int n, double *d_p);
double f3_grad(const double *a, double *d_a);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  double b[1] = {3}, db[1] = {0}, dx = 0;
  double v = f_grad(0.5, b, &dx, db);
  check_exact("f: value", v, 1.5 * 1.5 + 0.25);
  check_exact("f: buf scaled once", b[0], 1.5);
  check_exact("f: h ran once", g_h, 1);
  check_close("f: d_x", dx, 2 * 1.5 * 3 + 2 * 0.5, 1e-15);
  check_close("f: d_buf (initial contents)", db[0], 2 * 1.5 * 0.5, 1e-15);

  double p[2] = {1, 2}, dp[2] = {};
  f2_grad(p, 2, dp);
  check_exact("f2: p[0] written", p[0], std::sin(1.0) * 1.0);
  check_exact("f2: p[1] written", p[1], std::sin(2.0) * 2.0);
  check_exact("f2: bump ran once", g_bump, 1);
  check_close("f2: d_p[0]", dp[0], std::cos(1.0) + std::sin(1.0), 1e-15);

  double a[3] = {1, 2, 3}, da[3] = {};
  f3_grad(a, da);
  for (int i = 0; i < 3; ++i)
    check_close("f3: d_a", da[i], 2 * a[i], 1e-15);
  return finish();
}
#endif
