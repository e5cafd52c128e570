// f_fwd_vec over parallel loops: the tangent loop is parallel too. The k
// tangents of a scalar are a std::vector: private ones are firstprivate
// (each thread copies the k values); a reduction's are summed per thread in
// a vector of its own inside a `parallel` region, then added atomically
// (an array-section reduction would put them on the thread's stack, which
// f_jacobian's k = number of inputs may overflow). f_jacobian takes them (by columns) or the parallel
// pullback (by rows): both give the same matrix, for 1, 2 and 4 threads.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %adgen %s --jacobian-mode=reverse -o %t.rev.cpp -- -std=c++17
// RUN: FileCheck %s --check-prefix=ROWS --input-file=%t.rev.cpp --implicit-check-not=error:
// RUN: %cxx -Wno-unknown-pragmas -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.serial && %t.serial
// RUN: %cxx -fopenmp -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc
// RUN: env OMP_NUM_THREADS=1 %t.gcc && env OMP_NUM_THREADS=2 %t.gcc && env OMP_NUM_THREADS=4 %t.gcc
// RUN: %clangxx -fopenmp -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang
// RUN: env OMP_NUM_THREADS=1 %t.clang && env OMP_NUM_THREADS=2 %t.clang && env OMP_NUM_THREADS=4 %t.clang
// RUN: %cxx -fopenmp -DADGEN_TEST_DRIVER %t.rev.cpp -o %t.rows
// RUN: env OMP_NUM_THREADS=1 %t.rows && env OMP_NUM_THREADS=2 %t.rows && env OMP_NUM_THREADS=4 %t.rows
// RUN: %clangxx -fopenmp -DADGEN_TEST_DRIVER %t.rev.cpp -o %t.rows.clang
// RUN: env OMP_NUM_THREADS=2 %t.rows.clang && env OMP_NUM_THREADS=4 %t.rows.clang
#include <adgen/adgen.h>
#include <cmath>

// N-body-style forces: iterations read every position, write their own f[i].
ADGEN_FORWARD("pos -> f") ADGEN_JACOBIAN("pos[n] -> f[n]")
void forces(const double *pos, double *f, int n) {
#pragma omp parallel for schedule(dynamic, 2)
  for (int i = 0; i < n; ++i) {
    double fi = 0;
    for (int j = 0; j < n; ++j) {
      double dx = pos[j] - pos[i];
      fi += dx / std::pow(dx * dx + 0.1, 1.5);
    }
    f[i] = fi;
  }
}

// A reduction, a private variable declared outside the loop, an atomic
// update: the return value and an element-wise map into out.
ADGEN_FORWARD("x, a -> return, out") ADGEN_JACOBIAN("x[n], a -> return, out[n]")
double energy(const double *x, double a, double *out, int n) {
  double s = 0, t = 0, q = 0;
#pragma omp parallel for reduction(+ : s) private(t) schedule(static)
  for (int i = 0; i < n; ++i) {
    t = std::sin(a * x[i]);
    out[i] = t * x[i];
    s += t * t;
#pragma omp atomic
    q += a * x[i];
  }
  return s + q * q;
}

// CHECK-LABEL: void forces_fwd_vec({{.*}}) {
// CHECK: #pragma omp parallel for schedule(dynamic, 2) firstprivate(d_fi, d_dx)
// CHECK-LABEL: static void forces_jacobian_fwd_vec({{.*}}) {
// CHECK: #pragma omp parallel for schedule(dynamic, 2) firstprivate(d_fi, d_dx)
// CHECK-LABEL: double energy_fwd_vec({{.*}}) {
// CHECK: #pragma omp parallel
// CHECK-NEXT: {
// CHECK-NEXT: std::vector<double> d_s_part(k);
// CHECK-NEXT: #pragma omp for schedule(static) private(t) firstprivate(d_t) reduction(+ : s)
// CHECK: d_s_part[dir_{{[0-9]+}}] += d_t[dir_{{[0-9]+}}] * (2.0 * t);
// CHECK: #pragma omp atomic
// CHECK-NEXT: d_q[dir_{{[0-9]+}}] +=
// CHECK: #pragma omp atomic
// CHECK-NEXT: q += a * x[i];
// CHECK: #pragma omp atomic
// CHECK-NEXT: d_s[dir_{{[0-9]+}}] += d_s_part[dir_{{[0-9]+}}];
// CHECK-LABEL: void energy_jacobian({{.*}}) {
// CHECK: ::adgen_detail::energy_jacobian_fwd_vec(
// ROWS-LABEL: void forces_jacobian({{.*}}) {
// ROWS: forces_jacobian_pullback(
// ROWS-LABEL: void energy_jacobian({{.*}}) {
// ROWS: energy_jacobian_pullback(
#ifdef ADGEN_TEST_DRIVER
#include "adgen_test.h"
#include <cstdio>
#include <vector>

void forces_fwd(const double *pos, double *f, int n, const double *d_pos, double *d_f);
void forces_fwd_vec(const double *pos, double *f, int n, const double *d_pos, double *d_f, int k);
void forces_jacobian(const double *pos, double *f, int n, double *jac);
adgen::Dual<double> energy_fwd(const double *x, double a, double *out, int n, const double *d_x, double d_a, double *d_out);
double energy_fwd_vec(const double *x, double a, double *out, int n, const double *d_x, const double *d_a, double *d_out, int k, double *d_ret);
void energy_jacobian(const double *x, double a, double *out, int n, double *jac);

using adgen_test::check_close;
using V = std::vector<double>;

int main() {
  char what[200];
  const int n = 60, k = 5;
  V pos(n), f(n), J(n * n);
  for (int i = 0; i < n; ++i)
    pos[i] = 0.05 * i + 0.3 * std::sin(i);
  forces_jacobian(pos.data(), f.data(), n, J.data());
  // Column c of the Jacobian is f_fwd along e_c.
  for (int c = 0; c < n; c += 7) {
    V e(n, 0.0), df(n);
    e[c] = 1;
    forces_fwd(pos.data(), f.data(), n, e.data(), df.data());
    for (int r = 0; r < n; ++r) {
      std::snprintf(what, sizeof what, "forces: jacobian[%d][%d] vs f_fwd", r, c);
      check_close(what, J[r * n + c], df[r], 1e-12, 1e-13);
    }
  }
  // k directions at once: J D, the same on 20 calls.
  V D(n * k), JD(n * k, 0.0);
  for (int i = 0; i < n; ++i)
    for (int d = 0; d < k; ++d) {
      D[i * k + d] = std::cos(1.0 + i + 3 * d);
    }
  for (int r = 0; r < n; ++r)
    for (int d = 0; d < k; ++d)
      for (int c = 0; c < n; ++c)
        JD[r * k + d] += J[r * n + c] * D[c * k + d];
  for (int rep = 0; rep < 20; ++rep) {
    V dfk(n * k);
    forces_fwd_vec(pos.data(), f.data(), n, D.data(), dfk.data(), k);
    for (int i = 0; i < n * k; ++i) {
      std::snprintf(what, sizeof what, "forces: fwd_vec call %d vs J D, entry %d", rep, i);
      check_close(what, dfk[i], JD[i], 1e-11, 1e-12);
    }
  }

  // energy: inputs x (n), a; outputs return, out (n).
  const int m = n + 1, rows = 1 + n;
  V x(n), out(n), E(rows * m);
  for (int i = 0; i < n; ++i)
    x[i] = std::cos(0.3 * i);
  double a = 0.8;
  energy_jacobian(x.data(), a, out.data(), n, E.data());
  for (int c = 0; c < m; c += 6) {
    V e(n, 0.0), dout(n);
    if (c < n)
      e[c] = 1;
    double dret = energy_fwd(x.data(), a, out.data(), n, e.data(), c == n ? 1.0 : 0.0, dout.data()).tangent;
    std::snprintf(what, sizeof what, "energy: jacobian[0][%d] vs f_fwd", c);
    check_close(what, E[c], dret, 1e-12, 1e-13);
    for (int r = 0; r < n; ++r) {
      std::snprintf(what, sizeof what, "energy: jacobian[%d][%d] vs f_fwd", r + 1, c);
      check_close(what, E[(r + 1) * m + c], dout[r], 1e-12, 1e-13);
    }
  }
  V Dx(n * k), Da(k), EDret(k, 0.0), EDout(n * k, 0.0);
  for (int i = 0; i < n; ++i)
    for (int d = 0; d < k; ++d)
      Dx[i * k + d] = std::sin(2.0 + i - d);
  for (int d = 0; d < k; ++d)
    Da[d] = 0.5 - 0.2 * d;
  for (int d = 0; d < k; ++d) {
    for (int c = 0; c < n; ++c)
      EDret[d] += E[c] * Dx[c * k + d];
    EDret[d] += E[n] * Da[d];
    for (int r = 0; r < n; ++r) {
      for (int c = 0; c < n; ++c)
        EDout[r * k + d] += E[(r + 1) * m + c] * Dx[c * k + d];
      EDout[r * k + d] += E[(r + 1) * m + n] * Da[d];
    }
  }
  for (int rep = 0; rep < 20; ++rep) {
    V dret(k), doutk(n * k);
    double v = energy_fwd_vec(x.data(), a, out.data(), n, Dx.data(), Da.data(), doutk.data(), k, dret.data());
    V ref(n);
    check_close("energy: fwd_vec value", v, energy(x.data(), a, ref.data(), n), 1e-12);
    for (int d = 0; d < k; ++d) {
      std::snprintf(what, sizeof what, "energy: fwd_vec call %d, return's tangent %d", rep, d);
      check_close(what, dret[d], EDret[d], 1e-11, 1e-12);
    }
    for (int i = 0; i < n * k; ++i) {
      std::snprintf(what, sizeof what, "energy: fwd_vec call %d, out's tangent %d", rep, i);
      check_close(what, doutk[i], EDout[i], 1e-11, 1e-12);
    }
  }
  return adgen_test::finish();
}
#endif
