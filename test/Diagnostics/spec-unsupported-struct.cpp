// A spec naming a struct parameter adgen cannot differentiate says why (which
// field, what is wrong with it), not that the parameter "carries no
// derivative"; that is for a supported struct without floating-point fields.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not="carries no derivative;"
// RUN: test ! -e %t.out
// And likewise from the command line.
// RUN: not %adgen %s --reverse 'qf::value: b, x' -o %t.out -- -std=c++17 -DNO_MARKERS 2>&1 | FileCheck %s --check-prefix=CLI
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <string>

namespace qf {
struct Bond {
  double rate;
  std::string name;
};
struct Holder {
  double a;
  double *p;
};
struct Ids {
  int id, count;
};

#ifndef NO_MARKERS
// CHECK: spec-unsupported-struct.cpp:[[@LINE+3]]:16: error: parameter 'b' has type 'const Bond &': field 'name' of 'Bond' has type 'std::string', which is not trivially copyable; adgen supports structs of values (numbers, and structs and fixed-size arrays of them)
// CHECK: spec-unsupported-struct.cpp:[[@LINE+2]]:19: error: parameter 'h' has type 'Holder': field 'p' of 'Holder' is a pointer or reference; adgen supports structs of values
// CHECK: spec-unsupported-struct.cpp:[[@LINE+1]]:22: error: parameter 'i' has type 'Ids', which carries no derivative: no field of 'qf::Ids' is floating-point
ADGEN_REVERSE("b, h, i, x")
#endif
double value(const Bond &b, Holder h, Ids i, double x) { return b.rate * h.a * i.id * x; }
} // namespace qf

// An anonymous struct is named by its typedef, here and in a local's error.
#include <vector>
typedef struct {
  std::vector<float> vector;
} Struct2;
#ifndef NO_MARKERS
// CHECK: spec-unsupported-struct.cpp:[[@LINE+3]]:78: error: local variable 's' has type 'Struct2': field 'vector' of 'Struct2' has type 'std::vector<float>', which is not trivially copyable
ADGEN_REVERSE()
#endif
float sil(float a) { float result = 0; for (int i = 0; i < 1; i++) { Struct2 s; float size = 1; if (!s.vector.size()) size = 0; result = size + a; } return result; }
// CLI: error: in --reverse 'qf::value: b, x': parameter 'b' has type 'const Bond &': field 'name' of 'Bond' has type 'std::string', which is not trivially copyable
