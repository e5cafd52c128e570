// A scratch buffer from a std::allocator: `std::allocator<double> al;
// double *p = al.allocate(n); ... al.deallocate(p, n);` is a scratch buffer
// like `new double[n]` (test/Pointers/scratch-buffers.cpp): a local
// std::vector owning the elements and a pointer into it; deallocate frees
// nothing early. The allocator holds no number; generated code leaves it
// out when nothing else uses it.
// Checked against central differences, forward against reverse, pullbacks
// into pre-filled adjoints with d_ret != 1 and a canary past d_x.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -std=c++17 -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -std=c++17 -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: not %adgen %s -o %t.bad.cpp -- -std=c++17 -DREFUSE 2>&1 | FileCheck %s --check-prefix=REFUSE
#include <adgen/adgen.h>
#include <cmath>
#include <memory>

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double pooled(const double *x, int n) {
  std::allocator<double> al;
  double *tmp = al.allocate(n);
  for (int i = 0; i < n; ++i)
    tmp[i] = std::sin(x[i]) * x[(i + 1) % n];
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += tmp[i] * tmp[(i + 2) % n];
  al.deallocate(tmp, n);
  return s;
}
// CHECK-LABEL: double pooled_pullback(const double *x, int n, double d_ret, double *d_x) {
// CHECK-NOT: al.allocate
// CHECK:   std::vector<double> tmp_buffer(static_cast<unsigned long>(n));
// CHECK-NEXT:   double *tmp = tmp_buffer.data();
// CHECK:   std::vector<double> d_tmp_buffer(tmp_buffer.size());
// CHECK-LABEL: double pooled_grad(
// CHECK-LABEL: adgen::Dual<double> pooled_fwd(const double *x, int n, const double *d_x) {

#ifdef REFUSE
ADGEN_REVERSE("x")
double twice(const double *x, int n) {
  std::allocator<double> al;
  double *a = al.allocate(n);
  a[0] = x[0];
  double r = a[0] * x[0];
  al.allocate(n);
  return r;
}
// REFUSE: error: 'allocate' of std::allocator 'al' is supported only as the initialiser of a pointer local ('double *p = al.allocate(n);')
#endif

#ifdef ADGEN_TEST_DRIVER
double pooled_pullback(const double *x, int n, double d_ret, double *d_x);
double pooled_grad(const double *x, int n, double *d_x);
adgen::Dual<double> pooled_fwd(const double *x, int n, const double *d_x);
#include "adgen_test.h"
using namespace adgen_test;

int main() {
  ADGEN_TEST_ARRAY_FN(pooled, 5);
  return finish();
}
#endif
