// A switch whose body is one statement, not a block (`switch (c) case 1:
// s;`), is a switch with that one section (from Clad's Switch test fn5),
// also with a declaration in its condition.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK: 2 passed, 0 failed
#include <adgen/adgen.h>

ADGEN_REVERSE() ADGEN_FORWARD()
double single(double i, double j) {
  double res = 0;
  switch (int count = 1)
    case 1:
      res += i * j * count;
  return res;
}
// CHECK-LABEL: double single_pullback(double i, double j, double d_ret, double *d_i, double *d_j) {
// CHECK: if (

ADGEN_REVERSE() ADGEN_FORWARD()
double skipped(double x, int k) {
  double r = x * x;
  switch (k)
    case 2:
      r *= x;
  return r;
}
// CHECK-LABEL: double skipped_pullback(double x, int k, double d_ret, double *d_x) {
