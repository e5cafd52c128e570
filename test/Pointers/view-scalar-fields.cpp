// `&x` of a scalar in a view's pointer field: `View v{&t, 1};`. Like
// `double *p = &t;` (ScalarPointers.cpp), the field names t itself:
// `v.p[0]`, `*v.p` and `this->p` in the view's member functions read and
// write t, through copies of the view (`CView d = c;`) and views passed to
// helpers by reference or by value; `v.p` as a condition is true (`v.p ?
// *v.p : 0.0` is `*v.p`). No
// pointer local is declared for such a field. Checked against central
// differences, forward against reverse, pre-filled adjoints; f_jacobian and
// f_hessian too.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK: 1 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

struct View {
  double *p;
  int n;
  void scale(double s) { *p *= s; }
};
struct CView { const double *p; int n; };

static double first(const CView &v) { return v.p[0] * v.n; }
static double byValue(CView v) { return std::sin(*v.p) + v.n; }

ADGEN_FORWARD() ADGEN_REVERSE() ADGEN_JACOBIAN() ADGEN_HESSIAN()
double f(double x, double y) {
  double t = x * y;
  View v{&t, 1};
  v.p[0] *= 2.0;
  *v.p += x;
  v.scale(y);
  CView c{&y, 3};
  CView d = c;
  double u = v.p ? *v.p : 0.0;
  return t * std::sin(*c.p) + first(d) + byValue(c) + u * x;
}

// CHECK-LABEL: adgen::Dual<double> f_fwd(double x, double y, double d_x, double d_y) {
// CHECK-NEXT:   double d_t = d_x * y + d_y * x;
// CHECK-NEXT:   double t = x * y;
// CHECK-NEXT:   d_t = d_t * 2.0;
// CHECK-NEXT:   t = t * 2.0;
// CHECK-NEXT:   d_t += d_x;
// CHECK-NEXT:   t += x;
// CHECK:   int d_n = c_n;
// CHECK-NEXT:   double d_u = d_t;
// CHECK-NEXT:   double u = t;
// CHECK-LABEL: double f_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: void f_jacobian(double x, double y, double *jac) {
// CHECK-LABEL: void f_hessian(double x, double y, double *hess) {
