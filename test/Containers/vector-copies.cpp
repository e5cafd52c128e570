// Local std::vectors built as copies (VectorCopies.cpp): `w = v`, `u(w)`
// of a vector, `w(first, last)` of a range (`v.begin() + 1, v.end()`,
// `a, a + 3`, iterator locals), `w.assign(first, last)`, `u = w`, vectors
// of structs; allocator arguments ignored (`w(3, x, al)`, `u(al)`,
// `z(2, al)`, `l({x, 2.0}, al)`); std::array copies. A size known on entry
// is the declaration's (`w(v.size() - 1)`), otherwise the vector is
// declared empty and resized; the elements are copied by a counted loop.
// Forward and reverse, checked with g++ and clang++.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=OK
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=OK
// OK-NOT: FAIL
// OK: 6 passed, 0 failed
#include <adgen/adgen.h>
#include <array>
#include <cmath>
#include <memory>
#include <vector>
struct P { double x, y; };
ADGEN_REVERSE() ADGEN_FORWARD() double copy(const std::vector<double> &v, double x) {
  std::vector<double> w = v;
  w[0] *= x;
  std::vector<double> u(w);
  u[1] = std::sin(u[1] * x);
  return w[0] + w[1] * u[1] + u[0] + static_cast<double>(u.size());
}
ADGEN_REVERSE() ADGEN_FORWARD() double ranges(const std::vector<double> &v, const double *a, double x) {
  std::vector<double> w(v.begin() + 1, v.end());
  std::vector<double> z(a, a + 3);
  auto it = v.begin() + 2;
  std::vector<double> t(it, it + 2);
  w[0] *= x;
  return w[0] * z[2] + t[1] * x + z[0] + t[0] + w.back();
}
ADGEN_REVERSE() ADGEN_FORWARD() double assigns(const std::vector<double> &v, double x) {
  std::vector<double> w(3, x);
  double s = w[2];
  w.assign(v.begin(), v.begin() + 4);
  s += w[3] * x;
  std::vector<double> u;
  u = w;
  u[0] *= x;
  w = v;
  return s + u[0] * w[5] + u[3];
}
ADGEN_REVERSE() ADGEN_FORWARD() double allocs(double x) {
  std::allocator<double> al;
  std::vector<double> w(3, x, al);
  std::vector<double> u(al);
  u.push_back(x * x);
  std::vector<double> z(2, al);
  z[1] = x;
  std::vector<double> l({x, 2.0}, al);
  return w[0] * w[2] + u[0] + z[1] * z[0] + l[0] * l[1];
}
ADGEN_REVERSE() ADGEN_FORWARD() double structs(const std::vector<P> &ps, double x) {
  std::vector<P> qs = ps;
  qs[0].x *= x;
  std::vector<P> rs(ps.begin() + 1, ps.begin() + 3);
  std::array<P, 2> a{{{x, 1.0}, {2.0, x}}};
  std::array<P, 2> b = a;
  b[0].y = qs[0].x;
  return qs[0].x * rs[1].y + b[0].y * b[1].x + qs[5].y;
}

// CHECK-LABEL: double copy_pullback({{.*}}) {
// CHECK: std::vector<double> w(v.size());
// CHECK: std::vector<double> u(0);
// CHECK: for (; k < w.size(); ++k) {
// CHECK-NEXT: w[k] = v[k];
// CHECK: tape.pushResize(u, w.size());
// CHECK: u[k_1] = w[k_1];
// CHECK-LABEL: adgen::Dual<double> copy_fwd({{.*}}) {
// CHECK-LABEL: double ranges_pullback({{.*}}) {
// CHECK: std::vector<double> w(v.size() - 1);
// CHECK: std::vector<double> z(3);
// CHECK: w[k] = v[k + 1];
// CHECK: z[k_1] = a[k_1];
// CHECK: t[k_2] = v[k_2 + static_cast<std::size_t>(it_offset)];
// CHECK-LABEL: adgen::Dual<double> ranges_fwd({{.*}}) {
// CHECK: t.resize(static_cast<std::size_t>(it_offset + 2 - it_offset));
// CHECK-LABEL: double assigns_pullback({{.*}}) {
// CHECK: tape.pushResize(w, 4);
// CHECK: tape.pushResize(u, w.size());
// CHECK: tape.pushResize(w, v.size());
// CHECK-LABEL: adgen::Dual<double> assigns_fwd({{.*}}) {
// CHECK-LABEL: double allocs_pullback({{.*}}) {
// CHECK: std::vector<double> w(3);
// CHECK: std::vector<double> u(0);
// CHECK: std::vector<double> z(2);
// CHECK-NEXT: std::vector<double> l(2);
// CHECK-LABEL: adgen::Dual<double> allocs_fwd({{.*}}) {
// CHECK-LABEL: double structs_pullback({{.*}}) {
// CHECK: std::vector<P> qs(ps.size());
// CHECK: std::vector<P> rs(static_cast<std::size_t>(3 - 1));
// CHECK-LABEL: adgen::Dual<double> structs_fwd({{.*}}) {

// A copy of a parameter the function writes: declared empty and resized.
ADGEN_REVERSE() ADGEN_FORWARD() double written(std::vector<double> &v, double x) {
  std::vector<double> w = v;
  v[0] = w[1] * x;
  return v[0] + w[0];
}
// CHECK-LABEL: double written_pullback({{.*}}) {
// CHECK: std::vector<double> w(0);
// CHECK: tape.pushResize(w, v.size());
// CHECK-LABEL: adgen::Dual<double> written_fwd({{.*}}) {
