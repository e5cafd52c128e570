// Local arrays, std::arrays and std::vectors of a class with a constructor
// or default member initialisers: C++ builds each element with the default
// constructor, so adgen runs it in place on each element (a loop of the
// constructor's assignments, which both modes differentiate, and which runs
// again wherever the declaration runs again, as in a loop), while generated
// code declares the storage zero (adgen::zeroFill, adgen::zeroed) and so
// tangents and adjoints start at zero, not at the initialisers' values.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <array>
#include <cstddef>
#include <vector>

struct Ctor {
  double a = 1.0;
  double b;
  Ctor() : b(2.0) { a += b; }
};
struct Defaults {
  double w = 2.0, bias; // bias: zero in a vector (value-initialised)
};

ADGEN_REVERSE() ADGEN_FORWARD()
double local_array(double x, double s) {
  Ctor two[2];
  two[0].a *= x;
  two[1].b = two[0].a * s + two[1].a;
  return two[0].a * two[1].b + two[1].a * x;
}
// CHECK-LABEL: double local_array_pullback(double x, double s, double d_ret, double *d_x, double *d_s) {
// CHECK:         Ctor two[2];
// CHECK-NEXT:    adgen::zeroFill(two);
// CHECK:         Ctor d_two[2];
// CHECK-NEXT:    adgen::zeroFill(d_two);
// CHECK:         for (; two_index < 2u; ++two_index) {
// CHECK-NEXT:      two[two_index].a = 1.0;
// CHECK-NEXT:      two[two_index].b = 2.0;
// CHECK-NEXT:      two[two_index].a += two[two_index].b;
// CHECK-LABEL: adgen::Dual<double> local_array_fwd(double x, double s, double d_x, double d_s) {
// CHECK:         Ctor d_two[2];
// CHECK-NEXT:    adgen::zeroFill(d_two);

// Declared inside a loop: each iteration starts from the constructor's values.
ADGEN_REVERSE() ADGEN_FORWARD()
double in_loop(double x) {
  double r = 0;
  for (int i = 0; i < 3; ++i) {
    std::array<Ctor, 2> p;
    p[0].a *= x;
    p[1].b += p[0].a * p[0].a;
    r += p[1].b * p[1].a;
  }
  return r;
}
// CHECK-LABEL: double in_loop_pullback(double x, double d_ret, double *d_x) {
// CHECK:         std::array<Ctor, 2> d_p = adgen::zeroed<std::array<Ctor, 2>>();
// CHECK-LABEL: adgen::Dual<double> in_loop_fwd(double x, double d_x) {

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double vec(const std::vector<double> &x) {
  std::vector<Defaults> ds(x.size());
  for (std::size_t i = 0; i < x.size(); ++i)
    ds[i].bias += ds[i].w * x[i] * x[i];
  double r = 0;
  for (std::size_t i = 0; i < ds.size(); ++i)
    r += ds[i].bias * ds[i].w;
  return r;
}
// CHECK-LABEL: double vec_pullback(const std::vector<double> &x, double d_ret, std::vector<double> *d_x) {
// CHECK:         std::vector<Defaults> ds(x.size(), adgen::zeroed<Defaults>());
// CHECK:         std::vector<Defaults> d_ds(ds.size(), adgen::zeroed<Defaults>());
// CHECK-LABEL: adgen::Dual<double> vec_fwd(

#ifdef ADGEN_TEST_DRIVER
double local_array_pullback(double x, double s, double d_ret, double *d_x, double *d_s);
adgen::Dual<double> local_array_fwd(double x, double s, double d_x, double d_s);
double in_loop_pullback(double x, double d_ret, double *d_x);
adgen::Dual<double> in_loop_fwd(double x, double d_x);
double vec_pullback(const std::vector<double> &x, double d_ret, std::vector<double> *d_x);
adgen::Dual<double> vec_fwd(const std::vector<double> &x, const std::vector<double> &d_x);
#include "adgen_pullback.h"
using namespace adgen_test;

template <typename F, typename P, typename D>
void check_all(const char *name, const double *q, int n, F f, P pull, D fwd) {
  check_scalar_fn<double>(name, q, n, f, [&](const double *p, double *g) { return pull(p, 1.0, g); },
                          fwd);
  check_pullback_prefilled<double>(name, q, n, f, pull);
}

int main() {
  const double p[4] = {0.7, -1.3, 0.4, 1.1};
  check_all("local_array", p, 2, [](const double *q) { return local_array(q[0], q[1]); },
      [](const double *q, double d, double *g) { return local_array_pullback(q[0], q[1], d, &g[0], &g[1]); },
      [](const double *q, const double *t) { return local_array_fwd(q[0], q[1], t[0], t[1]); });
  // By hand: two[k] = {3, 2}; a0 = 3x, b1 = 3xs + 3; f = 3x(3xs + 3) + 3x.
  check_close("local_array by hand", local_array(0.5, 2.0), 1.5 * 6.0 + 1.5);
  check_all("in_loop", p, 1, [](const double *q) { return in_loop(q[0]); },
      [](const double *q, double d, double *g) { return in_loop_pullback(q[0], d, g); },
      [](const double *q, const double *t) { return in_loop_fwd(q[0], t[0]); });
  // Each iteration: a0 = 3x, b1 = 2 + 9x^2, r += 3 (2 + 9x^2).
  check_close("in_loop by hand", in_loop(0.5), 3 * 3 * (2 + 9 * 0.25));
  for (int n : {1, 4}) {
    auto v = [n](const double *q) { return std::vector<double>(q, q + n); };
    check_all("vec", p, n, [&](const double *q) { return vec(v(q)); },
        [&](const double *q, double d, double *g) {
          std::vector<double> gx(g, g + n);
          double r = vec_pullback(v(q), d, &gx);
          std::copy(gx.begin(), gx.end(), g);
          return r;
        },
        [&](const double *q, const double *t) { return vec_fwd(v(q), v(t)); });
  }
  return finish();
}
#endif
