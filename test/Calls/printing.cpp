// Printing inside a differentiated function has no numeric effect: printf,
// std::printf, std::fprintf(stderr, ...), puts, std::cout / std::cerr <<
// chains run once per call of f_fwd, f_pullback and f_grad (in the forward
// sweep, with the values f prints), also inside helpers and loops, and carry
// no derivative. The driver prints a marker before each call; FileCheck
// checks that each call prints exactly what f prints, once.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang 2>&1 | FileCheck %s --check-prefix=OUT
#include <adgen/adgen.h>
#include <cmath>
#include <cstdio>
#include <iostream>

static double damp(double v, int k) {
  std::printf("damp %d: %.2f\n", k, v);
  return v * std::exp(-0.5 * k);
}

ADGEN_REVERSE() ADGEN_FORWARD()
double trace(double x, double y, int n) {
  std::cout << "trace: x = " << x << ", y = " << y << '\n';
  double s = 0;
  for (int i = 0; i < n; ++i) {
    double t = x * i + y;
    s += damp(t * t, i);
    printf("  i=%d t=%.2f s=%.4f\n", i, t, s);
  }
  float sf = static_cast<float>(s);
  std::fprintf(stderr, "float %.2f, above %d\n", sf, s > 1.0);
  std::cerr << "done " << true << std::endl;
  std::puts("end");
  return s * x;
}
// CHECK-LABEL: double trace_pullback(double x, double y, int n, double d_ret, double *d_x, double *d_y) {
// CHECK: std::cout << "trace: x = " << x << ", y = " << y << '\n';
// CHECK: ::printf("  i=%d t=%.2f s=%.4f\n", i, t, s);
// CHECK: std::fprintf(stderr, "float %.2f, above %d\n", static_cast<double>(sf), static_cast<int>(s > 1.0));
// CHECK: std::cerr << "done " << true << std::endl;
// CHECK: std::puts("end");
// CHECK: // Backward sweep
// CHECK-NOT: printf
// CHECK-NOT: std::c
// CHECK-LABEL: double trace_grad(
// CHECK-LABEL: static double damp_record(double v, int k) {
// CHECK-NEXT: double result = 0.0;
// CHECK-NEXT: // Forward sweep
// CHECK-NEXT: std::printf("damp %d: %.2f\n", k, v);
// CHECK-LABEL: static void damp_reverse(
// CHECK-NOT: printf
// CHECK-LABEL: adgen::Dual<double> trace_fwd(
// CHECK: std::cout << "trace: x = "
// CHECK: std::puts("end");
// CHECK-LABEL: static adgen::Dual<double> damp_fwd(double v, int k, double d_v) {
// CHECK-NEXT: std::printf("damp %d: %.2f\n", k, v);

// OUT-LABEL: == f
// OUT-NEXT: trace: x = 0.5, y = 0.25
// OUT-NEXT: damp 0: 0.06
// OUT-NEXT:   i=0 t=0.25 s=0.0625
// OUT-NEXT: damp 1: 0.56
// OUT-NEXT:   i=1 t=0.75 s=0.4037
// OUT-NEXT: float 0.40, above 0
// OUT-NEXT: done 1
// OUT-NEXT: end
// OUT-NEXT: == f_pullback
// OUT-NEXT: trace: x = 0.5, y = 0.25
// OUT-NEXT: damp 0: 0.06
// OUT-NEXT:   i=0 t=0.25 s=0.0625
// OUT-NEXT: damp 1: 0.56
// OUT-NEXT:   i=1 t=0.75 s=0.4037
// OUT-NEXT: float 0.40, above 0
// OUT-NEXT: done 1
// OUT-NEXT: end
// OUT-NEXT: == f_grad
// OUT-NEXT: trace: x = 0.5, y = 0.25
// OUT:      end
// OUT-NEXT: == f_fwd
// OUT-NEXT: trace: x = 0.5, y = 0.25
// OUT-NEXT: damp 0: 0.06
// OUT-NEXT:   i=0 t=0.25 s=0.0625
// OUT-NEXT: damp 1: 0.56
// OUT-NEXT:   i=1 t=0.75 s=0.4037
// OUT-NEXT: float 0.40, above 0
// OUT-NEXT: done 1
// OUT-NEXT: end
// OUT-NEXT: == numbers
// OUT: adgen_test: {{[0-9]+}} checks, 0 failures

#ifdef ADGEN_TEST_DRIVER
double trace_pullback(double x, double y, int n, double d_ret, double *d_x, double *d_y);
double trace_grad(double x, double y, int n, double *d_x, double *d_y);
adgen::Dual<double> trace_fwd(double x, double y, int n, double d_x, double d_y);
#include "adgen_pullback.h"
using namespace adgen_test;

int main() {
  std::setvbuf(stdout, nullptr, _IONBF, 0); // stdout and stderr in call order
  double gx = 0, gy = 0;
  std::puts("== f");
  double v = trace(0.5, 0.25, 2);
  std::puts("== f_pullback");
  double vp = trace_pullback(0.5, 0.25, 2, 0.5, &gx, &gy);
  std::puts("== f_grad");
  trace_grad(0.5, 0.25, 2, &gx, &gy);
  std::puts("== f_fwd");
  adgen::Dual<double> d = trace_fwd(0.5, 0.25, 2, 1.0, 0.0);
  std::puts("== numbers");
  check_ulps("pullback returns f's value", vp, v);
  check_ulps("fwd returns f's value", d.value, v);
  const double p[2] = {0.5, 0.25};
  auto f = [](const double *q) { return trace(q[0], q[1], 3); };
  check_scalar_fn<double>("trace", p, 2, f,
      [](const double *q, double *g) { return trace_grad(q[0], q[1], 3, &g[0], &g[1]); },
      [](const double *q, const double *t) { return trace_fwd(q[0], q[1], 3, t[0], t[1]); });
  check_pullback_prefilled<double>("trace", p, 2, f,
      [](const double *q, double s, double *g) { return trace_pullback(q[0], q[1], 3, s, &g[0], &g[1]); });
  return finish();
}
#endif
