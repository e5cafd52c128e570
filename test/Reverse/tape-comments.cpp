// The `Tape:` line of each generated reverse-mode function says what that
// function really pushes, read off its pushes: values it overwrites (named by
// place: `s.x`, `q[]`), the locals a forward-sweep helper hands its backward
// sweep (an RK4 step keeps 6 structs), branches, trip counts, and the
// forward sweeps of the helpers it calls. `Tape: nothing.` only where nothing
// is pushed. The numbers are checked too (--emit=check, g++ and clang++).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=CHECKER
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=CHECKER
#include <adgen/adgen.h>
#include <cmath>

struct S {
  double x, y;
};
struct P {
  double a, b, c, d;
};
static S rhs(const S &s, const P &p) {
  return S{p.a * s.x - p.b * s.x * s.y, p.c * s.x * s.y - p.d * s.y};
}
static S axpy(const S &s, double h, const S &k) { return S{s.x + h * k.x, s.y + h * k.y}; }
static S rk4(const S &s, const P &p, double h) {
  S k1 = rhs(s, p);
  S k2 = rhs(axpy(s, h / 2, k1), p);
  S k3 = rhs(axpy(s, h / 2, k2), p);
  S k4 = rhs(axpy(s, h, k3), p);
  return S{s.x + h / 6 * (k1.x + 2 * k2.x + 2 * k3.x + k4.x),
           s.y + h / 6 * (k1.y + 2 * k2.y + 2 * k3.y + k4.y)};
}

// Lotka-Volterra: a least-squares misfit of an RK4 trajectory.
ADGEN_REVERSE("p")
double misfit(const P &p, const double *obs, int n, double h) {
  S s{1.0, 0.5};
  double l = 0;
  for (int i = 0; i < n; ++i) {
    s = rk4(s, p, h);
    double r = s.x - obs[i];
    l += r * r;
  }
  return l;
}
// CHECK-LABEL: /// Reverse mode (adjoints) of misfit, line {{[0-9]+}}.
// CHECK-NEXT:  /// Inputs: p. Outputs: the return value.
// CHECK-NEXT:  /// Adjoints of inputs accumulate (+=); d_ret seeds the return value.
// CHECK-NEXT:  /// Tape: old values of s.x, s.y (overwritten, then read by the backward sweep); what the forward sweeps of the functions it calls push (rk4_record_wrt_s_p).
// CHECK:       double misfit_pullback(
// CHECK:         rk4_result = ::adgen_detail::rk4_record_wrt_s_p(s, p, h, tape);
// CHECK-NEXT:    tape.push(s.x);
// CHECK-NEXT:    s.x = rk4_result.x;
// CHECK-NEXT:    tape.push(s.y);

// CHECK-LABEL: /// Forward sweep (helper) of rk4, line {{[0-9]+}}.
// CHECK-NEXT:  /// Inputs: s, p. Outputs: the return value.
// CHECK-NEXT:  /// Tape: the values of k1, k2, axpy_result, k3, axpy_result_1, axpy_result_2 (read by the backward sweep); what the forward sweeps of the functions it calls push (rhs_record, axpy_record_wrt_s_k).
// CHECK:       static S rk4_record_wrt_s_p(const S &s, const P &p, double h, adgen::Tape &tape) {
// CHECK-COUNT-6: tape.push(
// CHECK:         return

// CHECK-LABEL: /// Backward sweep (helper) of rk4, line {{[0-9]+}}.
// CHECK-NEXT:  /// Inputs: s, p. Outputs: the return value.
// CHECK-NEXT:  /// Tape: reads back what the forward sweep (helper) pushed: the values of k1, k2, axpy_result, k3, axpy_result_1, axpy_result_2 (read by the backward sweep).
// CHECK:       static void rk4_reverse_wrt_s_p(
// CHECK-COUNT-6: tape.pop<S>()

// A helper that pushes nothing says so.
// CHECK-LABEL: /// Forward sweep (helper) of axpy, line {{[0-9]+}}.
// CHECK-NEXT:  /// Inputs: s, k. Outputs: the return value.
// CHECK-NEXT:  /// Tape: nothing.
// CHECK:       static S axpy_record_wrt_s_k(
// CHECK-NOT:     tape.push
// CHECK:       }

// Branches and trip counts; an array overwritten in place.
ADGEN_REVERSE("x -> x")
void relax(double *x, int n, double w) {
  int sweeps = 0;
  while (sweeps < 2) {
    for (int i = 1; i < n; ++i)
      if (x[i] > 0)
        x[i] = std::sin(x[i]) * w + x[i - 1];
    ++sweeps;
  }
}
// CHECK-LABEL: /// Reverse mode (adjoints) of relax, line {{[0-9]+}}.
// CHECK:       /// Tape: old values of x[] (overwritten, then read by the backward sweep); the branch taken by 1 if; the trip count of 1 loop.
// CHECK:       void relax_pullback(

// CHECKER: ok   misfit
// CHECKER: ok   relax
// CHECKER: 2 passed, 0 failed
