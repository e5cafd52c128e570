// What stays refused around std::vectors that change size
// (test/Containers/vector-growth.cpp shows what works): the size of a
// parameter, operations other than push_back / emplace_back / resize /
// assign(n, x) / clear / pop_back / reserve, pointers into a vector whose
// size changes, passing it to a function that may write it, and a change of
// size inside a checkpointed loop. No output file is written.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <vector>

ADGEN_REVERSE("x")
double param_grows(std::vector<double> &out, double x) {
  // CHECK: vector-growth.cpp:[[@LINE+1]]:3: error: 'std::vector::emplace_back' changes the size of a std::vector that the function does not own; adgen changes the size only of a std::vector declared in the function (a parameter's size, and its adjoint's, belong to the caller): build the result in a local vector, or size the parameter before the call
  out.emplace_back(x);
  return x;
}

ADGEN_REVERSE()
double erase(double x) {
  std::vector<double> v{x, x};
  // CHECK: vector-growth.cpp:[[@LINE+1]]:3: error: 'std::vector::erase' changes the container in a way adgen does not support; of the operations that change a size, adgen supports push_back, emplace_back, resize, assign(n, x), clear, pop_back and reserve, on a std::vector declared in the function
  v.erase(v.begin());
  return v[0];
}

ADGEN_REVERSE()
double insert(double x) {
  std::vector<double> v;
  // CHECK: vector-growth.cpp:[[@LINE+1]]:3: error: 'std::vector::insert' changes the container in a way adgen does not support
  v.insert(v.begin(), x);
  return v[0];
}

ADGEN_REVERSE()
double assign_list(double x) {
  std::vector<double> v;
  // CHECK: vector-growth.cpp:[[@LINE+1]]:3: error: 'std::vector::assign' with these arguments is not supported in differentiated code (supported: push_back(x), emplace_back(x), resize(n), resize(n, x), assign(n, x), assign(first, last), clear(), pop_back(), reserve(n), = w)
  v.assign({x, x});
  return v[0];
}

ADGEN_REVERSE()
double pointer_into(double x) {
  std::vector<double> v(2);
  v.push_back(x);
  // CHECK: vector-growth.cpp:[[@LINE+1]]:17: error: pointer 'p' into std::vector 'v', whose size changes, is not supported (a change of size may move the elements); use an index
  const double *p = v.data();
  return p[2];
}

static void fill(std::vector<double> &w, double x) { w[0] = x * x; }
ADGEN_REVERSE()
double written_by_callee(double x) {
  std::vector<double> v;
  v.resize(3);
  // CHECK: vector-growth.cpp:[[@LINE+1]]:3: error: std::vector 'v', whose size changes, is passed to 'fill', which may write it; this is not supported yet (pass it as 'const &', or use a vector of a fixed size)
  fill(v, x);
  return v[0];
}

ADGEN_REVERSE("x")
double checkpointed(const double *x, int n) {
  std::vector<double> v;
  double s = 0;
  ADGEN_CHECKPOINT(2)
  // CHECK: vector-growth.cpp:[[@LINE+1]]:3: error: cannot checkpoint this loop: its body changes the size of std::vector 'v'
  for (int i = 0; i < n; ++i) {
    v.push_back(x[i] * s);
    s += v[i];
  }
  return s;
}
