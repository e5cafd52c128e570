// Copies into a local std::vector that adgen does not support (see
// test/Containers/vector-copies.cpp for the ones it does): a copy of a
// call's result or of a moved vector, a vector's elements copied into
// itself, and a braced list assigned, are refused with a located error
// that names the construct; no output.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <utility>
#include <vector>

std::vector<double> twice(double x) { return {x, 2 * x}; }

ADGEN_REVERSE()
double fromCall(double x) {
  // CHECK: vector-copies.cpp:[[@LINE+1]]:27: error: a std::vector is copied only from a variable or a field ('w = v'); copying the result of a call, or a vector moved with std::move, is not supported (copy from a variable)
  std::vector<double> w = twice(x);
  return w[0];
}

ADGEN_REVERSE()
double moved(double x) {
  std::vector<double> v{x, x};
  // CHECK: vector-copies.cpp:[[@LINE+1]]:27: error: a std::vector is copied only from a variable or a field
  std::vector<double> w = std::move(v);
  return w[0];
}

ADGEN_REVERSE()
double itself(double x) {
  std::vector<double> w{x, 2 * x, 3 * x};
  // CHECK: vector-copies.cpp:[[@LINE+1]]:3: error: copying std::vector 'w' or its elements into itself is not supported; copy through a second vector
  w.assign(w.begin() + 1, w.end());
  return w[0];
}

ADGEN_REVERSE()
double list(double x) {
  std::vector<double> w;
  // CHECK: vector-copies.cpp:[[@LINE+1]]:3: error: assigning a braced list to std::vector 'w' is not supported; assign the elements, or declare the vector with the list
  w = {x, x};
  return w[0];
}

ADGEN_REVERSE()
double param(std::vector<double> &out, const std::vector<double> &v) {
  // CHECK: vector-copies.cpp:[[@LINE+1]]:3: error: 'std::vector::=' changes the size of a std::vector that the function does not own
  out = v;
  return v[0];
}
