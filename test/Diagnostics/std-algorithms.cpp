// Standard algorithms over iterators other than the recognised ones
// (test/Containers/std-algorithms.cpp), part of a range, an integer initial
// value, and an iterator kept rather than dereferenced are refused with
// located errors that name the construct (not libstdc++'s internals).
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <algorithm>
#include <numeric>
#include <vector>

ADGEN_REVERSE("v")
double sorted(std::vector<double> &v) {
  // CHECK: std-algorithms.cpp:[[@LINE+1]]:3: error: 'std::sort' over iterators is not supported in differentiated code: adgen recognises std::accumulate, std::inner_product and *std::max_element / *std::min_element over a whole std::vector, std::array or array ('v.begin(), v.end()'); write a loop otherwise
  std::sort(v.begin(), v.end());
  return v[0];
}

ADGEN_REVERSE("v")
double part(const std::vector<double> &v) {
  // CHECK: std-algorithms.cpp:[[@LINE+1]]:26: error: 'std::accumulate' over this range is not supported
  return std::accumulate(v.begin() + 1, v.end(), 0.0);
}

ADGEN_REVERSE("v")
double integer_start(const std::vector<double> &v) {
  // CHECK: std-algorithms.cpp:[[@LINE+1]]:46: error: 'std::accumulate' with an integer initial value adds in integers and drops the fractions; write a floating-point initial value such as '0.0'
  return std::accumulate(v.begin(), v.end(), 0);
}

ADGEN_REVERSE("v")
double kept_iterator(const std::vector<double> &v) {
  // CHECK: std-algorithms.cpp:[[@LINE+1]]:13: error: 'std::max_element' is supported only dereferenced, as the value of the element ('*std::max_element(v.begin(), v.end())')
  auto it = std::max_element(v.begin(), v.end());
  return *it;
}
