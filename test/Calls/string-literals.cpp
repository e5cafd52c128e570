// String literals carry no derivative: passed to a helper's `const char *`
// parameter, kept in a struct's `const char *` field or a `const char *`
// local, or compared through a helper, they are copied into the generated
// code as they are.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=OK
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=OK
// OK-NOT: FAIL
// OK: 3 passed, 0 failed
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
// CHECK-LABEL: adgen::Dual<double> literal_arg_fwd(double x, double y, double d_x, double d_y) {
// CHECK:         adgen::Dual<double> check_and_return_dual = ::adgen_detail::check_and_return_fwd(x, 97, "aa", d_x);
// CHECK:         adgen::Dual<double> check_and_return_dual_1 = ::adgen_detail::check_and_return_fwd(y, 97, "ba", d_y);

struct Labelled {
  double v;
  const char *label;
};

ADGEN_REVERSE() ADGEN_FORWARD()
double label_field(double x, double y) {
  Labelled l{x, "name"};
  return l.v * y * std::sin(x);
}
// CHECK-LABEL: double label_field_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK:         l_v = x;

ADGEN_REVERSE() ADGEN_FORWARD()
double literal_local(double x, double y) {
  const char *tag = "abcd";
  return check_and_return(x * y, 'a', tag) + y;
}
// CHECK-LABEL: double literal_local_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK:         const char *tag = "abcd";
