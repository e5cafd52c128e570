// Standard algorithms over iterators other than the recognised ones
// (test/Containers/std-algorithms.cpp), iterator variables into another
// container than the range's other end, an
// operation without a body, an integer initial value, and an iterator kept
// rather than dereferenced are refused with located errors that name the
// construct (not libstdc++'s internals).
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>
#include <iterator>

ADGEN_REVERSE("v")
double partial(std::vector<double> &v) {
  // CHECK: std-algorithms.cpp:[[@LINE+1]]:3: error: 'std::partial_sum' over iterators is not supported in differentiated code: adgen recognises std::accumulate, std::inner_product, *std::max_element / *std::min_element, std::transform / std::for_each, std::sort / std::stable_sort, std::reverse, std::fill / std::fill_n, std::copy / std::copy_n and std::iota, over a std::vector, std::array, array or pointer, whole or in part ('v.begin(), v.end()', 'std::begin(a), std::end(a)', 'a, a + n', 'v.begin() + k, v.end()', 'v.data(), v.data() + n'); write a loop otherwise
  std::partial_sum(v.begin(), v.end(), v.begin());
  return v[0];
}

struct P {
  double x, y;
  bool operator<(const P &o) const { return x < o.x; }
};

ADGEN_REVERSE("p")
double sorted_structs(P *p) {
  // CHECK: std-algorithms.cpp:[[@LINE+1]]:3: error: 'std::sort' of structs needs a comparator: 'std::sort(first, last, [](const S &a, const S &b) { return a.x < b.x; })'
  std::sort(p, p + 3);
  return p[0].y;
}

ADGEN_REVERSE("v")
double swapped_vectors(std::vector<double> &v) {
  std::vector<double> w(3);
  // CHECK: std-algorithms.cpp:[[@LINE+1]]:3: error: 'std::swap' of std::vectors or pointers is not supported; swap their elements in a loop
  std::swap(v, w);
  return v[0];
}

ADGEN_REVERSE("v")
double copy_value(std::vector<double> &v, const std::vector<double> &w) {
  // CHECK: std-algorithms.cpp:[[@LINE+1]]:15: error: the value of 'std::copy' is not supported; call it as a statement of its own
  double *e = std::copy(w.data(), w.data() + 3, v.data());
  return v[0] * e[0];
}

ADGEN_REVERSE("v")
double kept_begin(const std::vector<double> &v, const std::vector<double> &w) {
  auto first = v.begin() + 1;
  // CHECK: std-algorithms.cpp:[[@LINE+1]]:33: error: 'std::accumulate' over this range is not supported
  return std::accumulate(first, w.end(), 0.0);
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

ADGEN_REVERSE("v")
double two_vectors(std::vector<double> &v, const std::vector<double> &w,
                   const std::vector<double> &u) {
  // CHECK: std-algorithms.cpp:[[@LINE+1]]:33: error: 'std::transform' over this range is not supported: adgen recognises
  std::transform(w.begin() + 1, u.end(), v.begin(), [](double x) { return x * x; });
  return v[0];
}

double twice(double x);
ADGEN_REVERSE("v")
double function_operation(std::vector<double> &v) {
  // CHECK: std-algorithms.cpp:[[@LINE+1]]:49: error: 'std::transform' with function 'twice' as its operation needs the function's body; wrap it in a lambda ('[](double v) { return twice(v); }')
  std::transform(v.begin(), v.end(), v.begin(), twice);
  return v[0];
}

struct Identity {
  template <typename T> T operator()(T x) const { return x; }
};
ADGEN_REVERSE("v")
double generic_operation(std::vector<double> &v) {
  Identity op;
  // CHECK: std-algorithms.cpp:[[@LINE+1]]:49: error: 'std::transform' is supported with a lambda, a function with a body, an object with one operator() or std::plus<> / std::multiplies<> (and kin) as its operation; a generic lambda must be used with one element type
  std::transform(v.begin(), v.end(), v.begin(), op);
  return v[0];
}

ADGEN_REVERSE("x")
double kept_result(double *x) {
  // CHECK: std-algorithms.cpp:[[@LINE+1]]:17: error: the value of 'std::transform' is not supported; call it as a statement of its own
  double *end = std::transform(x, x + 2, x, [](double t) { return t * t; });
  return end[-1];
}

ADGEN_REVERSE("v")
double named_mutable(std::vector<double> &v, double s) {
  auto running = [s](double &x) mutable { s += x; x = s; };
  // CHECK: std-algorithms.cpp:[[@LINE+1]]:37: error: a 'mutable' lambda with captures by copy passed to 'std::for_each' by name is not supported (the algorithm changes a copy of it); write the lambda in place or capture by reference
  std::for_each(v.begin(), v.end(), running);
  return v[0];
}

ADGEN_REVERSE("v")
double grow_output(const std::vector<double> &v) {
  std::vector<double> out;
  // CHECK: std-algorithms.cpp:[[@LINE+1]]:38: error: 'std::transform' over this range is not supported: adgen recognises
  std::transform(v.begin(), v.end(), std::back_inserter(out), [](double x) { return x; });
  return out[0];
}

ADGEN_REVERSE("v")
double two_types(std::vector<double> &v, std::vector<float> &w) {
  auto sq = [](auto &x) { x = x * x; };
  // CHECK: std-algorithms.cpp:[[@LINE+1]]:37: error: 'std::for_each' is supported with a lambda, a function with a body
  std::for_each(v.begin(), v.end(), sq);
  std::for_each(w.begin(), w.end(), sq);
  return v[0] + w[0];
}
