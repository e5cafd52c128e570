// OpenMP that adgen cannot differentiate is refused with a located error that
// names the directive or clause; no output file is written.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <omp.h>

ADGEN_REVERSE()
double simd(const double *x, int n) {
  double s = 0;
// CHECK: refused.cpp:[[@LINE+1]]:1: error: OpenMP directive '#pragma omp simd' is not supported (only 'parallel for', with 'atomic' or 'critical' around 's += e' inside)
#pragma omp simd reduction(+ : s)
  for (int i = 0; i < n; ++i)
    s += x[i];
  return s;
}

ADGEN_REVERSE()
double region(const double *x, int n) {
  double s = 0;
// CHECK: refused.cpp:[[@LINE+1]]:1: error: '#pragma omp parallel' is supported only around a single '#pragma omp for' loop
#pragma omp parallel
  {
    double t = 1;
#pragma omp for reduction(+ : s)
    for (int i = 0; i < n; ++i)
      s += t * x[i];
  }
  return s;
}

ADGEN_REVERSE()
double nowait(const double *x, double *y, int n) {
#pragma omp parallel
  {
// CHECK: refused.cpp:[[@LINE+1]]:17: error: OpenMP clause 'nowait' of '#pragma omp for' is not supported
#pragma omp for nowait
    for (int i = 0; i < n; ++i)
      y[i] = x[i];
  }
  return y[0];
}

ADGEN_REVERSE()
double last(const double *x, int n) {
  double t = 0;
// CHECK: refused.cpp:[[@LINE+1]]:26: error: OpenMP clause 'lastprivate' of '#pragma omp parallel for' is not supported
#pragma omp parallel for lastprivate(t)
  for (int i = 0; i < n; ++i)
    t = x[i];
  return t;
}

ADGEN_REVERSE("x -> y")
void collapsed(const double *x, double *y, int n, int m) {
#pragma omp parallel for collapse(2)
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j)
      // CHECK: refused.cpp:[[@LINE+1]]:12: error: reverse mode of a parallel loop: it writes 'y' elsewhere than at index [i * m + j], one element per iteration of the collapsed loops (inner loops from 0 to a bound with '<')
      y[i] = x[i] * x[j];
}

ADGEN_REVERSE()
double thread_id(const double *x, int n) {
  double s = 0;
#pragma omp parallel for reduction(+ : s)
  for (int i = 0; i < n; ++i)
    // CHECK: refused.cpp:[[@LINE+1]]:17: error: calls to the OpenMP runtime ('omp_get_thread_num') are not supported inside a parallel loop: the derivative could depend on the thread
    s += x[i] * omp_get_thread_num();
  return s;
}

ADGEN_REVERSE()
double critical_block(const double *x, int n) {
  double s = 0, m = 0;
#pragma omp parallel for
  for (int i = 0; i < n; ++i) {
// CHECK: refused.cpp:[[@LINE+1]]:1: error: '#pragma omp critical' is supported only around one update 's += e'
#pragma omp critical
    {
      s += x[i];
      m = m * x[i];
    }
  }
  return s + m;
}

ADGEN_REVERSE()
double atomic_outside(double x) {
  double s = 0;
// CHECK: refused.cpp:[[@LINE+1]]:1: error: '#pragma omp atomic' is supported only inside a '#pragma omp parallel for' loop
#pragma omp atomic
  s += x;
  return s;
}

ADGEN_REVERSE()
double ordered(const double *x, int n) {
  double s = 0;
// CHECK: refused.cpp:[[@LINE+1]]:26: error: OpenMP clause 'ordered' of '#pragma omp parallel for' is not supported
#pragma omp parallel for ordered reduction(+ : s)
  for (int i = 0; i < n; ++i)
    s += x[i];
  return s;
}

ADGEN_FORWARD()
double product(const double *x, int n) {
  double p = 1;
#pragma omp parallel for reduction(* : p)
  // CHECK: refused.cpp:[[@LINE+1]]:3: error: forward mode of a 'reduction(* : p)' is not supported: the tangent of a product is not a reduction of the same kind
  for (int i = 0; i < n; ++i)
    p *= x[i];
  return p;
}

ADGEN_REVERSE()
double maximum(const double *x, int n) {
  double m = -1e300;
#pragma omp parallel for reduction(max : m)
  // CHECK: refused.cpp:[[@LINE+1]]:3: error: reverse mode of a 'reduction(max : m)' is not supported (only '+')
  for (int i = 0; i < n; ++i)
    m = x[i] > m ? x[i] : m;
  return m;
}

ADGEN_REVERSE()
double carried(const double *x, int n) {
  double t = 0, s = 0;
#pragma omp parallel for reduction(+ : s)
  for (int i = 0; i < n; ++i) {
    // CHECK: refused.cpp:[[@LINE+1]]:7: error: reverse mode of a parallel loop: it writes shared variable 't' other than by a reduction or an atomic 's += e'
    t = x[i] * x[i];
    s += t;
  }
  return s;
}

ADGEN_REVERSE("x -> y")
void shifted(const double *x, double *y, int n) {
#pragma omp parallel for
  for (int i = 0; i < n - 1; ++i)
    // CHECK: refused.cpp:[[@LINE+1]]:14: error: reverse mode of a parallel loop: it writes 'y' elsewhere than at index [i]
    y[i + 1] = x[i] * x[i];
}

ADGEN_REVERSE("x -> y")
void reads_written(const double *x, double *y, int n) {
#pragma omp parallel for
  for (int i = 0; i < n; ++i) {
    y[i] = x[i];
    // CHECK: refused.cpp:[[@LINE+1]]:10: error: reverse mode of a parallel loop: it reads 'y', which its iterations write
    y[i] = y[i] * x[i];
  }
}

double dot(const double *a, const double *b, int n) {
  double s = 0;
  for (int j = 0; j < n; ++j)
    s += a[j] * b[j];
  return s;
}

ADGEN_REVERSE("w")
double shared_weights(const double *w, const double *X, int n, int d) {
  double s = 0;
#pragma omp parallel for reduction(+ : s)
  for (int i = 0; i < n; ++i) {
    // CHECK: refused.cpp:[[@LINE+1]]:16: error: reverse mode of a parallel loop: active memory 'w' passed to parameter 'a' of 'dot' is not supported: its adjoint would be accumulated inside the callee without synchronisation
    double z = dot(w, X + i * d, d);
    s += z * z;
  }
  return s;
}

int counter = 0;
double counted(double x) {
  counter = counter + 1;
  return x * x;
}

ADGEN_REVERSE()
double global_write(const double *x, int n) {
  double s = 0;
#pragma omp parallel for reduction(+ : s)
  for (int i = 0; i < n; ++i)
    // CHECK: refused.cpp:[[@LINE+1]]:10: error: reverse mode of a parallel loop: 'counted' writes global '::counter'
    s += counted(x[i]);
  return s;
}

void scale(double a, double &y) { y = a * y; }

ADGEN_REVERSE("x -> y")
void writes_shared(const double *x, double *y, int n) {
#pragma omp parallel for
  for (int i = 0; i < n; ++i)
    // CHECK: refused.cpp:[[@LINE+1]]:5: error: reverse mode of a parallel loop: writable parameter 'y' of 'scale' must be given a scalar variable declared in the loop body (or private)
    scale(x[i], y[i]);
}
