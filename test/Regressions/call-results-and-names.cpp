// Calls whose result nobody reads, and names the tool invents next to the
// user's (repros call-result-unused.cpp, random-1002.cpp, random-1004.cpp).
// A call's result goes into a temporary; when nothing read it, the emitter
// dropped the temporary's declaration but kept `temp = call(...)`, and the
// temporary was named after the function it holds the result of: the output
// assigned to the function (`twice = ...`) or to an undeclared `blend1_1`.
// Now a result nobody reads is not stored (the call stays, for its effects),
// and invented names avoid every name the code uses: variables in every
// scope, the functions it calls, the helpers and custom derivatives it calls.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

double twice(double &x) { return x *= 2; }
static double sq(double v) { return v * v + std::sin(v); }

// The repro: the result of twice is discarded; twice's effect on x is not.
ADGEN_REVERSE() ADGEN_FORWARD()
double f(double x) {
  twice(x);
  return x;
}
// CHECK-LABEL: double f_pullback(double x, double d_ret, double *d_x) {
// CHECK-NOT: twice =
// CHECK: {{^  }}::adgen_detail::twice_record(x, tape);
// CHECK: ::adgen_detail::twice_reverse(x, 0.0, &d_x_local, tape);
// CHECK-LABEL: double f_grad(double x, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> f_fwd(double x, double d_x) {
// CHECK-NEXT: {{^  }}::adgen_detail::twice_fwd(x, d_x);

// The result stored in a local nothing reads.
ADGEN_REVERSE() ADGEN_FORWARD()
double g(double x) {
  [[maybe_unused]] double r = twice(x);
  return 3 * x;
}
// CHECK-LABEL: double g_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double g_grad(double x, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> g_fwd(double x, double d_x) {

// random-1002 / 1004: unused results inside branches and inside a ?: that
// becomes an if, in a helper and in the marked function.
static double blend(double p, int depth) {
  if (depth <= 0)
    return std::exp(0.5 * p);
  double e = std::atan(blend(1.25, depth - 1));
  return 0.25 + e * p;
}
ADGEN_REVERSE() ADGEN_FORWARD()
double branches(double x, double y, int n) {
  double s = x * y;
  if (n % 2 == 0) {
    [[maybe_unused]] double q = blend(x, 0); // unused
  } else {
    [[maybe_unused]] double q = blend(y, 1) * x; // unused too
  }
  [[maybe_unused]] double t4 = (s > 5.0 ? s : std::cos(sq(-1.5))); // unused; sq(-1.5) runs
  for (int i = 0; i < n; ++i) {
    double w = blend(s, 1);
    s = 0.5 * s + 0.25 * w;
  }
  return s + sq(y);
}
// CHECK-LABEL: double branches_pullback(double x, double y, int n, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double branches_grad(double x, double y, int n, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> branches_fwd(double x, double y, int n, double d_x, double d_y) {

// User locals with the names adgen would invent: the result of sq
// (sq_result), its dual (sq_dual), its adjoint (d_sq), and a local named sq
// itself in an inner block; the same name in two sibling blocks.
ADGEN_REVERSE() ADGEN_FORWARD()
double names(double x, double y) {
  double sq_result = x + 1.0, sq_dual = 2.0 * y, d_sq = x * y;
  double acc = 0;
  {
    double sq = sq_result * y; // shadows the function inside this block
    acc += sq;
  }
  {
    double sq = ::sq(x) * sq_dual;
    acc += sq * d_sq;
  }
  return acc + ::sq(sq_result) + ::sq(d_sq) * sq_dual;
}
// The generated temporaries take fresh names; the user's keep theirs.
// CHECK-LABEL: double names_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK: sq_result = x + 1.0;
// CHECK: sq_result_1 = ::adgen_detail::sq_record(x);
// CHECK-LABEL: double names_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> names_fwd(double x, double y, double d_x, double d_y) {
// CHECK: adgen::Dual<double> sq_dual_1 = ::adgen_detail::sq_fwd(x, d_x);

#ifdef ADGEN_TEST_DRIVER
double f_pullback(double x, double d_ret, double *d_x);
double f_grad(double x, double *d_x);
adgen::Dual<double> f_fwd(double x, double d_x);
double g_pullback(double x, double d_ret, double *d_x);
double g_grad(double x, double *d_x);
adgen::Dual<double> g_fwd(double x, double d_x);
double branches_pullback(double x, double y, int n, double d_ret, double *d_x, double *d_y);
double branches_grad(double x, double y, int n, double *d_x, double *d_y);
adgen::Dual<double> branches_fwd(double x, double y, int n, double d_x, double d_y);
double names_pullback(double x, double y, double d_ret, double *d_x, double *d_y);
double names_grad(double x, double y, double *d_x, double *d_y);
adgen::Dual<double> names_fwd(double x, double y, double d_x, double d_y);
#include "adgen_test.h"
using namespace adgen_test;

// f_pullback with pre-filled adjoints and d_ret != 1: pre + d_ret * grad,
// and f's value.
template <typename F, typename G, typename P>
void check_prefilled(const char *name, const double *x, int n, F &&f, G &&grad, P &&pull) {
  std::vector<double> g(n, 0.0), pre(n), acc(n);
  grad(x, g.data());
  for (double seed : {0.5, -2.25}) {
    for (int i = 0; i < n; ++i)
      acc[i] = pre[i] = 10.0 * (i + 1) * (i % 2 ? -1 : 1);
    check_ulps(Label(name, "pullback returns f's value"), pull(x, seed, acc.data()), f(x));
    for (int i = 0; i < n; ++i)
      check_close(Label(name, "pre + d_ret * grad", i), acc[i], pre[i] + seed * g[i], 1e-12);
  }
}

int main() {
  for (double x : {0.7, -1.3}) {
    double p[] = {x};
    auto fF = [](const double *v) { return f(v[0]); };
    auto fG = [](const double *v, double *d) { return f_grad(v[0], &d[0]); };
    check_scalar_fn<double>("f", p, 1, fF, fG,
                            [](const double *v, const double *t) { return f_fwd(v[0], t[0]); });
    check_prefilled("f", p, 1, fF, fG,
                    [](const double *v, double s, double *d) { return f_pullback(v[0], s, &d[0]); });
    auto gF = [](const double *v) { return g(v[0]); };
    auto gG = [](const double *v, double *d) { return g_grad(v[0], &d[0]); };
    check_scalar_fn<double>("g", p, 1, gF, gG,
                            [](const double *v, const double *t) { return g_fwd(v[0], t[0]); });
    check_prefilled("g", p, 1, gF, gG,
                    [](const double *v, double s, double *d) { return g_pullback(v[0], s, &d[0]); });
  }
  const double pts[][2] = {{0.7, 1.3}, {-0.4, 0.9}, {2.5, 3.1}};
  for (int n : {0, 1, 2, 3}) {
    for (auto &p : pts) {
      auto bF = [n](const double *v) { return branches(v[0], v[1], n); };
      auto bG = [n](const double *v, double *d) { return branches_grad(v[0], v[1], n, &d[0], &d[1]); };
      check_scalar_fn<double>("branches", p, 2, bF, bG, [n](const double *v, const double *t) {
        return branches_fwd(v[0], v[1], n, t[0], t[1]);
      });
      check_prefilled("branches", p, 2, bF, bG, [n](const double *v, double s, double *d) {
        return branches_pullback(v[0], v[1], n, s, &d[0], &d[1]);
      });
    }
  }
  for (auto &p : pts) {
    auto nF = [](const double *v) { return names(v[0], v[1]); };
    auto nG = [](const double *v, double *d) { return names_grad(v[0], v[1], &d[0], &d[1]); };
    check_scalar_fn<double>("names", p, 2, nF, nG, [](const double *v, const double *t) {
      return names_fwd(v[0], v[1], t[0], t[1]);
    });
    check_prefilled("names", p, 2, nF, nG, [](const double *v, double s, double *d) {
      return names_pullback(v[0], v[1], s, &d[0], &d[1]);
    });
  }
  return finish();
}
#endif
