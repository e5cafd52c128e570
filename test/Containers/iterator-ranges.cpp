// Iterator locals as ends of the recognised algorithms' ranges: `auto it =
// v.begin() + 1; std::accumulate(it, v.end(), 0.0)`, `*std::max_element(
// v.cbegin(), mid)`, `std::inner_product(it, it + 2, v.begin(), 0.0)`,
// `std::sort(it, it + 3)`, `std::transform(it, v.end(), it, ...)`,
// `std::reverse(v.begin(), it + 1)`, `std::fill(b, b + 1, ...)` over an
// array. The loop runs over the iterator's offset (`it_offset`), in
// std::ptrdiff_t; forward and reverse, checked with g++ and clang++.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=OK
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=OK
// OK-NOT: FAIL
// OK: 3 passed, 0 failed
#include <adgen/adgen.h>
#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>
#include <vector>
ADGEN_REVERSE() ADGEN_FORWARD() double tails(const std::vector<double> &v, double x) {
  auto it = v.begin() + 1;
  double s = std::accumulate(it, v.end(), 0.0);
  auto mid = v.cbegin() + 2;
  s += *std::max_element(v.cbegin(), mid) * x;
  s += std::inner_product(it, it + 2, v.begin(), 0.0);
  auto e = v.end();
  s += *std::min_element(it + 3, e - 1) + std::accumulate(e - 4, e, 1.0, [](double a, double b) { return a * std::cos(b); });
  return s;
}
ADGEN_REVERSE() ADGEN_FORWARD() double mutate(std::vector<double> &v, double x) {
  auto it = v.begin() + 1;
  std::sort(it, it + 3);
  std::transform(it, v.end(), it, [x](double e) { return e * x; });
  std::reverse(v.begin(), it + 1);
  return v[0] + 2 * v[1] + 3 * v[2] + 4 * v[3];
}
ADGEN_REVERSE() ADGEN_FORWARD() double arrays(double x, double y) {
  double a[5] = {x, y, x * y, y - x, 1.0};
  auto b = std::begin(a) + 1;
  auto e = std::end(a);
  std::fill(b, b + 1, x * 2);
  return std::accumulate(b, e, 0.0) + std::accumulate(std::begin(a), b, 0.0) * y;
}

// CHECK-LABEL: double tails_pullback({{.*}}) {
// CHECK: accumulate_index = it_offset;
// CHECK-NEXT: for (; accumulate_index < static_cast<std::ptrdiff_t>(v.size()); ++accumulate_index) {
// CHECK: for (; max_element_index < mid_offset; ++max_element_index) {
// CHECK: for (; inner_product_index < it_offset + 2; ++inner_product_index) {
// CHECK-NEXT: dot += v[inner_product_index] * v[inner_product_index - it_offset];
// CHECK: double min_value = v[it_offset + 3];
// CHECK: for (; min_element_index < e_offset - 1; ++min_element_index) {
// CHECK: accumulate_first = e_offset - 4;
// CHECK-LABEL: adgen::Dual<double> tails_fwd({{.*}}) {
// CHECK-LABEL: double mutate_pullback({{.*}}) {
// CHECK: for (; sort_index < sort_count; ++sort_index) {
// CHECK: for (; transform_index < transform_count; ++transform_index) {
// CHECK: for (; reverse_index < reverse_count / 2; ++reverse_index) {
// CHECK-LABEL: adgen::Dual<double> mutate_fwd({{.*}}) {
// CHECK-LABEL: double arrays_pullback({{.*}}) {
// CHECK-LABEL: adgen::Dual<double> arrays_fwd({{.*}}) {
// CHECK: std::ptrdiff_t fill_count = b_offset + 1;
// CHECK: for (std::ptrdiff_t accumulate_index = b_offset; accumulate_index < e_offset; ++accumulate_index) {
// CHECK: for (std::ptrdiff_t accumulate_index_1 = 0; accumulate_index_1 < b_offset; ++accumulate_index_1) {
