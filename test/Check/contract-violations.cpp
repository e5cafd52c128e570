// --emit=check catches what f_grad on zeroed buffers cannot see: a pullback
// that overwrites adjoints instead of adding to them, writes past the end
// of an adjoint array, or a derivative whose value or effect on a global
// differs from f's. The
// violations are planted in user-written (custom) derivatives that f's
// generated derivatives call; the correct versions pass.
// RUN: %adgen %s --emit=check -o %t.good.cpp -- -std=c++17
// RUN: %cxx %t.good.cpp -o %t.good && %t.good | FileCheck %s --check-prefix=GOOD
// RUN: %clangxx %t.good.cpp -o %t.good.clang && %t.good.clang | FileCheck %s --check-prefix=GOOD
// RUN: %adgen %s --emit=check -o %t.acc.cpp -- -std=c++17 -DOVERWRITE
// RUN: %cxx -DOVERWRITE %t.acc.cpp -o %t.acc && not %t.acc | FileCheck %s --check-prefix=ACC
// RUN: %adgen %s --emit=check -o %t.past.cpp -- -std=c++17 -DPAST_END
// RUN: %cxx -DPAST_END %t.past.cpp -o %t.past && not %t.past | FileCheck %s --check-prefix=PAST
// RUN: %adgen %s --emit=check -o %t.value.cpp -- -std=c++17 -DWRONG_VALUE
// RUN: %cxx -DWRONG_VALUE %t.value.cpp -o %t.value && not %t.value | FileCheck %s --check-prefix=VALUE
// RUN: %adgen %s --emit=check -o %t.global.cpp -- -std=c++17 -DWRONG_GLOBAL
// RUN: %cxx -DWRONG_GLOBAL %t.global.cpp -o %t.global && not %t.global | FileCheck %s --check-prefix=GLOBAL
#include <adgen/adgen.h>
#include <cmath>

// A "library" function: y[i] = x[i]^2 + y[i] / 2; it counts its calls.
int calls = 0;
void lib(const double *x, double *y, int n);

ADGEN_CUSTOM void lib_pullback(const double *x, double *y, int n, double *d_x, double *d_y) {
  for (int i = 0; i < n; ++i) {
#ifdef OVERWRITE
    d_x[i] = 2 * x[i] * d_y[i]; // wrong: must add (+=)
#else
    d_x[i] += 2 * x[i] * d_y[i];
#endif
    d_y[i] *= 0.5;
  }
#ifdef PAST_END
  d_x[n] += 1; // wrong: one past the end
#endif
  (void)y;
}

ADGEN_CUSTOM void lib_fwd(const double *x, double *y, int n, const double *d_x, double *d_y) {
#ifdef WRONG_GLOBAL
  calls += 2; // wrong: lib counts one call
#else
  ++calls;
#endif
  for (int i = 0; i < n; ++i) {
    d_y[i] = 2 * x[i] * d_x[i] + 0.5 * d_y[i];
#ifdef WRONG_VALUE
    y[i] = x[i] * x[i] + 0.5 * y[i] + 1e-3; // wrong: not what lib writes
#else
    y[i] = x[i] * x[i] + 0.5 * y[i];
#endif
  }
}

void lib(const double *x, double *y, int n) {
  ++calls;
  for (int i = 0; i < n; ++i)
    y[i] = x[i] * x[i] + 0.5 * y[i];
}

ADGEN_REVERSE("x[n], y[n] -> y[n]") ADGEN_FORWARD("x[n], y[n] -> y[n]")
void f(const double *x, double *y, int n) {
  calls += 10;
  lib(x, y, n);
  for (int i = 0; i < n; ++i)
    y[i] = std::sin(y[i]);
}

// GOOD: ok   f {{.*}}worst relative error
// GOOD: 1 passed, 0 failed
// ACC: FAIL f: f_pullback with pre-filled adjoints and d_ret != 1 gives pre + d_ret * gradient
// ACC: 0 passed, 1 failed
// PAST: FAIL f_pullback: d_x: element {{[0-9]+}} past the end was written
// PAST: 0 passed, 1 failed
// VALUE: FAIL f: f_fwd returns f's value and has f's effects: effect
// VALUE: 0 passed, 1 failed
// GLOBAL: FAIL f: f_fwd returns f's value and has f's effects: effect
// GLOBAL: 0 passed, 1 failed
