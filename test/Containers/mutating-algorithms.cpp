// std::sort (default '<', std::greater<double>, a capturing lambda, on a
// part of a vector), std::stable_sort, std::reverse (whole and in part),
// std::fill, std::fill_n, std::array::fill, std::copy, std::iota and
// std::swap (numbers, array elements, structs) are built as the loops that
// do the same: a sort is an insertion sort by swaps, so its derivative is
// the permutation applied to the tangents, or the adjoints routed back
// through it. --emit=check compares forward and reverse with central finite
// differences (inputs with no ties), pre-filled adjoints, d_ret != 1 and
// f's effects. (std::stable_sort makes libstdc++ call the deprecated
// std::get_temporary_buffer: -Wno-deprecated-declarations.)
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx -Wno-deprecated-declarations %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=OK
// RUN: %clangxx -Wno-deprecated-declarations %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=OK
// OK-NOT: FAIL
// OK: 5 passed, 0 failed
#include <adgen/adgen.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <iterator>
#include <numeric>
#include <utility>
#include <vector>

struct Pt { double x, y; };

ADGEN_REVERSE("a[4]") ADGEN_FORWARD("a[4]")
double sorted_greater(const double *a) {
  std::array<double, 4> b{a[0], a[1], a[2], a[3]};
  std::sort(b.begin(), b.end(), std::greater<double>());
  return b[0] * 2 + b[3] * b[1];
}
// CHECK-LABEL: double sorted_greater_pullback(const double *a, double d_ret, double *d_a) {
// CHECK:           std::size_t sort_index = 1;
// CHECK-NEXT:      for (; sort_index < 4; ++sort_index) {
// CHECK:             sort_place = sort_index;
// CHECK-NEXT:        for (; !broke && sort_place > 0;) {
// CHECK-NEXT:          if (!(b[sort_place] > b[sort_place - 1])) {
// CHECK:               double swapped = b[sort_place];
// CHECK-NEXT:          b[sort_place] = b[sort_place - 1];
// CHECK-NEXT:          b[sort_place - 1] = swapped;
// CHECK:         // Backward sweep
// CHECK:               d_b[sort_place - 1] += adj_{{[0-9]+}};
// CHECK-NEXT:          d_b[sort_place] += d_swapped;
// CHECK-LABEL: adgen::Dual<double> sorted_greater_fwd(

ADGEN_REVERSE("v, s") ADGEN_FORWARD("v, s")
double sorted_vec(const std::vector<double> &v, double s) {
  std::vector<double> w(v.size());
  std::copy(v.begin(), v.end(), w.begin());
  std::sort(w.begin(), w.end());
  std::vector<double> u(v.size());
  std::copy(v.begin(), v.end(), u.begin());
  std::stable_sort(u.begin() + 1, u.end(), [s](double p, double q) { return p * s > q * s; });
  return w[0] * s + w[w.size() - 1] * w[0] + u[1] * 3;
}
// CHECK-LABEL: adgen::Dual<double> sorted_vec_fwd(
// CHECK:         for (std::size_t copy_index = 0; copy_index < v.size(); ++copy_index) {
// CHECK-NEXT:      d_w[copy_index] = d_v[copy_index];
// CHECK-NEXT:      w[copy_index] = v[copy_index];
// CHECK:         for (std::size_t stable_sort_index = 1 + 1; stable_sort_index < u.size(); ++stable_sort_index) {
// CHECK-NEXT:      for (std::size_t stable_sort_place = stable_sort_index; stable_sort_place > 1; --stable_sort_place) {
// CHECK-NEXT:        double p = u[stable_sort_place];
// CHECK-NEXT:        double q = u[stable_sort_place - 1];

ADGEN_REVERSE() ADGEN_FORWARD()
double reversed(double x, double y) {
  double arr[5];
  for (int i = 0; i < 5; ++i)
    arr[i] = std::pow(x, i) + y;
  std::reverse(arr, arr + 5);
  std::reverse(std::begin(arr) + 1, std::end(arr));
  return arr[0] * 2 + arr[3] * arr[1];
}
// CHECK-LABEL: double reversed_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK:         for (; reverse_index < 5 / 2; ++reverse_index) {
// CHECK-NEXT:      double swapped = arr[reverse_index];
// CHECK-NEXT:      arr[reverse_index] = arr[5 - 1 - reverse_index];
// CHECK-NEXT:      arr[5 - 1 - reverse_index] = swapped;
// CHECK:           for (; reverse_index_1 < (5u - 1) / 2; ++reverse_index_1) {
// CHECK-NEXT:        double swapped_1 = arr[1 + reverse_index_1];

ADGEN_REVERSE() ADGEN_FORWARD()
double filled(double x, double y) {
  std::array<double, 4> a;
  a.fill(x * y);
  double b[6];
  std::fill(b, b + 6, y);
  std::fill_n(b + 1, 2, x);
  std::vector<double> c(3);
  std::iota(c.begin(), c.end(), x);
  std::swap(b[0], b[2]);
  std::swap(x, y);
  return a[3] * b[0] + b[2] * c[2] + b[5] * x + c[1] * y;
}
// CHECK-LABEL: double filled_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK:         double fill_value = x * y;
// CHECK:           for (; fill_index < 4; ++fill_index) {
// CHECK-NEXT:        a[fill_index] = fill_value;
// CHECK:         fill_n_count = 1 + 2;
// CHECK-NEXT:    fill_n_index = 1;
// CHECK-NEXT:    for (; fill_n_index < fill_n_count; ++fill_n_index) {
// CHECK-NEXT:      b[fill_n_index] = fill_n_value;
// CHECK:             c[iota_index] = iota_value;
// CHECK-NEXT:        iota_value += 1;
// CHECK:         double swapped = b[0];
// CHECK-NEXT:    b[0] = b[2];
// CHECK-NEXT:    b[2] = swapped;

ADGEN_REVERSE("p[3]") ADGEN_FORWARD("p[3]")
double points(const Pt *p) {
  Pt q[3] = {p[0], p[1], p[2]};
  std::sort(q, q + 3, [](const Pt &a, const Pt &b) { return a.x < b.x; });
  std::swap(q[0], q[1]);
  return q[0].y * q[1].x + q[2].y;
}
// CHECK-LABEL: adgen::Dual<double> points_fwd(const Pt *p, const Pt *d_p) {
// CHECK:         for (int sort_index = 1; sort_index < 3; ++sort_index) {
// CHECK-NEXT:      for (int sort_place = sort_index; sort_place > 0; --sort_place) {
// CHECK-NEXT:        bool lambda = q[sort_place].x < q[sort_place - 1].x;
// CHECK-NEXT:        if (!lambda) {
// CHECK-NEXT:          break;
// CHECK:             d_swapped.x = d_q[sort_place].x;
// CHECK-NEXT:        swapped.x = q[sort_place].x;
