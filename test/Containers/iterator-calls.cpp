// Iterators passed to functions with a body: the call is inlined
// (IteratorCalls.cpp), each iterator parameter an iterator local into the
// caller's container with an offset of its own (`b_offset`), or, taken by
// non-const reference (`It &it`), the caller's iterator itself. Templates
// (`template <class It> double sumsq(It b, It e)`), explicit
// `std::vector<double>::const_iterator` / `iterator` parameters,
// std::accumulate over the parameters, writes through them, and
// std::array / array iterators (pointers); forward and reverse, checked
// with g++ and clang++.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=OK
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=OK
// OK-NOT: FAIL
// OK: 4 passed, 0 failed
#include <adgen/adgen.h>
#include <array>
#include <cmath>
#include <iterator>
#include <numeric>
#include <vector>
template <class It> double sumsq(It b, It e) {
  double s = 0;
  for (; b != e; ++b)
    s += *b * *b;
  return s;
}
double head2(std::vector<double>::const_iterator b) { return b[0] * std::sin(b[1]); }
template <class It> double total(It b, It e) { return std::accumulate(b, e, 0.0); }
void scaleAll(std::vector<double>::iterator b, std::vector<double>::iterator e, double k) {
  while (b != e) {
    *b *= k;
    ++b;
  }
}
template <class It> void take(It &it, double &acc) {
  acc += *it;
  ++it;
}
ADGEN_REVERSE() ADGEN_FORWARD() double reads(const std::vector<double> &v, double x) {
  auto it = v.begin() + 1;
  return sumsq(v.begin(), v.end()) + x * head2(it) + total(it, it + 3) + head2(v.cbegin() + 4);
}
ADGEN_REVERSE() ADGEN_FORWARD() double writes(std::vector<double> &v, double x) {
  scaleAll(v.begin() + 2, v.end(), x);
  auto it = v.begin();
  double acc = 0;
  take(it, acc);
  take(it, acc);
  return acc * *it + v[5];
}
ADGEN_REVERSE() ADGEN_FORWARD() double arrays(double x, double y) {
  std::array<double, 4> a{x, y, x * y, 2.0};
  double c[3] = {x, y, 1.0};
  auto p = std::begin(c);
  return sumsq(a.begin(), a.end()) + total(p, std::end(c)) * y;
}

// CHECK-LABEL: double reads_pullback({{.*}}) {
// CHECK: std::ptrdiff_t it_offset = 1;
// CHECK-NEXT: b_offset = 0;
// CHECK-NEXT: std::ptrdiff_t e_offset = static_cast<std::ptrdiff_t>(v.size());
// CHECK: for (; b_offset != e_offset; ++b_offset) {
// CHECK-NEXT: s += v[b_offset] * v[b_offset];
// CHECK: b_offset_1 = it_offset;
// CHECK: head2 = v[b_offset_1] * sincos_v.sin;
// CHECK: e_offset_1 = it_offset + 3;
// CHECK: for (; accumulate_index < e_offset_1; ++accumulate_index) {
// CHECK: b_offset_3 = 4;
// CHECK-LABEL: adgen::Dual<double> reads_fwd({{.*}}) {
// CHECK-LABEL: double writes_pullback({{.*}}) {
// CHECK-LABEL: adgen::Dual<double> writes_fwd({{.*}}) {
// CHECK: std::ptrdiff_t b_offset = 2;
// CHECK: while (b_offset != e_offset) {
// CHECK-NEXT: d_v[b_offset] = d_v[b_offset] * k + d_k * v[b_offset];
// CHECK: d_acc += d_v[it_offset];
// CHECK-NEXT: acc += v[it_offset];
// CHECK-NEXT: ++it_offset;
// CHECK-LABEL: double arrays_pullback({{.*}}) {
// CHECK-LABEL: adgen::Dual<double> arrays_fwd({{.*}}) {

// Called in a loop, three iterators moved in the callee; a generic lambda
// taking iterators.
template <class It> double dot2(It b, It e, It c) {
  double s = 0;
  while (b != e)
    s += *b++ * *c++;
  return s;
}
ADGEN_REVERSE() ADGEN_FORWARD() double loops(const std::vector<double> &v, double x) {
  double s = 0;
  for (int i = 0; i < 3; ++i) {
    auto it = v.begin() + i;
    s += dot2(it, it + 2, v.begin() + 5) * x;
    s += *it;
  }
  auto g = [](auto b, auto e) { return std::accumulate(b, e, 0.0); };
  return s + g(v.begin() + 1, v.end());
}
// CHECK-LABEL: double loops_pullback({{.*}}) {
// CHECK: c_offset = 5;
// CHECK: while (b_offset != e_offset) {
// CHECK-LABEL: adgen::Dual<double> loops_fwd({{.*}}) {
