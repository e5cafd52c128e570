// OpenMP worksharing loops in, parallel derivatives out: a logistic-regression
// loss (reduction over data points, serial inner loop), an element-wise map
// into an output buffer followed by a reduction, an N-body-style force loop
// whose iterations read shared positions, and atomic / critical updates.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// Without -fopenmp the same code is serial (the pragmas are ignored): its
// gradients are the reference the parallel builds are compared with.
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

ADGEN_REVERSE("w") ADGEN_FORWARD("w")
double logistic_loss(const double *w, const double *X, const double *y, int n, int d) {
  double s = 0;
#pragma omp parallel for reduction(+ : s) schedule(static)
  for (int i = 0; i < n; ++i) {
    double z = 0;
    for (int j = 0; j < d; ++j)
      z += w[j] * X[i * d + j];
    double p = 1.0 / (1.0 + std::exp(-z));
    s += -(y[i] * std::log(p) + (1.0 - y[i]) * std::log(1.0 - p));
  }
  return s / n;
}

ADGEN_REVERSE("x, a -> return, out") ADGEN_FORWARD("x, a -> return, out")
double map_reduce(const double *x, double a, double *out, int n) {
#pragma omp parallel for
  for (int i = 0; i < n; ++i)
    out[i] = std::sin(a * x[i]) * x[i];
  double s = 0;
#pragma omp parallel for reduction(+ : s)
  for (int i = 0; i < n; ++i)
    s += out[i] * out[i];
  return s;
}

ADGEN_REVERSE("pos -> f") ADGEN_FORWARD("pos -> f")
void forces(const double *pos, double *f, int n) {
#pragma omp parallel for schedule(dynamic, 4)
  for (int i = 0; i < n; ++i) {
    double fi = 0;
    for (int j = 0; j < n; ++j) {
      double dx = pos[j] - pos[i];
      fi += dx / std::pow(dx * dx + 0.1, 1.5);
    }
    f[i] = fi;
  }
}

ADGEN_REVERSE("pos, k") ADGEN_FORWARD("pos, k")
double springs(const double *pos, double k, int n) {
  double e = 0;
#pragma omp parallel for
  for (int i = 0; i < n - 1; ++i) {
    double dx = pos[i + 1] - pos[i];
#pragma omp atomic
    e += 0.5 * k * dx * dx;
  }
  double c = 0;
#pragma omp parallel
  {
#pragma omp for
    for (int i = 0; i < n; ++i) {
#pragma omp critical
      c += std::cos(pos[i]);
    }
  }
  return e + c;
}


// A parallel loop inside a serial one, with a private variable declared
// outside: the serial loop tapes a, each backward parallel loop recomputes t.
ADGEN_REVERSE("x, a") ADGEN_FORWARD("x, a")
double relax(const double *x, double a, int n, int steps) {
  double t = 0;
  for (int k = 0; k < steps; ++k) {
    double s = 0;
#pragma omp parallel for reduction(+ : s) private(t)
    for (int i = 0; i < n; ++i) {
      t = std::sin(a * x[i]);
      s += t * t;
    }
    a = a + 0.1 * s / n;
  }
  return a;
}

// The forward sweep is the loop as written; the backward sweep is a parallel
// loop that recomputes each iteration (the inner loop is counted, so it needs
// no tape). Every iteration updates all of d_w[0..d): each thread sums into
// its own vector, added to d_w once at the end.
// CHECK-LABEL: double logistic_loss_pullback({{.*}}) {
// CHECK: #pragma omp parallel for schedule(static) reduction(+ : s)
// CHECK-NEXT: for (int i = 0; i < n; ++i) {
// CHECK: #pragma omp parallel
// CHECK-NEXT: {
// CHECK-NEXT: std::vector<double> d_w_part(d > 0 ? d : 0);
// CHECK-NEXT: #pragma omp for schedule(static) private(d_exp_val, d_p, d_z, exp_val, j, p, z)
// CHECK-NEXT: for (int i = 0; i < n; ++i) {
// CHECK-NOT: tape
// CHECK: for (j = d - 1; j >= 0; --j) { // line 28
// CHECK-NEXT: d_w_part[j] += d_z * X[i * d + j];
// CHECK: for (int j_1 = 0; j_1 < d; ++j_1) {
// CHECK-NEXT: #pragma omp atomic
// CHECK-NEXT: d_w[j_1] += d_w_part[j_1];
// The tangent of a `+` reduction variable joins the reduction.
// CHECK-LABEL: logistic_loss_fwd({{.*}}) {
// CHECK: #pragma omp parallel for schedule(static) reduction(+ : s, d_s)
// Elements written at [i] need no synchronisation; the scalar d_a does.
// CHECK-LABEL: double map_reduce_pullback({{.*}}) {
// CHECK: #pragma omp parallel for
// CHECK: #pragma omp parallel for reduction(+ : s)
// CHECK: #pragma omp parallel for
// CHECK-NEXT: for (int i_1 = 0; i_1 < n; ++i_1) {
// CHECK-NEXT: d_out[i_1] += d_s * out[i_1] + d_s * out[i_1];
// CHECK: #pragma omp parallel for
// CHECK-NEXT: for (int i = 0; i < n; ++i) {
// CHECK: #pragma omp atomic
// CHECK-NEXT: *d_a += adj * x[i];
// CHECK-NEXT: d_x[i] += adj * a + d_out[i] * sincos_a.sin;
// CHECK-NEXT: d_out[i] = 0.0;
// CHECK-LABEL: map_reduce_fwd({{.*}}) {
// CHECK: #pragma omp parallel for reduction(+ : s, d_s)
// CHECK-LABEL: void forces_pullback({{.*}}) {
// CHECK: #pragma omp parallel for schedule(dynamic, 4)
// CHECK: std::vector<double> d_pos_part(n > 0 ? n : 0);
// CHECK-NEXT: #pragma omp for schedule(dynamic, 4) private(d_dx, d_fi, dx, fi, j)
// CHECK: d_pos_part[j] += d_dx;
// CHECK-NEXT: d_pos_part[i] -= d_dx;
// CHECK-LABEL: void forces_fwd({{.*}}) {
// CHECK: #pragma omp parallel for schedule(dynamic, 4)
// `omp atomic` and `omp critical` around `s += e` become atomic updates, for
// the tangents too; their adjoints only read d_e, d_c.
// CHECK-LABEL: double springs_pullback({{.*}}) {
// CHECK: #pragma omp parallel for
// CHECK: #pragma omp atomic
// CHECK-NEXT: e += 0.5 * k * dx * dx;
// CHECK: #pragma omp parallel for
// CHECK: #pragma omp atomic
// CHECK-NEXT: c += std::cos(pos[i_1]);
// CHECK: #pragma omp parallel for private(d_dx, dx)
// CHECK: #pragma omp atomic
// CHECK-NEXT: *d_k += adj * dx * 0.5;
// CHECK-LABEL: springs_fwd({{.*}}) {
// CHECK: #pragma omp atomic
// CHECK-NEXT: d_e += (d_k * 0.5 * dx + d_dx * (0.5 * k)) * dx + d_dx * (0.5 * k * dx);
// CHECK-NEXT: #pragma omp atomic
// CHECK-NEXT: e += 0.5 * k * dx * dx;

// CHECK-LABEL: double relax_pullback({{.*}}) {
// CHECK: #pragma omp parallel for private(t) reduction(+ : s)
// CHECK: tape.push(a);
// CHECK: a = tape.pop<double>();
// CHECK: #pragma omp parallel for private(d_t, t) reduction(+ : d_a_local)
#ifdef ADGEN_TEST_DRIVER
#include "omp_check.h"

double logistic_loss_pullback(const double *w, const double *X, const double *y, int n, int d, double d_ret, double *d_w);
adgen::Dual<double> logistic_loss_fwd(const double *w, const double *X, const double *y, int n, int d, const double *d_w);
double map_reduce_pullback(const double *x, double a, double *out, int n, double d_ret, double *d_x, double *d_a, double *d_out);
adgen::Dual<double> map_reduce_fwd(const double *x, double a, double *out, int n, const double *d_x, double d_a, double *d_out);
void forces_pullback(const double *pos, double *f, int n, double *d_pos, double *d_f);
void forces_fwd(const double *pos, double *f, int n, const double *d_pos, double *d_f);
double springs_pullback(const double *pos, double k, int n, double d_ret, double *d_pos, double *d_k);
double relax_pullback(const double *x, double a, int n, int steps, double d_ret, double *d_x, double *d_a);
adgen::Dual<double> relax_fwd(const double *x, double a, int n, int steps, const double *d_x, double d_a);
adgen::Dual<double> springs_fwd(const double *pos, double k, int n, const double *d_pos, double d_k);

using namespace omp_check;

int main() {
  const int n = 400, d = 5;
  V X(n * d), Y(n);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < d; ++j)
      X[i * d + j] = std::sin(0.7 * i + 1.3 * j);
    Y[i] = (i % 3 == 0) ? 1.0 : 0.0;
  }
  V w0(d);
  for (int j = 0; j < d; ++j)
    w0[j] = 0.1 * j - 0.2;
  run({"logistic_loss", d, 1,
       [&](const V &w, V &o) { o[0] = logistic_loss(w.data(), X.data(), Y.data(), n, d); },
       [&](const V &w, const V &yb, V &wb) {
         double v = logistic_loss_pullback(w.data(), X.data(), Y.data(), n, d, yb[0], wb.data());
         check_close("logistic_loss: pullback value", v,
                     logistic_loss(w.data(), X.data(), Y.data(), n, d), 1e-12);
       },
       [&](const V &w, const V &wd, V &o) {
         o[0] = logistic_loss_fwd(w.data(), X.data(), Y.data(), n, d, wd.data()).tangent;
       }},
      w0);

  // map_reduce: inputs x (n) and a; outputs return and out (n).
  const int m = 300;
  V x0(m + 1);
  for (int i = 0; i < m; ++i)
    x0[i] = std::cos(0.3 * i);
  x0[m] = 0.8;
  run({"map_reduce", m + 1, m + 1,
       [&](const V &x, V &o) {
         V out(m);
         o[0] = map_reduce(x.data(), x[m], out.data(), m);
         for (int i = 0; i < m; ++i)
           o[1 + i] = out[i];
       },
       [&](const V &x, const V &yb, V &xb) {
         V out(m, -7.0), dout(yb.begin() + 1, yb.end());
         map_reduce_pullback(x.data(), x[m], out.data(), m, yb[0], xb.data(), &xb[m], dout.data());
         V ref(m);
         map_reduce(x.data(), x[m], ref.data(), m);
         for (int i = 0; i < m; ++i) {
           check_close("map_reduce: pullback leaves out as f does", out[i], ref[i], 0, 0);
           check_close("map_reduce: d_out zero on return (overwritten)", dout[i], 0, 0, 0);
         }
       },
       [&](const V &x, const V &xd, V &o) {
         V out(m), dout(m);
         o[0] = map_reduce_fwd(x.data(), x[m], out.data(), m, xd.data(), xd[m], dout.data()).tangent;
         for (int i = 0; i < m; ++i)
           o[1 + i] = dout[i];
       }},
      x0);

  const int nb = 200;
  V p0(nb);
  for (int i = 0; i < nb; ++i)
    p0[i] = 0.05 * i + 0.3 * std::sin(i);
  run({"forces", nb, nb,
       [&](const V &p, V &o) { forces(p.data(), o.data(), nb); },
       [&](const V &p, const V &yb, V &pb) {
         V f(nb), df = yb;
         forces_pullback(p.data(), f.data(), nb, pb.data(), df.data());
       },
       [&](const V &p, const V &pd, V &o) {
         V f(nb);
         forces_fwd(p.data(), f.data(), nb, pd.data(), o.data());
       }},
      p0);

  V q0(nb + 1);
  for (int i = 0; i < nb; ++i)
    q0[i] = 0.1 * i + 0.2 * std::cos(i);
  q0[nb] = 3.0;
  run({"springs", nb + 1, 1,
       [&](const V &q, V &o) { o[0] = springs(q.data(), q[nb], nb); },
       [&](const V &q, const V &yb, V &qb) {
         springs_pullback(q.data(), q[nb], nb, yb[0], qb.data(), &qb[nb]);
       },
       [&](const V &q, const V &qd, V &o) {
         o[0] = springs_fwd(q.data(), q[nb], nb, qd.data(), qd[nb]).tangent;
       }},
      q0);
  run({"relax", m + 1, 1,
       [&](const V &x, V &o) { o[0] = relax(x.data(), x[m], m, 4); },
       [&](const V &x, const V &yb, V &xb) {
         relax_pullback(x.data(), x[m], m, 4, yb[0], xb.data(), &xb[m]);
       },
       [&](const V &x, const V &xd, V &o) {
         o[0] = relax_fwd(x.data(), x[m], m, 4, xd.data(), xd[m]).tangent;
       }},
      x0);
  return adgen_test::finish();
}
#endif
