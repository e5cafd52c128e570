// A floating global that f reads into a partial derivative and overwrites
// afterwards (itself, through a static data member, in a loop, or in a
// callee with no floating parameter, two calls deep): the backward sweep
// must see the value the product used, not the one f leaves (survey of a
// peer tool's tests: f_grad gave 4 for g * x with g == 3 on entry). The
// forward sweep saves the old value before the write and the backward sweep
// restores it; the pullback still leaves the globals as f does.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// A callee with an active argument that writes a global f reads is refused
// (activity cannot tell that the value written is a constant):
// RUN: not %adgen %s -o %t.refused.cpp -- -std=c++17 -DREFUSED 2>&1 | FileCheck %s --check-prefix=REFUSED
// RUN: not test -e %t.refused.cpp
#include <adgen/adgen.h>
#include <cmath>

double g = 3;
struct K {
  static double s;
};
double K::s = 3;
double h = 3;
double ga[2] = {3, 5};
void seth() { h = 4; }
void deeper() { seth(); }
void setga() {
  ga[0] = 4;
  ga[1] += 1;
}

ADGEN_REVERSE() ADGEN_FORWARD()
double f(double x) {
  double r = g * x;
  g = 4;
  return r;
}
// CHECK-LABEL: double f_pullback(double x, double d_ret, double *d_x) {
// CHECK:         tape.push(::g);
// CHECK-NEXT:    ::g = 4.0;
// CHECK:         *d_x += d_r * ::g;
// CHECK-LABEL: adgen::Dual<double> f_fwd(double x, double d_x) {

ADGEN_REVERSE() ADGEN_FORWARD()
double fs(double x) {
  double r = K::s * x;
  K::s = 4;
  return r;
}
// CHECK-LABEL: double fs_pullback(double x, double d_ret, double *d_x) {
// CHECK:         tape.push(::K::s);
// CHECK-NEXT:    ::K::s = 4.0;

ADGEN_REVERSE() ADGEN_FORWARD()
double f3(double x) {
  double r = h * x;
  deeper();
  return r;
}
// CHECK-LABEL: double f3_pullback(double x, double d_ret, double *d_x) {
// CHECK:         tape.push(::h);
// CHECK-NEXT:    ::deeper();
// CHECK:         ::h = tape.pop<double>();
// CHECK:         *d_x += d_r * ::h;

ADGEN_REVERSE() ADGEN_FORWARD()
double f4(double x) {
  double r = ga[0] * std::sin(ga[1] * x);
  setga();
  return r * ga[0];
}
// CHECK-LABEL: double f4_pullback(double x, double d_ret, double *d_x) {

ADGEN_REVERSE() ADGEN_FORWARD()
double f5(double x) {
  double r = 0;
  for (int i = 0; i < 2; ++i) {
    r += h * x;
    h += 1;
  }
  return r;
}
// CHECK-LABEL: double f5_pullback(double x, double d_ret, double *d_x) {

#ifdef REFUSED
double scaled(double x) {
  double r = h * x * x;
  seth();
  return r;
}
ADGEN_REVERSE()
double f6(double x) {
  double b = h * x;
  double a = scaled(x);
  return a + b;
}
// REFUSED: global-overwritten.cpp:[[@LINE-3]]:14: error: global variable '::h' carries derivatives inside 'f6': 'scaled' writes it (in 'seth'), called here
#endif

#ifdef ADGEN_TEST_DRIVER
double f_pullback(double x, double d_ret, double *d_x);
double fs_pullback(double x, double d_ret, double *d_x);
double f3_pullback(double x, double d_ret, double *d_x);
double f4_pullback(double x, double d_ret, double *d_x);
double f5_pullback(double x, double d_ret, double *d_x);
adgen::Dual<double> f_fwd(double x, double d_x);
adgen::Dual<double> f3_fwd(double x, double d_x);
adgen::Dual<double> f4_fwd(double x, double d_x);
adgen::Dual<double> f5_fwd(double x, double d_x);
#include "adgen_test.h"
using namespace adgen_test;
void reset() {
  g = 3;
  K::s = 3;
  h = 3;
  ga[0] = 3;
  ga[1] = 5;
}
int main() {
  for (double x : {0.7, -1.3}) {
    const double pre = 10, s = -0.75;
    double d = pre;
    reset();
    check_close("f: pre + d_ret * 3", (f_pullback(x, s, &d), d), pre + s * 3, 1e-14);
    check_exact("f_pullback leaves g as f does", g, 4.0);
    reset();
    d = pre;
    fs_pullback(x, s, &d);
    check_close("fs: pre + d_ret * 3", d, pre + s * 3, 1e-14);
    check_exact("fs_pullback leaves K::s as f does", K::s, 4.0);
    reset();
    d = pre;
    double v = f3_pullback(x, s, &d);
    check_close("f3: pre + d_ret * 3", d, pre + s * 3, 1e-14);
    check_exact("f3_pullback leaves h as f does", h, 4.0);
    reset();
    check_exact("f3_pullback returns f3's value", v, f3(x));
    const double d4 = 3 * 5 * std::cos(5 * x) * 4;
    reset();
    d = pre;
    f4_pullback(x, s, &d);
    check_close("f4: pre + d_ret * d4", d, pre + s * d4, 1e-13);
    check_exact("f4_pullback leaves ga[0] as f does", ga[0], 4.0);
    check_exact("f4_pullback leaves ga[1] as f does", ga[1], 6.0);
    reset();
    d = pre;
    f5_pullback(x, s, &d);
    check_close("f5: pre + d_ret * 7", d, pre + s * 7, 1e-14);
    check_exact("f5_pullback leaves h as f does", h, 5.0);
    // Forward mode, and both against central differences.
    const double e = 1e-6;
    reset();
    check_close("f_fwd", f_fwd(x, 1).tangent, 3, 1e-14);
    reset();
    check_close("f3_fwd", f3_fwd(x, 1).tangent, 3, 1e-14);
    reset();
    check_close("f4_fwd", f4_fwd(x, 1).tangent, d4, 1e-13);
    reset();
    check_close("f5_fwd", f5_fwd(x, 1).tangent, 7, 1e-14);
    reset();
    double up = f4(x + e);
    reset();
    double down = f4(x - e);
    check_close("f4: central differences", (up - down) / (2 * e), d4, 1e-7);
  }
  return finish();
}
#endif
