// Calls of visible helpers inside parallel loops: the backward sweep's
// iteration runs the helpers' record and reverse functions, which push and
// pop on the tape of the thread running the iteration, and whose redo saves
// (of the iteration's own variables) the iteration replays itself.
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

double logistic(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// An out-parameter helper: both results through references.
void polar(double r, double t, double &px, double &py) {
  px = r * std::cos(t);
  py = r * std::sin(t);
}

// Reads its data through an inactive pointer.
double feature(const double *X, int i, int d, double a, double b) {
  return a * X[i * d] + b * X[i * d + 1];
}

// A data-dependent trip count and a branch: the helper's record pushes them
// on the thread's tape, its reverse pops them in the same iteration.
double series(double z) {
  double t = z, s = 0;
  int k = 1;
  while (std::fabs(t) > 1e-4 && k < 40) {
    s += t;
    t = -t * z * z / ((2 * k) * (2 * k + 1));
    k = k + 1;
  }
  if (s > 0.5)
    s = s * s;
  return s;
}

ADGEN_REVERSE("w") ADGEN_FORWARD("w")
double logistic_loss(const double *w, const double *X, const double *y, int n, int d) {
  double s = 0;
#pragma omp parallel for reduction(+ : s) schedule(static)
  for (int i = 0; i < n; ++i) {
    double z = feature(X, i, d, w[0], w[1]) + w[2];
    double p = logistic(z);
    s += -(y[i] * std::log(p) + (1.0 - y[i]) * std::log(1.0 - p));
  }
  return s / n;
}

ADGEN_REVERSE("r, a -> return, out") ADGEN_FORWARD("r, a -> return, out")
double orbit(const double *r, double a, double *out, int n) {
  double e = 0;
#pragma omp parallel for reduction(+ : e) schedule(dynamic, 3)
  for (int i = 0; i < n; ++i) {
    double px, py;
    polar(r[i], a * i, px, py);
    out[i] = series(px) + py * logistic(px);
    e += px * py;
  }
  return e;
}

// CHECK-LABEL: double logistic_loss_pullback({{.*}}) {
// CHECK: #pragma omp parallel for schedule(static) reduction(+ : s)
// CHECK: logistic_result = ::logistic(z);
// CHECK: #pragma omp parallel for schedule(static) private(
// CHECK-NEXT: for (int i = 0; i < n; ++i) {
// CHECK-NOT: redo
// CHECK: logistic_result = ::adgen_detail::logistic_record(z, tape_1);
// CHECK: ::adgen_detail::logistic_reverse(z, d_logistic, &d_z_1, tape_1);
// CHECK: ::adgen_detail::feature_reverse_wrt_a_b(X, i, d, w[0], w[1], d_feature, &d_a, &d_b);
// CHECK-NEXT: #pragma omp atomic
// CHECK-NEXT: d_w[0] += d_a;
// The redo saves of polar_reverse (of px, py: the iteration's own) are
// replayed by the iteration, on its thread's redo log.
// CHECK-LABEL: double orbit_pullback({{.*}}) {
// CHECK: ::polar(r[i], a * static_cast<double>(i), px, py);
// CHECK: #pragma omp parallel for schedule(dynamic, 3) private(
// CHECK-NEXT: for (int i = 0; i < n; ++i) {
// CHECK: adgen::RedoLog &redo_1 = adgen::threadRedoLog();
// CHECK-NEXT: adgen::RedoLog::Mark redo_mark_1 = redo_1.mark();
// CHECK: ::adgen_detail::polar_record(r[i], a * static_cast<double>(i), px, py, tape_1);
// CHECK: ::adgen_detail::series_record(px, tape_1);
// CHECK: ::adgen_detail::series_reverse(px,
// CHECK: ::adgen_detail::polar_reverse(r[i], a * static_cast<double>(i), px, py,
// CHECK: redo_1.replay(redo_mark_1);
// CHECK-NEXT: }
// Helpers push onto the tape they are handed: the iteration's thread's.
// CHECK-LABEL: static double series_record(double z, adgen::Tape &tape) {
// CHECK-NOT: threadTape
// CHECK: tape.push(t);
// Forward mode: the tangent helpers are called from the parallel tangent loop.
// CHECK-LABEL: adgen::Dual<double> orbit_fwd({{.*}}) {
// CHECK: #pragma omp parallel for schedule(dynamic, 3) reduction(+ : e, d_e)
// CHECK: ::adgen_detail::polar_fwd(
#ifdef ADGEN_TEST_DRIVER
#include "omp_check.h"

double logistic_loss_pullback(const double *w, const double *X, const double *y, int n, int d, double d_ret, double *d_w);
adgen::Dual<double> logistic_loss_fwd(const double *w, const double *X, const double *y, int n, int d, const double *d_w);
double orbit_pullback(const double *r, double a, double *out, int n, double d_ret, double *d_r, double *d_a, double *d_out);
adgen::Dual<double> orbit_fwd(const double *r, double a, double *out, int n, const double *d_r, double d_a, double *d_out);

using namespace omp_check;

int main() {
  const int n = 500, d = 2;
  V X(n * d), Y(n);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < d; ++j)
      X[i * d + j] = std::sin(0.7 * i + 1.3 * j);
    Y[i] = (i % 3 == 0) ? 1.0 : 0.0;
  }
  run({"logistic_loss", 3, 1,
       [&](const V &w, V &o) { o[0] = logistic_loss(w.data(), X.data(), Y.data(), n, d); },
       [&](const V &w, const V &yb, V &wb) {
         double v = logistic_loss_pullback(w.data(), X.data(), Y.data(), n, d, yb[0], wb.data());
         check_close("logistic_loss: pullback value", v,
                     logistic_loss(w.data(), X.data(), Y.data(), n, d), 1e-12);
       },
       [&](const V &w, const V &wd, V &o) {
         o[0] = logistic_loss_fwd(w.data(), X.data(), Y.data(), n, d, wd.data()).tangent;
       }},
      {0.3, -0.4, 0.1});

  const int m = 240;
  V x0(m + 1);
  for (int i = 0; i < m; ++i)
    x0[i] = 0.2 + 0.9 * std::fabs(std::cos(0.3 * i));
  x0[m] = 0.05;
  run({"orbit", m + 1, m + 1,
       [&](const V &x, V &o) {
         V out(m);
         o[0] = orbit(x.data(), x[m], out.data(), m);
         for (int i = 0; i < m; ++i)
           o[1 + i] = out[i];
       },
       [&](const V &x, const V &yb, V &xb) {
         V out(m, -7.0), dout(yb.begin() + 1, yb.end()), ref(m);
         double v = orbit_pullback(x.data(), x[m], out.data(), m, yb[0], xb.data(), &xb[m], dout.data());
         check_close("orbit: pullback value", v, orbit(x.data(), x[m], ref.data(), m), 1e-12);
         for (int i = 0; i < m; ++i)
           check_close("orbit: pullback leaves out as f does", out[i], ref[i], 0, 0);
       },
       [&](const V &x, const V &xd, V &o) {
         V out(m), dout(m);
         o[0] = orbit_fwd(x.data(), x[m], out.data(), m, xd.data(), xd[m], dout.data()).tangent;
         for (int i = 0; i < m; ++i)
           o[1 + i] = dout[i];
       }},
      x0);
  return adgen_test::finish();
}
#endif
