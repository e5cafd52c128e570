// Requests on the command line, for code that cannot carry markers: the
// derivatives are the same as with markers, errors name the option.
// RUN: %adgen %s --reverse 'lib::weighted: w' --forward=lib::softplus -o %t.gen.cpp --depfile %t.d -- -std=c++17 -I%S/Inputs
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: FileCheck %s --check-prefix=DEP --input-file=%t.d
// RUN: %cxx -I%S/Inputs -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -I%S/Inputs -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
// RUN: not %adgen %s --reverse 'lib::nothere: w' --reverse 'lib::weighted: q' -o %t.bad.cpp -- -std=c++17 -I%S/Inputs 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: test ! -e %t.bad.cpp
// RUN: %adgen %s --line-directives --forward lib::softplus -- -std=c++17 -I%S/Inputs | FileCheck %s --check-prefix=LINE
#include "thirdparty.h"

// CHECK-LABEL: inline double weighted_pullback(const double *w, const double *x, int n, double d_ret, double *d_w) {
// CHECK-LABEL: inline adgen::Dual<double> softplus_fwd(double x, double d_x) {
// DEP: requests.cpp.tmp.gen.cpp: {{.*}}requests.cpp {{.$}}
// DEP: Inputs/thirdparty.h
// ERR-DAG: error: in --reverse 'lib::nothere: w': no function named 'lib::nothere' is defined in the input
// ERR-DAG: error: in --reverse 'lib::weighted: q': 'q' is not a parameter of 'weighted'
// LINE: inline adgen::Dual<double> softplus_fwd(double x, double d_x) {
// LINE-NEXT: #line 4 "{{.*}}thirdparty.h"

#ifdef ADGEN_TEST_DRIVER
#include <adgen/adgen.h>
namespace lib {
inline double weighted_grad(const double *w, const double *x, int n, double *d_w);
inline adgen::Dual<double> softplus_fwd(double x, double d_x);
} // namespace lib
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double w[3] = {0.5, -1.0, 2.0}, x[3] = {0.1, 0.2, -0.3};
  double dw[3] = {};
  lib::weighted_grad(w, x, 3, dw);
  for (int i = 0; i < 3; ++i)
    check_close("d weighted / d w", dw[i], lib::softplus(x[i]), 1e-15);
  check_close("softplus'", lib::softplus_fwd(0.3, 1.0).tangent, 1 / (1 + std::exp(-0.3)), 1e-15);
  return finish();
}
#endif
