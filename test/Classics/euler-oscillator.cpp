// Explicit Euler for the damped oscillator x'' = -k x - c x', in place on
// state = (x, v): every step overwrites the state. One step is
// s <- A s with A = [[1, dt], [-k dt, 1 - c dt]], so d s_N / d s_0 = A^N and
// d s_N / dk = sum_j A^(N-1-j) (dA/dk) A^j s_0 (likewise for c).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>

ADGEN_REVERSE("state, k, c -> state") ADGEN_FORWARD("state, k, c -> state")
void euler(double *state, double k, double c, double dt, int steps) {
  for (int s = 0; s < steps; ++s) {
    double a = -k * state[0] - c * state[1];
    state[0] += dt * state[1];
    state[1] += dt * a;
  }
}
// CHECK-LABEL: void euler_pullback(double *state, double k, double c, double dt, int steps, double *d_state, double *d_k, double *d_c) {
// CHECK-LABEL: void euler_fwd(double *state, double k, double c, double dt, int steps, double *d_state, double d_k, double d_c) {

#ifdef ADGEN_TEST_DRIVER
void euler_pullback(double* state, double k, double c, double dt, int steps, double* d_state, double* d_k, double* d_c);
void euler_fwd(double* state, double k, double c, double dt, int steps, double* d_state, double d_k, double d_c);
#include "adgen_test.h"
struct M2 { double a, b, c, d; };
static M2 mul(M2 p, M2 q) { return {p.a * q.a + p.b * q.c, p.a * q.b + p.b * q.d, p.c * q.a + p.d * q.c, p.c * q.b + p.d * q.d}; }
static M2 add(M2 p, M2 q) { return {p.a + q.a, p.b + q.b, p.c + q.c, p.d + q.d}; }
int main() {
  using namespace adgen_test;
  const double k = 4.0, c = 0.3, dt = 0.01, s0[2] = {1.0, -0.5};
  for (int N : {0, 1, 10, 500}) {
    // Analytic: P = A^N, Dk = d(A^N)/dk, Dc = d(A^N)/dc (product rule).
    M2 A = {1, dt, -k * dt, 1 - c * dt}, dAk = {0, 0, -dt, 0}, dAc = {0, 0, 0, -dt};
    M2 P = {1, 0, 0, 1}, Dk = {0, 0, 0, 0}, Dc = {0, 0, 0, 0};
    for (int s = 0; s < N; ++s) {
      Dk = add(mul(A, Dk), mul(dAk, P));
      Dc = add(mul(A, Dc), mul(dAc, P));
      P = mul(A, P);
    }
    // Reverse: seed (ybar0, ybar1) on the final state.
    const double yb[2] = {0.7, -1.3};
    double st[2] = {s0[0], s0[1]}, ds[2] = {yb[0], yb[1]}, dk = 0, dc = 0;
    euler_pullback(st, k, c, dt, N, ds, &dk, &dc);
    check_close("euler_pullback: effect x", st[0], P.a * s0[0] + P.b * s0[1], 1e-12);
    check_close("euler_pullback: effect v", st[1], P.c * s0[0] + P.d * s0[1], 1e-12);
    check_close("euler: d_state[0] = (A^N)^T ybar", ds[0], P.a * yb[0] + P.c * yb[1], 1e-12);
    check_close("euler: d_state[1] = (A^N)^T ybar", ds[1], P.b * yb[0] + P.d * yb[1], 1e-12);
    check_close("euler: d/dk", dk, yb[0] * (Dk.a * s0[0] + Dk.b * s0[1]) + yb[1] * (Dk.c * s0[0] + Dk.d * s0[1]), 1e-11, 1e-15);
    check_close("euler: d/dc", dc, yb[0] * (Dc.a * s0[0] + Dc.b * s0[1]) + yb[1] * (Dc.c * s0[0] + Dc.d * s0[1]), 1e-11, 1e-15);
    // Forward: tangent of the initial state on entry, of the final state on return.
    double sf[2] = {s0[0], s0[1]}, ts[2] = {0.2, 0.9};
    euler_fwd(sf, k, c, dt, N, ts, 0.5, -0.25);
    check_exact("euler_fwd: effect x", sf[0], st[0]);
    check_exact("euler_fwd: effect v", sf[1], st[1]);
    double want0 = P.a * 0.2 + P.b * 0.9 + 0.5 * (Dk.a * s0[0] + Dk.b * s0[1]) - 0.25 * (Dc.a * s0[0] + Dc.b * s0[1]);
    double want1 = P.c * 0.2 + P.d * 0.9 + 0.5 * (Dk.c * s0[0] + Dk.d * s0[1]) - 0.25 * (Dc.c * s0[0] + Dc.d * s0[1]);
    check_close("euler_fwd: tangent x", ts[0], want0, 1e-11, 1e-15);
    check_close("euler_fwd: tangent v", ts[1], want1, 1e-11, 1e-15);
    // FD and forward-vs-reverse on (s0, k, c) -> s_N.
    const double in[4] = {s0[0], s0[1], k, c};
    check_vector_fn<double>("euler", in, 4, 2,
        [N, dt](const double* v, double* y) { y[0] = v[0], y[1] = v[1]; euler(y, v[2], v[3], dt, N); },
        [N, dt](const double* v, const double* ybar, double* vbar) {
          double s[2] = {v[0], v[1]}, d[2] = {ybar[0], ybar[1]};
          euler_pullback(s, v[2], v[3], dt, N, d, &vbar[2], &vbar[3]);
          vbar[0] += d[0], vbar[1] += d[1];
        },
        [N, dt](const double* v, const double* vd, double* y, double* yd) {
          y[0] = v[0], y[1] = v[1], yd[0] = vd[0], yd[1] = vd[1];
          euler_fwd(y, v[2], v[3], dt, N, yd, vd[2], vd[3]);
        });
  }
  return finish();
}
#endif
