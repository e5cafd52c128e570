// A virtual call: the callee is only known at run time.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

struct Model {
  virtual double eval(double x) const { return x; }
  virtual ~Model() = default;
};
Model *g_model = nullptr;

ADGEN_REVERSE("x")
double f(double x) {
  // CHECK: virtual-call.cpp:[[@LINE+1]]:14: error: virtual call to 'eval' cannot be differentiated: the function called is only known at run time; call a specific implementation (Model::eval), or give a wrapper a derivative marked ADGEN_CUSTOM
  double y = g_model->eval(x);
  return y * x;
}
