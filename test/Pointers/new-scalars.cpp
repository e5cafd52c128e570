// One object made by `new` as scratch: `double *p = new double(x);`, `new
// double{x}`, `new double()`, `T *t = new T{x};`, `new T(args)`, with
// `delete p;`. The object is a local named after the pointer, which `*p`,
// `p[0]` and `t->x` name (NewScalars.cpp); `(double *)malloc(n *
// sizeof(double))`, calloc and free as scratch buffers. Also `double *p{&x};` and `&t`
// passed to a lambda's pointer parameter (ScalarPointers.cpp).
// Numbers: --emit=check (central differences, forward against reverse,
// pre-filled adjoints with d_ret != 1), with g++ and clang++.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUN: not %adgen %s -o %t.bad.cpp -- -std=c++17 -DREFUSE 2>&1 | FileCheck %s --check-prefix=REFUSE
// RUNCHECK: 6 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>
#include <cstdlib>

struct T {
  double x;
  int y;
};
struct Pair {
  double a, b;
  Pair(double u, double v) : a(u * v), b(u - v) {}
};

ADGEN_REVERSE("i, j") ADGEN_FORWARD("i, j")
double newAndDelete(double i, double j) {
  double *p = new double(i);
  double *q = new double{j};
  double *z = new double();
  double *r = new double[2];
  r[0] = i + j;
  r[1] = i * j;
  *z += *p * *q;
  p[0] *= std::exp(*q);
  double sum = *p + *q + r[0] * r[1] + *z;
  delete p;
  delete q;
  delete z;
  delete[] r;
  return sum;
}
// CHECK-LABEL: double newAndDelete_pullback(double i, double j, double d_ret, double *d_i, double *d_j) {
// CHECK:   double p = i;
// CHECK:   double q = j;
// CHECK:   double z = 0.0;

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double structPointer(double x) {
  T *t = new T{x, 3};
  t->x = t->x * t->x + t->y;
  Pair *s = new Pair(x, t->x);
  double res = t->x * s->a - s->b;
  delete t;
  delete s;
  return res;
}
// CHECK-LABEL: double structPointer_pullback(double x, double d_ret, double *d_x) {

ADGEN_REVERSE("x, y") ADGEN_FORWARD("x, y")
double listInitPtr(double x, double y) {
  double *ptr{&x};
  *ptr += y * *ptr;
  return *ptr;
}
// CHECK-LABEL: double listInitPtr_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {

ADGEN_REVERSE("x, y") ADGEN_FORWARD("x, y")
double lambdaAddress(double x, double y) {
  auto g = [](double a, const double &b, double *c) {
    *c = a * b;
    return a + b;
  };
  double t = 0;
  double r = g(x, y, &t);
  double u = 1;
  r += g(t, x, &u);
  return r * t * u;
}
// CHECK-LABEL: double lambdaAddress_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double constPointer(double x) {
  double *const p = &x;
  *p = (*p) * (*p);
  return *p;
}
// CHECK-LABEL: double constPointer_pullback(double x, double d_ret, double *d_x) {

// C's allocation as a scratch buffer (ScratchBuffers.cpp).
ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double cAlloc(double x, int n) {
  double *p = (double *)calloc(1, sizeof(double));
  *p = x;
  double *q = static_cast<double *>(std::malloc(n * sizeof(double)));
  for (int i = 0; i < n; ++i)
    q[i] = x * i + *p;
  double res = *p * q[n - 1];
  free(p);
  std::free(q);
  return res;
}
// CHECK-LABEL: double cAlloc_pullback(double x, int n, double d_ret, double *d_x) {
// CHECK:   std::vector<double> p_buffer(1);
// CHECK:   std::vector<double> q_buffer(static_cast<unsigned long>(n));

#ifdef REFUSE
ADGEN_REVERSE("x")
double badSize(double x, int n) {
  double *p = (double *)malloc(n);
  p[0] = x;
  double v = p[0];
  free(p);
  return v;
}
// REFUSE: error: scratch buffer 'p': the size given to 'malloc' must be written 'n * sizeof(double)'
ADGEN_REVERSE("x")
double wrongDelete(double x) {
  double *p = new double(x);
  double v = *p;
  delete[] p;
  return v;
}
// REFUSE: error: 'p' was made by 'new' of one object: 'delete[]' of it is undefined; use 'delete'
ADGEN_REVERSE("x")
double movedNew(double x) {
  double *p = new double(x);
  return p[1];
}
// REFUSE: error: 'p' points to one variable: only 'p[0]' is that variable
#endif
