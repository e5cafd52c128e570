// switch: case labels inside a block of the switch join its own labels
// (`case 1: a; { case 2: b; }`, fall-through into and out of the block);
// statements before the first label are never run and are left out.
// --emit=check compares forward and reverse with finite differences,
// pre-filled adjoints and d_ret != 1, on every path.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx -Wno-implicit-fallthrough -Wno-switch-unreachable %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=OK
// RUN: %clangxx -Wno-implicit-fallthrough -Wno-unreachable-code %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=OK
// OK-NOT: FAIL
// OK: 3 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

// The selector comes from the data: x < 0.3 picks 0, x < 0.6 picks 1,
// x < 0.9 picks 2, otherwise 3.
static int pick(double x) { return x < 0.3 ? 0 : x < 0.6 ? 1 : x < 0.9 ? 2 : 3; }

ADGEN_REVERSE() ADGEN_FORWARD()
double nested(double i, double j) {
  double res = 0;
  switch (pick(i)) {
  case 0:
    res += i * j;
    break;
  case 1:
    res += i * i;
    {
    case 2:
      res += j * j;
    }
  default:
    res += i * i * j * j;
  }
  return res;
}
// CHECK-LABEL: adgen::Dual<double> nested_fwd(double i, double j, double d_i, double d_j) {
// CHECK:         int selector = pick_result;
// CHECK-NEXT:    if (selector == 0) {
// CHECK:         } else if (selector == 1) {
// CHECK-NEXT:      d_res += d_i * (2.0 * i);
// CHECK-NEXT:      res += i * i;
// CHECK-NEXT:      d_res += d_j * (2.0 * j);
// CHECK-NEXT:      res += j * j;
// CHECK:         } else if (selector == 2) {
// CHECK-NEXT:      d_res += d_j * (2.0 * j);
// CHECK-NEXT:      res += j * j;
// CHECK:         } else {
// CHECK-NEXT:      d_res += (d_i * (2.0 * i) * j + d_j * (i * i)) * j + d_j * (i * i * j);

ADGEN_REVERSE() ADGEN_FORWARD()
double before_first(double i, double j) {
  double res = 0;
  switch (int count = pick(j)) {
    res += i * i * j * j;
    res += 50 * i;
  case 0:
    res += i;
    break;
  case 1:
    res += j * count;
    [[fallthrough]];
  case 2:
    res += i * j;
    break;
  default:
    res += i + j;
  }
  return res;
}
// CHECK-LABEL: adgen::Dual<double> before_first_fwd(double i, double j, double d_i, double d_j) {
// CHECK:         int count = pick_result;
// CHECK-NEXT:    int selector = count;
// CHECK-NEXT:    if (selector == 0) {
// CHECK-NEXT:      d_res += d_i;
// CHECK-NEXT:      res += i;
// CHECK-NEXT:    } else if (selector == 1) {

ADGEN_REVERSE() ADGEN_FORWARD()
double deep_block(double x, double y) {
  double r = 1;
  for (int k = 0; k < 4; ++k) {
    switch (k) {
    case 0: {
      r *= x;
      {
      case 1:
        r += std::sin(y * r);
        break;
      }
    }
    case 2:
      r -= y;
    default:
      r *= 0.5;
    }
  }
  return r;
}
