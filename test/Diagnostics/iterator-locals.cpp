// Iterator locals into a tracked container are supported (test/Containers/
// iterator-loops.cpp); an iterator that the container's resizing would
// invalidate, iterators into different containers compared or assigned, and
// an iterator passed on are refused with an error that names the construct;
// no output.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <vector>

ADGEN_REVERSE()
double grow(double x) {
  std::vector<double> v{x, 2 * x};
  double s = 0;
  for (auto it = v.begin(); it != v.end(); ++it) {
    s += *it;
    // CHECK: iterator-locals.cpp:[[@LINE+1]]:7: error: 'v' changes size while iterator 'it' into it is in use, which invalidates the iterator; this is not supported (use an index)
    v.push_back(s);
  }
  return s;
}

void grow(std::vector<double> &v) { v.push_back(1.0); }

ADGEN_REVERSE()
double regrow(const std::vector<double> &w, double x) {
  std::vector<double> v{x, 2 * x};
  auto it = v.begin();
  double s = *it;
  // CHECK: iterator-locals.cpp:[[@LINE+1]]:3: error: 'v' changes size while iterator 'it' into it is in use
  grow(v);
  return s + *it;
}

ADGEN_REVERSE()
double reassign(const std::vector<double> &w, double x) {
  std::vector<double> v{x, 2 * x};
  auto it = v.begin();
  double s = *it;
  // CHECK: iterator-locals.cpp:[[@LINE+1]]:5: error: 'v' changes size while iterator 'it' into it is in use
  v = w;
  return s + *it;
}

ADGEN_REVERSE()
double two(const std::vector<double> &a, const std::vector<double> &b) {
  double s = 0;
  // CHECK: iterator-locals.cpp:[[@LINE+1]]:32: error: comparing or subtracting iterators into different containers is not supported
  for (auto it = a.begin(); it != b.end(); ++it)
    s += *it;
  return s;
}

ADGEN_REVERSE()
double reseat(const std::vector<double> &a, const std::vector<double> &b) {
  auto it = a.begin();
  double s = *it;
  // CHECK: iterator-locals.cpp:[[@LINE+1]]:6: error: assigning an iterator into another container is not supported (use a second iterator)
  it = b.begin();
  return s + *it;
}

double head(std::vector<double>::const_iterator it) { return *it; }

ADGEN_REVERSE()
double passOn(const std::vector<double> &a) {
  auto it = a.begin();
  // CHECK: iterator-locals.cpp:[[@LINE+1]]:10: error: call to 'head', whose parameter or result types adgen does not support: field '_M_current' of '__normal_iterator' is a pointer or reference
  return head(it);
}

struct P { double x, y; };

ADGEN_REVERSE()
double fields(const std::vector<P> &ps) {
  double s = 0;
  // CHECK: iterator-locals.cpp:[[@LINE+1]]:18: error: an iterator over elements that are not numbers (structs, containers, pointers) is not supported; use an index
  for (auto it = ps.begin(); it != ps.end(); ++it)
    s += it->x;
  return s;
}
