// Printing in a function simple enough for f_fwd_vec (printed once, outside
// the loop over directions) and under --emit=check, whose checker calls the
// derivatives many times (each call prints what f prints).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check && %t.check | FileCheck %s --check-prefix=CHK
#include <adgen/adgen.h>
#include <cstdio>
#include <iostream>

ADGEN_REVERSE() ADGEN_FORWARD()
double f(double x, double y) {
  std::printf("x=%g\n", x);
  std::cout << "y " << y << std::endl;
  return x * x * y;
}
// CHECK-LABEL: double f_fwd_vec(double x, double y, const double *d_x, const double *d_y, int k, double *d_ret) {
// CHECK-NEXT: std::printf("x=%g\n", x);
// CHECK-NEXT: std::cout << "y " << y << std::endl;
// CHECK-NEXT: for (int dir = 0; dir < k; ++dir) {

// CHK: 1 passed, 0 failed
