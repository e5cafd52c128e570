// std::next, std::prev, std::distance and std::advance of iterator
// variables: `std::next(v.begin(), 2)` declares an iterator variable at 2,
// `*std::prev(it)` reads it_offset - 1, `std::advance(it, 3)` moves
// it_offset, `std::distance(it, e)` is `e_offset - it_offset`; forward and
// reverse, checked with g++ and clang++.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=OK
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=OK
// OK-NOT: FAIL
// OK: 1 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>
#include <iterator>
#include <numeric>
#include <vector>
ADGEN_REVERSE() ADGEN_FORWARD() double steps(const std::vector<double> &v, double x) {
  auto it = std::next(v.begin(), 2);
  double s = *it * x + *std::prev(it) + *std::next(it);
  std::advance(it, 3);
  s += *it * static_cast<double>(std::distance(v.begin(), it));
  auto e = std::prev(v.end());
  s += std::accumulate(it, e, 0.0) * static_cast<double>(std::distance(it, e));
  return s;
}

// CHECK-LABEL: double steps_pullback({{.*}}) {
// CHECK-LABEL: adgen::Dual<double> steps_fwd({{.*}}) {
// CHECK: std::ptrdiff_t it_offset = 2;
// CHECK: double s = v[it_offset] * x + v[it_offset - 1] + v[it_offset + 1];
// CHECK-NEXT: it_offset += 3;
// CHECK: s += v[it_offset] * static_cast<double>(it_offset);
// CHECK: std::ptrdiff_t e_offset = static_cast<std::ptrdiff_t>(v.size()) - 1;
// CHECK: s += sum * static_cast<double>(e_offset - it_offset);
