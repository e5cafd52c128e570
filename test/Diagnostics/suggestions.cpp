// Misspelled or unqualified names get a suggestion: functions named on the
// command line (by qualified-name suffix, else by spelling), parameters in a
// spec (by spelling), `this` (specs call the object `self`), and a field of
// the object (name `self`). Nothing is written.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
// RUN: not %adgen %s -o %t.out --reverse 'book_value: rate' --reverse 'qf::bok_value' --forward 'Pricer::price' --jacobian 'nothing_like_it' -- -std=c++17 -DNO_MARKERS 2>&1 | FileCheck %s --check-prefix=CLI --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

namespace qf {
#ifndef NO_MARKERS
// CHECK: suggestions.cpp:[[@LINE+1]]:16: error: 'rat' is not a parameter of 'book_value'; did you mean 'rate'?
ADGEN_REVERSE("rat, x[nn]")
// CHECK: suggestions.cpp:[[@LINE-1]]:23: error: length of 'x' uses 'nn', which is not a parameter of 'book_value'; did you mean 'n'?
#endif
double book_value(double rate, const double *x, int n) { return rate * x[0] * n; }

struct Pricer {
  double k;
#ifndef NO_MARKERS
  // CHECK: suggestions.cpp:[[@LINE+2]]:18: error: 'this' is not a parameter of 'price'; specs name the object of a member function 'self'
  // CHECK: suggestions.cpp:[[@LINE+1]]:24: error: 'k' is not a parameter of 'price'; 'k' is a field of the object: name 'self' to make the object active
  ADGEN_FORWARD("this, k, spot")
#endif
  double price(double spot) const { return k * spot; }
};
} // namespace qf

#ifndef NO_MARKERS
// CHECK: suggestions.cpp:[[@LINE+1]]:16: error: 'xs' is not a parameter of 'g'; did you mean 'x'?
ADGEN_FORWARD("xs")
double g(double x) { return x; }
#endif

// CLI: error: in --reverse 'book_value: rate': no function named 'book_value' is defined in the input; did you mean 'qf::book_value'?
// CLI: error: in --reverse 'qf::bok_value': no function named 'qf::bok_value' is defined in the input; did you mean 'qf::book_value'?
// CLI: error: in --forward 'Pricer::price': no function named 'Pricer::price' is defined in the input; did you mean 'qf::Pricer::price'?
// CLI: error: in --jacobian 'nothing_like_it': no function named 'nothing_like_it' is defined in the input{{$}}
