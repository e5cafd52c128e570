// String literals carry no derivative: passed to a helper's `const char *`
// parameter, kept in a struct's `const char *` field, or compared through
// a helper, they are copied into the generated code as they are.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=OK
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=OK
// OK-NOT: FAIL
// OK: 2 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

double check_and_return(double x, char c, const char *s) {
  if (c == 'a' && s[0] == 'a')
    return x * x;
  return 1;
}

ADGEN_REVERSE() ADGEN_FORWARD()
double literal_arg(double x, double y) {
  return check_and_return(x, 'a', "aa") * y + check_and_return(y, 'a', "ba");
}

struct Labelled {
  double v;
  const char *label;
};

ADGEN_REVERSE() ADGEN_FORWARD()
double label_field(double x, double y) {
  Labelled l{x, "name"};
  return l.v * y * std::sin(x);
}
