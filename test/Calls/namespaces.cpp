// Functions in namespaces: the generated functions live in f's namespace;
// callees in other namespaces (named, nested, anonymous) are called qualified
// and unqualified; a callee and a marked function share a name in different
// namespaces.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

namespace geo {
namespace detail {
double norm(double x, double y) { return std::sqrt(x * x + y * y); }
} // namespace detail
namespace {
double twice(double x) { return 2.0 * x; }
} // namespace
double area(double r) { return 3.0 * r * r; }
} // namespace geo

namespace phys {
// Same name as geo::area.
double area(double w, double h) { return w * h; }

ADGEN_REVERSE() ADGEN_FORWARD()
double energy(double x, double y) {
  using geo::detail::norm;
  return geo::area(norm(x, y)) + area(x, y) + geo::twice(y);
}
} // namespace phys
// CHECK-LABEL: namespace phys {
// CHECK-LABEL: double energy_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double energy_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> energy_fwd(double x, double y, double d_x, double d_y) {

#ifdef ADGEN_TEST_DRIVER
namespace phys {
double energy_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double energy_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> energy_fwd(double x, double y, double d_x, double d_y);
}
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double p[2] = {0.6, -1.3};
  check_scalar_fn<double>("energy", p, 2,
      [](const double* v) { return phys::energy(v[0], v[1]); },
      [](const double* v, double* g) { return phys::energy_grad(v[0], v[1], &g[0], &g[1]); },
      [](const double* v, const double* t) { return phys::energy_fwd(v[0], v[1], t[0], t[1]); });
  // Hand-derived: 3(x^2 + y^2) + x y + 2 y.
  double gx = 0, gy = 0;
  phys::energy_pullback(p[0], p[1], 1.0, &gx, &gy);
  check_close("energy: d/dx", gx, 6 * p[0] + p[1], 1e-14);
  check_close("energy: d/dy", gy, 6 * p[1] + p[0] + 2, 1e-14);
  return finish();
}
#endif
