// Part of a range for the recognised algorithms: `v.begin() + k, v.end()`,
// `v.begin(), v.begin() + m`, `v.end() - m`, `a + 1, a + n`,
// `v.data(), v.data() + n` and `std::begin(arr), std::end(arr)` are counted
// loops from the first position to the last, `for (k = first; k < last;
// ++k)`; the other ranges (inner_product's second, transform's output) are
// read at the same distance from their own start. --emit=check compares
// forward and reverse with finite differences, pre-filled adjoints with
// d_ret != 1, f's effects and canaries past every array (the ranges stop
// short of the arrays' ends, and nothing past them may change).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
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

// Tails, heads and the middle of a std::vector.
ADGEN_JACOBIAN("v") 
double parts(const std::vector<double> &v, int k) {
  double tail = std::accumulate(v.begin() + k, v.end(), 0.0);
  double head = std::accumulate(v.begin(), v.begin() + k, 1.0,
                                [](double a, double b) { return a * std::cos(b); });
  double mid = std::inner_product(v.begin() + 1, v.end() - 1, v.begin() + 2, 0.0);
  double top = *std::max_element(v.cbegin() + 1, v.cbegin() + k);
  return tail * head + mid * top;
}
// CHECK-LABEL: double parts_pullback(const std::vector<double> &v, int k, double d_ret, std::vector<double> *d_v) {
// CHECK:         for (; accumulate_index < v.size(); ++accumulate_index) {
// CHECK:         for (; inner_product_index < v.size() - 1; ++inner_product_index) {
// CHECK-NEXT:      dot += v[inner_product_index] * v[inner_product_index - 1 + 2];
// CHECK:         double max_value = v[1];
// CHECK:         for (; max_element_index < k; ++max_element_index) {
// CHECK-LABEL: adgen::Dual<double> parts_fwd(
// CHECK:         for (std::size_t accumulate_index = static_cast<std::size_t>(k); accumulate_index < v.size(); ++accumulate_index) {
// CHECK:         for (int accumulate_index_1 = 0; accumulate_index_1 < accumulate_count; ++accumulate_index_1) {
// CHECK:         for (std::size_t inner_product_index = 1; inner_product_index < v.size() - 1; ++inner_product_index) {
// CHECK:         for (int max_element_index = 2; max_element_index < k; ++max_element_index) {

// Pointer ranges that skip the first element; a transform whose output is
// shifted; for_each over the front of an output. Jacobian and Hessian too.
ADGEN_JACOBIAN("x[n] -> y[n]") 

void shifted(const double *x, int n, double *y) {
  y[0] = x[0];
  std::transform(x + 1, x + n, x, y + 1, [](double a, double b) { return a * b; });
  std::for_each(y, y + n / 2, [](double &e) { e = std::sin(e); });
}
// CHECK-LABEL: void shifted_pullback(const double *x, int n, double *y, double *d_x, double *d_y) {
// CHECK:         y[transform_index - 1 + 1] = lambda;
// CHECK-LABEL: void shifted_fwd(
// CHECK:         for (int transform_index = 1; transform_index < transform_count; ++transform_index) {

// v.data() ranges and a local array by std::begin / std::end.
ADGEN_JACOBIAN("v, s")  
double buffers(std::vector<double> &v, double s, int n) {
  double w[3] = {s, s * s, 1.0};
  std::for_each(v.data(), v.data() + n, [&](double &e) { e *= s; });
  double a = std::accumulate(v.data() + 1, v.data() + n, 0.0);
  return a * std::inner_product(std::begin(w), std::end(w), v.data(), 0.0);
}
// CHECK-LABEL: double buffers_pullback(std::vector<double> &v, double s, int n, double d_ret, std::vector<double> *d_v, double *d_s) {
// CHECK:         for (; for_each_index < for_each_count; ++for_each_index) {
// CHECK:           v[for_each_index] = v[for_each_index] * s;
// CHECK-LABEL: adgen::Dual<double> buffers_fwd(
// CHECK:         for (int accumulate_index = 1; accumulate_index < n; ++accumulate_index) {
// CHECK:         for (std::size_t inner_product_index = 0; inner_product_index < 3u; ++inner_product_index) {
