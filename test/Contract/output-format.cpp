// The output file: a banner naming the input, an #include of the input by a
// path relative to the output's directory, then the derivatives; the same
// input gives byte-identical output; standard output is the default; with
// --header, a header declaring the generated functions that another
// translation unit can use.
// RUN: rm -rf %t.dir && mkdir -p %t.dir/sub
// RUN: %adgen %s -o %t.dir/a.cpp -- -std=c++17
// RUN: %adgen %s -o %t.dir/b.cpp -- -std=c++17
// RUN: cmp %t.dir/a.cpp %t.dir/b.cpp
// RUN: FileCheck %s --input-file=%t.dir/a.cpp
// The include path is relative to the output's directory: one more ../ from sub/.
// RUN: %adgen %s -o %t.dir/sub/c.cpp -- -std=c++17
// RUN: grep '#include "../' %t.dir/sub/c.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.dir/sub/c.cpp -o %t.dir/sub/c.exe && %t.dir/sub/c.exe
// Standard output by default, with the include relative to the working directory.
// RUN: cd %t.dir && %adgen %s -- -std=c++17 > stdout.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.dir/stdout.cpp -o %t.dir/stdout.exe && %t.dir/stdout.exe
// Header for other translation units.
// RUN: %adgen %s -o %t.dir/h.cpp --header %t.dir/h.h -- -std=c++17
// RUN: FileCheck %s --check-prefix=HDR --input-file=%t.dir/h.h
// RUN: %cxx -c %t.dir/h.cpp -o %t.dir/h.o
// RUN: %cxx -DADGEN_HEADER='"%t.dir/h.h"' %S/../Inputs/header-user.cpp %t.dir/h.o -o %t.dir/user.exe && %t.dir/user.exe
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE() ADGEN_FORWARD()
double f(double x, double y) { return std::exp(x) * std::sin(y) + x * y; }

// CHECK: output-format.cpp
// CHECK: #include "{{.*}}output-format.cpp"
// CHECK-LABEL: double f_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double f_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> f_fwd(double x, double y, double d_x, double d_y) {

// HDR: #include <adgen/adgen.h>
// HDR-DAG: double f_pullback(double x, double y, double d_ret, double *d_x, double *d_y);
// HDR-DAG: double f_grad(double x, double y, double *d_x, double *d_y);
// HDR-DAG: adgen::Dual<double> f_fwd(double x, double y, double d_x, double d_y);

#ifdef ADGEN_TEST_DRIVER
double f_grad(double x, double y, double* d_x, double* d_y);
#include "adgen_test.h"
int main() {
  double gx = 0, gy = 0;
  f_grad(0.3, 1.1, &gx, &gy);
  adgen_test::check_close("df/dx", gx, std::exp(0.3) * std::sin(1.1) + 1.1, 1e-15);
  adgen_test::check_close("df/dy", gy, std::exp(0.3) * std::cos(1.1) + 0.3, 1e-15);
  return adgen_test::finish();
}
#endif
