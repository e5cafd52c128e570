// Printing is accepted for numbers, literals and std::endl to stdout, stderr,
// std::cout, std::cerr and std::clog (test/Calls/printing.cpp); what adgen
// cannot keep exactly is refused with a located error, and no output file is
// written.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

struct Vec {
  double a, b;
};
std::ostream &operator<<(std::ostream &os, const Vec &v) { return os << v.a << ' ' << v.b; }

ADGEN_REVERSE()
double user_operator(double x) {
  Vec v{x, 2 * x};
  // CHECK: printing.cpp:[[@LINE+1]]:16: error: printing a value of type 'Vec' is not supported: only numbers, string and character literals and std::endl can be printed in differentiated code
  std::cout << v << '\n';
  return x * x;
}

ADGEN_REVERSE()
double manipulator(double x) {
  // CHECK: printing.cpp:[[@LINE+1]]:16: error: printing a value of type '{{.*}}' is not supported
  std::cout << std::setprecision(3) << x;
  return x * x;
}

FILE *g_log;

ADGEN_FORWARD()
double to_file(double x) {
  // CHECK: printing.cpp:[[@LINE+1]]:16: error: 'fprintf' to a file other than stdout or stderr is not supported in differentiated code
  std::fprintf(g_log, "%g\n", x);
  return x * x;
}

std::ostringstream g_os;

ADGEN_FORWARD()
double other_stream(double x) {
  // CHECK: printing.cpp:[[@LINE+1]]:3: error: printing to a stream other than std::cout, std::cerr or std::clog is not supported in differentiated code
  g_os << x;
  return x * x;
}

ADGEN_REVERSE()
double format_variable(double x, const char *fmt) {
  // CHECK: printing.cpp:[[@LINE+1]]:15: error: the format or text of 'printf' must be a string literal in differentiated code
  std::printf(fmt, x);
  return x * x;
}

ADGEN_REVERSE()
double value_used(double x) {
  // CHECK: printing.cpp:[[@LINE+1]]:11: error: the value of a call that prints is not supported in differentiated code; print in a statement of its own
  int n = std::printf("%g\n", x);
  return x * n;
}
