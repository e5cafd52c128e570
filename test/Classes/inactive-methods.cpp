// Const member functions returning an integer, called on a parameter that
// holds no number (`label.size()`, `label.empty()`, `label.find('a', i)` of
// a `const std::string &`), are kept as they are: their values carry no
// derivative, and the derivatives call them on the same parameter, also in
// a helper and as a loop bound (reverse mode counts the trips). A class of
// integers passed by value (Steps) has its methods called like any other.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cstddef>
#include <string>

struct Steps {
  int n;
  int count() const { return n; }
};

static double weight(double v, const std::string &tag) {
  return tag.empty() ? v : v * static_cast<double>(tag.size());
}

ADGEN_REVERSE("x") ADGEN_FORWARD("x")
double labelled(double x, const std::string &label, Steps steps) {
  double r = weight(x, label);
  for (std::size_t i = 0; i < label.size(); ++i)
    r = r * x + static_cast<double>(label.find('a', i) < label.size());
  for (int k = 0; k < steps.count(); ++k)
    r += x * k;
  return r;
}
// CHECK-LABEL: double labelled_pullback(double x, const std::string &label, Steps steps, double d_ret, double *d_x) {
// CHECK:         for (; i < label.size(); ++i) {
// CHECK:           Steps_count_result = steps.count();
// CHECK-LABEL: adgen::Dual<double> labelled_fwd(double x, const std::string &label, Steps steps, double d_x) {
// CHECK:         r = r * x + static_cast<double>(label.find(97, i) < label.size());

#ifdef ADGEN_TEST_DRIVER
double labelled_pullback(double x, const std::string &label, Steps steps, double d_ret, double *d_x);
adgen::Dual<double> labelled_fwd(double x, const std::string &label, Steps steps, double d_x);
#include "adgen_pullback.h"
using namespace adgen_test;

int main() {
  for (const char *text : {"", "abc", "bbbb"}) {
    const std::string label = text;
    const double x0[1] = {0.8};
    auto f = [&](const double *p) { return labelled(p[0], label, Steps{3}); };
    auto pull = [&](const double *p, double d, double *g) {
      return labelled_pullback(p[0], label, Steps{3}, d, g);
    };
    check_scalar_fn<double>("labelled", x0, 1, f, [&](const double *p, double *g) { return pull(p, 1.0, g); },
                            [&](const double *p, const double *t) {
                              return labelled_fwd(p[0], label, Steps{3}, t[0]);
                            });
    check_pullback_prefilled<double>("labelled", x0, 1, f, pull);
  }
  return finish();
}
#endif
