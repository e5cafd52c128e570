// A counted loop whose forward sweep only pushes plain values reserves its
// bytes once and pushes through a cursor (no capacity check per value); a
// loop that calls a helper (which pushes too), or whose body holds a loop,
// pushes through the tape. Gradients checked against central differences,
// with tapes that must grow while the cursors push (large n).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

static double sq(double v) { return v * v; }

ADGEN_REVERSE("x[n]")
double mixed(const double *x, int n, int m) {
  double s = 0, t = 0;
  for (int i = 1; i <= n - 1; ++i) { // pushes t, and an if's branch
    t = std::sin(x[i] * t + x[i - 1]);
    if (x[i] > 0)
      s += t * t;
    else
      s -= std::exp(t);
  }
  for (int i = m; i < n; ++i) { // from m: no pushes when m >= n
    t = x[i] * t;
    s += std::cos(t);
  }
  for (int i = 0; i < n; ++i) { // calls a helper: plain pushes
    t = sq(t + x[i]) * 0.5;
    s += t;
  }
  for (int i = 0; i < 3; ++i) // a nested loop: the inner one only
    for (int j = 0; j < n; ++j) {
      t = std::tanh(t + x[j]);
      s += t;
    }
  return s;
}
// CHECK-LABEL: double mixed_pullback(
// CHECK:         i = 1;
// CHECK-NEXT:    {
// CHECK-NEXT:      adgen::Tape::Cursor tape_at = tape.reserve(static_cast<std::size_t>(n - 1 + 1 > 1 ? n - 1 + 1 - 1 : 0) * (2 * sizeof(bool) + 2 * sizeof(double)));
// CHECK:             tape_at.push(t);
// CHECK:               tape_at.push(true);
// CHECK:               tape_at.push(false);
// CHECK:           tape.commit(tape_at);
// CHECK-NEXT:    }
// CHECK:         adgen::Tape::Cursor tape_at_1 = tape.reserve(static_cast<std::size_t>(n > m ? n - m : 0) * sizeof(double));
// CHECK:         tape.commit(tape_at_1);
// CHECK:         sq_result = ::adgen_detail::sq_record(t + x[i_2]);
// CHECK-NEXT:    tape.push(t);
// CHECK:         for (; i_3 < 3; ++i_3) {
// CHECK-NEXT:      j = 0;
// CHECK-NEXT:      {
// CHECK-NEXT:        adgen::Tape::Cursor tape_at_2 = tape.reserve(static_cast<std::size_t>(n > 0 ? n : 0) * (2 * sizeof(double)));
// CHECK:         tape.commit(tape_at_2);
// CHECK:         // Backward sweep

#ifdef ADGEN_TEST_DRIVER
double mixed_grad(const double *x, int n, int m, double *d_x);
#include "adgen_test.h"
#include <vector>
int main() {
  using namespace adgen_test;
  for (int n : {1, 2, 5, 3000}) {
    for (int m : {0, 2, n + 1}) {
      std::vector<double> x(n), g(n, 0.0);
      for (int i = 0; i < n; ++i)
        x[i] = 0.3 * std::sin(1.7 * i + 0.4);
      double v = mixed_grad(x.data(), n, m, g.data());
      check_exact("value", v, mixed(x.data(), n, m));
      for (int i = 0; i < n; i += n > 10 ? 397 : 1) {
        double keep = x[i], h = 1e-6;
        x[i] = keep + h;
        double fp = mixed(x.data(), n, m);
        x[i] = keep - h;
        double fm = mixed(x.data(), n, m);
        x[i] = keep;
        check_close("gradient vs central differences", g[i], (fp - fm) / (2 * h), 1e-6);
      }
    }
  }
  return finish();
}
#endif
