// Iterator locals over std::vector, std::array and arrays: kept as the
// container and an integer offset (`it_offset`), like a moved pointer.
// Loops with ++it, it++, it += k, *it++, *(it + k), it[k], explicit iterator
// and const_iterator types, std::begin/std::end, `auto end = v.end()`,
// `it < end`, iterator copies and iterator differences; forward and reverse,
// checked against finite differences with g++ and clang++.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=OK
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=OK
// OK-NOT: FAIL
// OK: 7 passed, 0 failed
#include <adgen/adgen.h>
#include <array>
#include <cstddef>
#include <cmath>
#include <iterator>
#include <vector>
ADGEN_REVERSE() ADGEN_FORWARD() double f1(const std::vector<double> &v) {
  double s = 0;
  for (std::vector<double>::const_iterator it = v.cbegin(); it != v.cend(); it++) s += *it * *it;
  return s;
}
ADGEN_REVERSE() ADGEN_FORWARD() double f2(std::vector<double> &v, double x) {
  auto end = v.end();
  for (std::vector<double>::iterator it = v.begin(); it < end; it += 2) *it *= x;
  double s = 0;
  auto it = v.begin();
  while (it != v.end()) s += std::sin(*it++);
  return s;
}
ADGEN_REVERSE() ADGEN_FORWARD() double f3(double x, double y) {
  std::array<double, 4> a{x, y, x * y, y - x};
  double s = 0;
  for (auto it = std::begin(a); it + 1 != std::end(a); ++it) s += *(it + 1) * it[0];
  auto b = a.begin() + 1;
  b[1] = b[0] * 3.0;
  return s + *b + a[2] + static_cast<double>(std::end(a) - b);
}
ADGEN_REVERSE() ADGEN_FORWARD() double f4(const double *p, double x) {
  double c[3] = {p[0], x * p[1], p[2]};
  double s = 1;
  for (auto it = std::begin(c), e = std::end(c); it != e; ++it) s *= *it + x;
  auto r = std::end(c);
  --r; r -= 1;
  return s + *r;
}

ADGEN_REVERSE() ADGEN_FORWARD() double survey(double x, double y) {
  std::vector<double> v;
  for (int i = 0; i < 4; ++i)
    v.push_back(x * i + y);
  double s = 0;
  for (auto it = v.begin(); it != v.end(); ++it)
    s += *it * *it;
  return s;
}

ADGEN_REVERSE() ADGEN_FORWARD() double pairs(const std::vector<double> &v) {
  double s = 0;
  for (auto it = v.begin(); it != v.end(); ++it) {
    auto next = it + 1;
    if (next != v.end())
      s += *it * *next / static_cast<double>(v.end() - next);
  }
  return s;
}


ADGEN_REVERSE() ADGEN_FORWARD() double back(std::vector<double> &v, double x) {
  double s = 0;
  for (auto it = v.end(); it != v.begin();) {
    --it;
    s = s * x + *it;
    *it = std::exp(*it) * s;
  }
  double a[4] = {x, 2 * x, x * x, 1};
  auto last = std::end(a) - 1;
  while (last >= std::begin(a)) {
    s += *last * last[0];
    last -= 2;
  }
  return s;
}

// CHECK-LABEL: double f1_pullback({{.*}}) {
// CHECK: std::ptrdiff_t it_offset = 0;
// CHECK: for (; it_offset != static_cast<std::ptrdiff_t>(v.size());) {
// CHECK-NEXT: s += v[it_offset] * v[it_offset];
// CHECK: --it_offset;
// CHECK-NEXT: (*d_v)[it_offset] += d_s * v[it_offset] + d_s * v[it_offset];
// CHECK-LABEL: adgen::Dual<double> f1_fwd({{.*}}) {
// CHECK: for (std::ptrdiff_t it_offset = 0; it_offset != static_cast<std::ptrdiff_t>(v.size());) {
// CHECK-LABEL: double f2_pullback({{.*}}) {
// CHECK: std::ptrdiff_t end_offset = static_cast<std::ptrdiff_t>(v.size());
// CHECK: for (; it_offset < end_offset; it_offset += 2) {
// CHECK: old = it_offset_1;
// CHECK-NEXT: ++it_offset_1;
// CHECK-NEXT: s += std::sin(v[old]);
// CHECK: it_offset -= 2;
// CHECK-LABEL: adgen::Dual<double> f2_fwd({{.*}}) {
// CHECK: d_v[it_offset] = d_v[it_offset] * x + d_x * v[it_offset];
// CHECK-LABEL: double f3_pullback({{.*}}) {
// CHECK: for (; it_offset + 1 != 4; ++it_offset) {
// CHECK-NEXT: s += a[it_offset + 1] * a[it_offset];
// CHECK: b_offset = 1;
// CHECK: a[b_offset + 1] = a[b_offset] * 3.0;
// CHECK: result = s + a[b_offset] + a[2] + static_cast<double>(4 - b_offset);
// CHECK-LABEL: adgen::Dual<double> f3_fwd({{.*}}) {
// CHECK: std::ptrdiff_t b_offset = 1;
// CHECK-LABEL: double f4_pullback({{.*}}) {
// CHECK: std::ptrdiff_t e_offset = 3;
// CHECK-NEXT: for (; it_offset != e_offset; ++it_offset) {
// CHECK: r_offset = 3;
// CHECK-NEXT: --r_offset;
// CHECK-NEXT: --r_offset;
// CHECK-NEXT: result = s + c[r_offset];
// CHECK-LABEL: adgen::Dual<double> f4_fwd({{.*}}) {
// CHECK-LABEL: double survey_pullback({{.*}}) {
// CHECK: for (; it_offset != static_cast<std::ptrdiff_t>(v.size()); ++it_offset) {
// CHECK-NEXT: s += v[it_offset] * v[it_offset];
// CHECK: d_v[it_offset] += d_s * v[it_offset] + d_s * v[it_offset];
// CHECK-LABEL: adgen::Dual<double> survey_fwd({{.*}}) {
// CHECK-LABEL: double pairs_pullback({{.*}}) {
// CHECK: next_offset = it_offset + 1;
// CHECK-NEXT: if (next_offset != static_cast<std::ptrdiff_t>(v.size())) {
// CHECK: (*d_v)[next_offset] += adj_2 * v[it_offset];
// CHECK-LABEL: adgen::Dual<double> pairs_fwd({{.*}}) {
// CHECK-LABEL: double back_pullback({{.*}}) {
// CHECK: it_offset = static_cast<std::ptrdiff_t>(v.size());
// CHECK: last_offset = 4 - 1;
// CHECK: while (last_offset >= 0) {
// CHECK-LABEL: adgen::Dual<double> back_fwd({{.*}}) {
