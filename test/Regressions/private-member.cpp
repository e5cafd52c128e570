// A marked method reading a private field that has a default member
// initialiser (repro private-member.cpp): the generated free functions reach
// k_ through adgen's member-pointer accessor and compile unchanged. A struct
// with default member initialisers is accepted also where a derivative starts
// at zero: the generated code makes it with adgen::zeroed<P>(), not P{}
// (which is not zero for it); a local array of it is refused.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: not %adgen %s -o %t.bad.cpp -- -std=c++17 -DBAD 2>&1 | FileCheck %s --check-prefix=BAD
#include <adgen/adgen.h>

class Spring {
 public:
  ADGEN_REVERSE("x") ADGEN_FORWARD("x") double energy(double x) const { return 0.5 * k_ * x * x; }
 private:
  double k_ = 2.0;
};
// CHECK-LABEL: double Spring_energy_pullback(const Spring &self, double x, double d_ret, double *d_x) {
// CHECK-NOT: self.k_
// CHECK-LABEL: double Spring_energy_grad(
// CHECK-LABEL: adgen::Dual<double> Spring_energy_fwd(const Spring &self, double x, double d_x) {

struct P {
  double a = 1.0;
  double b = 2.0;
};
ADGEN_REVERSE() double g(const P &p, double x) { return p.a * x + p.b * p.b; }
// CHECK-LABEL: double g_pullback(const P &p, double x, double d_ret, P *d_p, double *d_x) {

// A helper returning P: its reverse seeds the result's adjoint with a zero P
// (once refused: P{} would have started it at {1, 2}).
static P make(double x) { return P{x, 2 * x}; }
ADGEN_REVERSE() double h(double x) { return make(x).a * make(x).b; }
// CHECK-LABEL: double h_pullback(double x, double d_ret, double *d_x) {
// CHECK-NOT: P{}
// CHECK: adgen::zeroed<P>()

#ifdef BAD
// BAD: private-member.cpp:[[@LINE+1]]:40: error: local array 'two' of 'P', a class with a constructor or default member initialisers, is supported only built by the default constructor
ADGEN_REVERSE() double k(double x) { P two[2] = {make(x), make(x)}; return two[1].a * two[0].b; }
#endif

#ifdef ADGEN_TEST_DRIVER
double Spring_energy_pullback(const Spring &self, double x, double d_ret, double *d_x);
double Spring_energy_grad(const Spring &self, double x, double *d_x);
adgen::Dual<double> Spring_energy_fwd(const Spring &self, double x, double d_x);
double g_pullback(const P &p, double x, double d_ret, P *d_p, double *d_x);
double h_pullback(double x, double d_ret, double *d_x);
#include "adgen_test.h"
using namespace adgen_test;
int main() {
  Spring s;
  for (double seed : {1.0, 0.5, -2.25}) {
    double dx = 10;
    double v = Spring_energy_pullback(s, 0.7, seed, &dx);
    check_ulps("energy value", v, s.energy(0.7));
    check_close("pre + seed * dE/dx", dx, 10 + seed * 2.0 * 0.7, 1e-13);
  }
  double gx = 0;
  Spring_energy_grad(s, 0.7, &gx);
  check_close("grad vs central differences", gx, fd_scalar([&](double t) { return s.energy(t); }, 0.7));
  check_close("forward", Spring_energy_fwd(s, 0.7, 1.0).tangent, gx, 1e-13);
  P p{0.3, -1.2};
  P dp{5, 6};
  double dx = 7;
  g_pullback(p, 0.9, 0.5, &dp, &dx);
  check_close("d_p.a", dp.a, 5 + 0.5 * 0.9, 1e-13);
  check_close("d_p.b", dp.b, 6 + 0.5 * 2 * -1.2, 1e-13);
  check_close("d_x", dx, 7 + 0.5 * 0.3, 1e-13);
  double hx = 3; // h = 2 x^2: pre + seed * 4 x
  check_close("h value", h_pullback(0.8, -2.25, &hx), 2 * 0.8 * 0.8, 1e-15);
  check_close("h: pre + d_ret * 4x", hx, 3 - 2.25 * 4 * 0.8, 1e-13);
  return finish();
}
#endif
