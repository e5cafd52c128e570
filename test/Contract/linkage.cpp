// Generated functions have f's linkage and live in f's namespace: a static
// function's derivatives are static, a function in an anonymous namespace
// gets derivatives in that anonymous namespace, one in a named namespace
// gets them in that namespace. Two marked functions in one file do not clash.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// Internal linkage: the generated functions are not exported (-O0 keeps
// every function; nothing uses them in this translation unit).
// RUN: %cxx -O0 -Wno-unused-function -c %t.gen.cpp -o %t.o
// RUN: nm -C --extern-only %t.o | FileCheck %s --check-prefix=NM
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE() ADGEN_FORWARD()
static double sfun(double x) { return std::sin(x) * x; }
// CHECK-LABEL: static double sfun_grad(double x, double *d_x) {
// CHECK-LABEL: static adgen::Dual<double> sfun_fwd(double x, double d_x) {

namespace {
ADGEN_REVERSE() ADGEN_FORWARD()
double afun(double x) { return std::cos(x) * x; }
} // namespace
// CHECK-LABEL: namespace {
// CHECK-LABEL: double afun_grad(double x, double *d_x) {

namespace outer::inner {
ADGEN_REVERSE() ADGEN_FORWARD()
double nfun(double x) { return std::exp(x) * x; }
} // namespace outer::inner
// CHECK-LABEL: double nfun_grad(double x, double *d_x) {

// NM-NOT: sfun_grad
// NM-NOT: afun_grad
// NM: outer::inner::nfun_grad(double, double*)

#ifdef ADGEN_TEST_DRIVER
static double sfun_grad(double x, double* d_x);
static adgen::Dual<double> sfun_fwd(double x, double d_x);
namespace {
double afun_grad(double x, double* d_x);
adgen::Dual<double> afun_fwd(double x, double d_x);
}
namespace outer::inner {
double nfun_grad(double x, double* d_x);
adgen::Dual<double> nfun_fwd(double x, double d_x);
}
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  for (double x : {0.3, -1.2}) {
    double g = 0;
    check_ulps("sfun: value", sfun_grad(x, &g), sfun(x));
    check_close("sfun'", g, std::cos(x) * x + std::sin(x), 1e-15);
    check_close("sfun' fwd", sfun_fwd(x, 1.0).tangent, g, 1e-15);
    g = 0;
    check_ulps("afun: value", afun_grad(x, &g), afun(x));
    check_close("afun'", g, -std::sin(x) * x + std::cos(x), 1e-15);
    check_close("afun' fwd", afun_fwd(x, 1.0).tangent, g, 1e-15);
    g = 0;
    check_ulps("nfun: value", outer::inner::nfun_grad(x, &g), outer::inner::nfun(x));
    check_close("nfun'", g, std::exp(x) * (1 + x), 1e-15);
    check_close("nfun' fwd", outer::inner::nfun_fwd(x, 1.0).tangent, g, 1e-15);
  }
  return finish();
}
#endif
