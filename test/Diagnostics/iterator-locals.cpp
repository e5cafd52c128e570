// Iterator locals into a tracked container are supported (test/Containers/
// iterator-loops.cpp); an iterator that the container's resizing would
// invalidate, iterators into different containers compared or assigned,
// and an iterator passed to a function adgen
// cannot inline (no body, recursive, a member function, returning an
// iterator, or one that could resize the container) are refused with an
// error that names the construct; no output.
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

double head(std::vector<double>::const_iterator it);

ADGEN_REVERSE()
double passOn(const std::vector<double> &a) {
  auto it = a.begin();
  // CHECK: iterator-locals.cpp:[[@LINE+1]]:10: error: call to 'head', which takes an iterator, needs the function's body: adgen inlines such calls
  return head(it);
}

struct P { double x, y; };

template <class It> double rsum(It b, It e) { return b == e ? 0.0 : *b + rsum(b + 1, e); }

ADGEN_REVERSE()
double recursive(const std::vector<double> &v) {
  // CHECK: iterator-locals.cpp:[[@LINE-4]]:74: error: recursive call to 'rsum' with an iterator is not supported; pass the container and indices instead
  return rsum(v.begin(), v.end());
}

template <class It> It second(It b) { return b + 1; }

ADGEN_REVERSE()
double returnsIterator(const std::vector<double> &v) {
  // CHECK: iterator-locals.cpp:[[@LINE+1]]:11: error: 'second' takes an iterator and returns an iterator, pointer or reference, which is not supported; return an index or a value
  return *second(v.begin());
}

double grows(std::vector<double> &v, std::vector<double>::iterator it) {
  v.push_back(*it);
  return *it;
}

ADGEN_REVERSE()
double resizing(std::vector<double> &v) {
  // CHECK: iterator-locals.cpp:[[@LINE+1]]:10: error: 'grows' takes an iterator and std::vector 'v' by non-const reference or pointer, so it could change the vector's size and invalidate the iterator; this is not supported (pass the container and an index)
  return grows(v, v.begin());
}

struct Sum {
  double of(std::vector<double>::const_iterator b) const { return *b; }
};

ADGEN_REVERSE()
double member(const std::vector<double> &v) {
  Sum s;
  // CHECK: iterator-locals.cpp:[[@LINE+1]]:10: error: passing an iterator to member function 'of' is not supported; pass the container and an index
  return s.of(v.begin());
}

ADGEN_REVERSE()
double arrow(const std::vector<P> &ps, const std::vector<P> &qs) {
  auto it = ps.begin();
  // CHECK: iterator-locals.cpp:[[@LINE+1]]:36: error: comparing or subtracting iterators into different containers is not supported
  return it->x + (it + 1)->y + (it != qs.end());
}
