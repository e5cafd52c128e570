// collapse(n): the tangent loop and the backward loop are the same nest of
// loops with the same clause. An iteration of the collapsed space may write
// memory only at its own element, [i * m + j] for an inner loop
// `for (j = 0; j < m; ++j)`; adjoints of elements other iterations read too
// (x[i], x[j]) are updated atomically.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -Wno-unknown-pragmas -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.serial
// RUN: env ADGEN_SERIAL_OUT=%t.ref %t.serial
// RUN: %cxx -fopenmp -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc
// RUN: env OMP_NUM_THREADS=1 ADGEN_SERIAL_IN=%t.ref %t.gcc
// RUN: env OMP_NUM_THREADS=2 ADGEN_SERIAL_IN=%t.ref %t.gcc
// RUN: env OMP_NUM_THREADS=4 ADGEN_SERIAL_IN=%t.ref %t.gcc
// RUN: %clangxx -fopenmp -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang
// RUN: env OMP_NUM_THREADS=1 ADGEN_SERIAL_IN=%t.ref %t.clang
// RUN: env OMP_NUM_THREADS=2 ADGEN_SERIAL_IN=%t.ref %t.clang
// RUN: env OMP_NUM_THREADS=4 ADGEN_SERIAL_IN=%t.ref %t.clang
#include <adgen/adgen.h>
#include <cmath>

// Pairwise interactions into an n x m output, and their sum.
ADGEN_REVERSE("x, a -> return, out") ADGEN_FORWARD("x, a -> return, out")
double pairs(const double *x, double a, double *out, int n, int m) {
  double s = 0;
#pragma omp parallel for collapse(2) reduction(+ : s) schedule(static)
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j) {
      double t = std::sin(a * x[i] - x[j]);
      out[j + m * i] = t * x[j];
      s += t * t;
    }
  return s;
}

// Three loops, a grid of cells c[(i * ny + j) * nz + k].
ADGEN_REVERSE("u, h -> c") ADGEN_FORWARD("u, h -> c")
void stencil(const double *u, double h, double *c, int nx, int ny, int nz) {
#pragma omp parallel for collapse(3)
  for (int i = 0; i < nx; ++i)
    for (int j = 0; j < ny; ++j)
      for (int k = 0; k < nz; ++k)
        c[(i * ny + j) * nz + k] = h * u[i] * u[j] + std::exp(-h * u[k]);
}

// CHECK-LABEL: double pairs_pullback({{.*}}) {
// CHECK: #pragma omp parallel for schedule(static) collapse(2) reduction(+ : s)
// CHECK-NEXT: for (int i = 0; i < n; ++i) {
// CHECK-NEXT: for (int j = 0; j < m; ++j) {
// CHECK: #pragma omp parallel for schedule(static) collapse(2) private(d_t, t)
// CHECK-NEXT: for (int i = 0; i < n; ++i) {
// CHECK-NEXT: for (int j = 0; j < m; ++j) {
// CHECK: d_t += d_out[j + m * i] * x[j];
// CHECK-NEXT: #pragma omp atomic
// CHECK-NEXT: d_x[j] += d_out[j + m * i] * t;
// CHECK-NEXT: d_out[j + m * i] = 0.0;
// CHECK-LABEL: adgen::Dual<double> pairs_fwd({{.*}}) {
// CHECK: #pragma omp parallel for schedule(static) collapse(2) reduction(+ : s, d_s)
// CHECK-NEXT: for (int i = 0; i < n; ++i) {
// CHECK-NEXT: for (int j = 0; j < m; ++j) {
// CHECK-LABEL: void stencil_pullback({{.*}}) {
// CHECK: #pragma omp parallel for collapse(3)
// CHECK: #pragma omp parallel for collapse(3)
// CHECK-NEXT: for (int i = 0; i < nx; ++i) {
// CHECK-NEXT: for (int j = 0; j < ny; ++j) {
// CHECK-NEXT: for (int k = 0; k < nz; ++k) {
// CHECK: #pragma omp atomic
// CHECK-NEXT: *d_h += adj * u[i];
// CHECK-LABEL: void stencil_fwd({{.*}}) {
// CHECK: #pragma omp parallel for collapse(3)
#ifdef ADGEN_TEST_DRIVER
#include "omp_check.h"

double pairs_pullback(const double *x, double a, double *out, int n, int m, double d_ret, double *d_x, double *d_a, double *d_out);
adgen::Dual<double> pairs_fwd(const double *x, double a, double *out, int n, int m, const double *d_x, double d_a, double *d_out);
void stencil_pullback(const double *u, double h, double *c, int nx, int ny, int nz, double *d_u, double *d_h, double *d_c);
void stencil_fwd(const double *u, double h, double *c, int nx, int ny, int nz, const double *d_u, double d_h, double *d_c);

using namespace omp_check;

int main() {
  const int n = 37, m = 23; // odd sizes: chunks of the collapsed space split rows
  V x0(n + 1);
  for (int i = 0; i < n; ++i)
    x0[i] = std::cos(0.3 * i);
  x0[n] = 0.7;
  run({"pairs", n + 1, 1 + n * m,
       [&](const V &x, V &o) {
         V out(n * m);
         o[0] = pairs(x.data(), x[n], out.data(), n, m);
         for (int i = 0; i < n * m; ++i)
           o[1 + i] = out[i];
       },
       [&](const V &x, const V &yb, V &xb) {
         V out(n * m), dout(yb.begin() + 1, yb.end());
         pairs_pullback(x.data(), x[n], out.data(), n, m, yb[0], xb.data(), &xb[n], dout.data());
       },
       [&](const V &x, const V &xd, V &o) {
         V out(n * m), dout(n * m);
         o[0] = pairs_fwd(x.data(), x[n], out.data(), n, m, xd.data(), xd[n], dout.data()).tangent;
         for (int i = 0; i < n * m; ++i)
           o[1 + i] = dout[i];
       }},
      x0);

  const int nx = 5, ny = 7, nz = 6, nu = 7, cells = nx * ny * nz;
  V u0(nu + 1);
  for (int i = 0; i < nu; ++i)
    u0[i] = 0.4 + 0.1 * i;
  u0[nu] = 0.9;
  run({"stencil", nu + 1, cells,
       [&](const V &u, V &o) { stencil(u.data(), u[nu], o.data(), nx, ny, nz); },
       [&](const V &u, const V &yb, V &ub) {
         V c(cells), dc = yb;
         stencil_pullback(u.data(), u[nu], c.data(), nx, ny, nz, ub.data(), &ub[nu], dc.data());
       },
       [&](const V &u, const V &ud, V &o) {
         V c(cells);
         stencil_fwd(u.data(), u[nu], c.data(), nx, ny, nz, ud.data(), ud[nu], o.data());
       }},
      u0);
  return adgen_test::finish();
}
#endif
