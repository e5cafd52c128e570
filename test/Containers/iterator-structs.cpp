// Iterator locals over std::vectors, std::arrays and arrays of structs: the
// iterator is its container and an offset (IteratorLocals.cpp), `it->x`,
// `(*it).y`, `it[-1].x` and `it->x += ...` are fields of the element at the
// offset, `it->norm2()` a member function called on it, `P q = *last` and
// `*first = q` copy field by field; range-for over structs as before.
// Forward and reverse, checked with g++ and clang++.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=OK
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=OK
// OK-NOT: FAIL
// OK: 4 passed, 0 failed
#include <adgen/adgen.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <vector>
struct P {
  double x, y;
  double norm2() const { return x * x + y * y; }
};
ADGEN_REVERSE() ADGEN_FORWARD() double fields(const std::vector<P> &ps) {
  double s = 0;
  for (auto it = ps.begin(); it != ps.end(); ++it)
    s += it->x * (*it).y;
  for (std::vector<P>::const_iterator it = ps.cbegin() + 1; it < ps.cend(); it += 2)
    s += std::sin(it->y) * it[-1].x;
  return s;
}
ADGEN_REVERSE() ADGEN_FORWARD() double update(std::vector<P> &ps, double k) {
  for (auto it = ps.begin(); it != ps.end(); ++it) {
    it->x += k * it->y;
    (*it).y *= k;
  }
  double s = 0;
  for (const P &p : ps)
    s += p.x * p.y;
  return s;
}
ADGEN_REVERSE() ADGEN_FORWARD() double methods(double x, double y) {
  P a[3] = {{x, y}, {y, x}, {x * y, 1.0}};
  std::array<P, 2> b{{{x, 2.0}, {y, 3.0}}};
  double s = 0;
  for (auto it = std::begin(a); it != std::end(a); ++it)
    s += it->norm2();
  for (auto it = b.begin(); it != b.end(); ++it)
    s += it->x * it->y + it[0].norm2();
  auto last = std::end(a) - 1;
  P q = *last;
  auto first = std::begin(a);
  *first = q;
  return s + q.x + last->y * a[0].y;
}

// CHECK-LABEL: double fields_pullback({{.*}}) {
// CHECK: for (; it_offset != static_cast<std::ptrdiff_t>(ps.size()); ++it_offset) {
// CHECK-NEXT: s += ps[it_offset].x * ps[it_offset].y;
// CHECK: s += std::sin(ps[it_offset_1].y) * ps[it_offset_1 + static_cast<std::ptrdiff_t>(static_cast<long>(-1))].x;
// CHECK: --it_offset;
// CHECK-NEXT: (*d_ps)[it_offset].x += d_s * ps[it_offset].y;
// CHECK-LABEL: adgen::Dual<double> fields_fwd({{.*}}) {
// CHECK-LABEL: double update_pullback({{.*}}) {
// CHECK: ps[it_offset].x += k * ps[it_offset].y;
// CHECK: ps[it_offset].y = ps[it_offset].y * k;
// CHECK-LABEL: adgen::Dual<double> update_fwd({{.*}}) {
// CHECK-LABEL: double methods_pullback({{.*}}) {
// CHECK: for (; it_offset != 3; ++it_offset) {
// CHECK: P_norm2_result = ::adgen_detail::P_norm2_record(a[it_offset]);
// CHECK: P_norm2_result_1 = ::adgen_detail::P_norm2_record(b[it_offset_1]);
// CHECK-NEXT: s += b[it_offset_1].x * b[it_offset_1].y + P_norm2_result_1;
// CHECK: last_offset = 3 - 1;
// CHECK-NEXT: q.x = a[last_offset].x;
// CHECK: a[first_offset].x = q.x;
// CHECK-LABEL: adgen::Dual<double> methods_fwd({{.*}}) {

// A member function that writes the element; std::sort of structs between
// ps.begin() and an iterator variable, with a comparator.
struct Q {
  double x, y;
  void scale(double k) {
    x *= k;
    y *= k;
  }
};
ADGEN_REVERSE() ADGEN_FORWARD() double scaled(std::vector<Q> &ps, double k) {
  for (auto it = ps.begin(); it != ps.end(); ++it)
    it->scale(k);
  auto m = ps.begin() + 2;
  std::sort(ps.begin(), m, [](const Q &a, const Q &b) { return a.x < b.x; });
  return ps[0].x * ps[1].y + ps[2].x;
}
// CHECK-LABEL: double scaled_pullback({{.*}}) {
// CHECK: ::adgen_detail::Q_scale_record(ps[it_offset], k, tape);
// CHECK: sort_count = m_offset;
// CHECK-LABEL: adgen::Dual<double> scaled_fwd({{.*}}) {
