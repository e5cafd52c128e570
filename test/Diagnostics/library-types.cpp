// std::complex of an integer type, std::tuple of non-numbers, std::get by type, and the <complex> functions adgen does not
// lower (tan, asin, proj, ...), get a located error that names them; a
// Hessian of a function with complex locals keeps the refusal of structs.
// No output file is written.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <complex>

ADGEN_REVERSE()
double gain(double a, std::complex<int> k) {
  // CHECK: library-types.cpp:[[@LINE+1]]:14: error: std::complex of 'int' is not supported; adgen differentiates std::complex of float, double and long double
  return a * k.real();
}

ADGEN_REVERSE()
double tangent(double a) {
  std::complex<double> z(a, 2 * a);
  // CHECK: library-types.cpp:[[@LINE+1]]:10: error: 'std::tan' of a std::complex is not supported in differentiated code (supported: + - * / == != and their assignments, real, imag, abs, arg, norm, conj, polar, exp, log, sqrt, pow, sin, cos, sinh, cosh)
  return std::tan(z).real();
}

// A std::tuple with a member that is not a number, and std::get by type.
#include <string>
#include <tuple>
ADGEN_REVERSE()
// CHECK: library-types.cpp:[[@LINE+1]]:66: error: parameter 't' has type 'const std::tuple<double, std::string> &': 'std::tuple<double, std::string>' is not supported; adgen differentiates std::pair and std::tuple of numbers
double labelled(double x, const std::tuple<double, std::string> &t) {
  return x * std::get<0>(t);
}
ADGEN_REVERSE()
double by_type(double x) {
  // CHECK: library-types.cpp:[[@LINE+1]]:10: error: std::get by type is not supported; use std::get<I> with an index
  return std::get<double>(std::make_tuple(x, 1));
}

// Of a parameter that holds no number, only const member functions that
// return an integer are kept (test/Classes/inactive-methods.cpp); a local
// A std::string local whose initialiser reads a variable of the function.
ADGEN_REVERSE()
double tag_part(double x, const std::string &tag) {
  // CHECK: library-types.cpp:[[@LINE+1]]:14: error: 'std::basic_string<char>::compare' of 'tag' is not supported in differentiated code (of a value that holds no number, adgen calls const member functions that return an integer, such as 'size()')
  return x * tag.compare("a");
}
ADGEN_REVERSE()
double local_text(double x, int n) {
  // CHECK: library-types.cpp:[[@LINE+1]]:20: error: local variable 'name' of type 'std::string' (a value that holds no number) is initialised from 'n'; adgen copies such a value into the generated functions with its initialiser, which may read only literals, globals and other values that hold no number
  std::string name(n, 'x');
  return x * name.size();
}
