// Scratch buffers that stay refused (test/Pointers/scratch-buffers.cpp shows
// what works): allocated inside a loop, `delete[]` of one object made by `new`, an
// initialiser list, `delete` of something else, unique_ptr methods other
// than [] and get(). No output file is written.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <memory>

ADGEN_REVERSE("x")
double in_loop(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    // CHECK: scratch-buffers.cpp:[[@LINE+1]]:13: error: scratch buffer 'b' allocated inside a loop is not supported; allocate it once before the loop
    double *b = new double[2];
    b[0] = x[i];
    s += b[0];
    delete[] b;
  }
  return s;
}

ADGEN_REVERSE()
double one_object(double x) {
  double *p = new double(x);
  double r = *p;
  // CHECK: scratch-buffers.cpp:[[@LINE+1]]:3: error: 'p' was made by 'new' of one object: 'delete[]' of it is undefined; use 'delete'
  delete[] p;
  return r;
}

ADGEN_REVERSE()
double listed(double x) {
  // CHECK: scratch-buffers.cpp:[[@LINE+1]]:11: error: scratch buffer 'p': adgen supports 'new T[n]'
  double *p = new double[2]{x, x};
  return p[1];
}

ADGEN_REVERSE("x")
double delete_other(const double *x) {
  double *p = new double[2];
  p[0] = x[0];
  double r = p[0];
  delete[] p;
  // CHECK: scratch-buffers.cpp:[[@LINE+1]]:3: error: 'delete' is supported only as 'delete[] p' of a scratch buffer 'p = new T[n]' of the same function
  delete[] x;
  return r;
}

ADGEN_REVERSE()
double reset(double x) {
  auto u = std::make_unique<double[]>(2);
  u[0] = x;
  double r = u[0] * x;
  // CHECK: scratch-buffers.cpp:[[@LINE+1]]:3: error: 'std::unique_ptr::reset' is not supported in differentiated code (a scratch buffer supports [] and get())
  u.reset();
  return r;
}
