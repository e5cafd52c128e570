// --emit=check drives functions that take or return structs, std::vector and
// std::array (fields in declaration order, containers element by element, as
// f_jacobian's layout): the checker flattens them with generated visitors.
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.check.cpp --check-prefix=GEN
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s
#include <adgen/adgen.h>
#include <array>
#include <cmath>
#include <vector>
namespace geo {
struct V3 { double x, y, z; };
struct Body { V3 p; double m; int id; double w[2]; };
}
using geo::V3;
ADGEN_REVERSE() ADGEN_FORWARD()
double energy(const std::vector<geo::Body>& bs, double k) {
  double e = 0;
  for (std::size_t i = 0; i < bs.size(); ++i)
    e += k * bs[i].m * (bs[i].p.x * bs[i].p.x + std::sin(bs[i].p.y) + bs[i].w[1] * bs[i].p.z);
  return e;
}
ADGEN_REVERSE() ADGEN_FORWARD()
void move(geo::Body& b, const V3& v, double dt) {
  b.p.x += dt * v.x;
  b.p.y = b.p.y * std::cos(dt * v.y);
  b.w[0] = std::tanh(b.p.z + v.z);
}
ADGEN_REVERSE("q, a -> return") ADGEN_FORWARD("q, a -> return")
double arr(std::array<double, 3> q, const V3* ps, int n, double a) {
  double s = 0;
  for (int i = 0; i < n; ++i) s += ps[i].x * q[i % 3] * a;
  return s;
}
ADGEN_REVERSE() ADGEN_FORWARD()
V3 scale(const V3& v, double s) { return V3{v.x * s, v.y * std::sin(s), v.z}; }

// GEN: template <typename F> void visit(geo::V3 &x, F &&f);
// GEN: template <typename F> void visit(geo::Body &x, F &&f);
// GEN-LABEL: template <typename F> void visit(geo::Body &x, F &&f) {
// GEN-NEXT:   visit(x.p, f);
// GEN-NEXT:   visit(x.m, f);
// GEN-NEXT:   visit(x.id, f);
// GEN-NEXT:   visit(x.w, f);
// GEN-LABEL: namespace adgen_check_0 {
// GEN: std::vector<geo::Body> a0{};
// CHECK-DAG: ok   energy {{.*}}worst relative error
// CHECK-DAG: ok   move {{.*}}worst relative error
// CHECK-DAG: ok   arr {{.*}}worst relative error
// CHECK-DAG: ok   scale {{.*}}worst relative error
// CHECK: 4 passed, 0 failed
