// Every error of a request given on the command line says which request it
// is: errors without a location start with "in --reverse 'ns::f: x': ", errors
// inside the function are followed by a note naming the request. Nothing is
// written.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out --reverse 'ns::jumps: x' --forward=ns::taken --forward 'ns::taken: x' --jacobian 'ns::agg: s[2]' --hessian 'ns::jumps' -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:
// RUN: test ! -e %t.out

namespace ns {
double jumps(double x) {
  // CHECK: request-context.cpp:[[@LINE+3]]:14: error: 'goto' is not supported
  // CHECK-NEXT: {{.*}}goto end;
  // CHECK-NEXT: ^
  if (x > 0) goto end;
  x = x * x;
end:
  return x;
}
// CHECK-NEXT: note: in --reverse 'ns::jumps: x'

// CHECK: request-context.cpp:[[@LINE+3]]:8: error: 'taken_fwd' is the name adgen generates for a derivative of 'taken'; rename this function or mark it ADGEN_CUSTOM
double taken(double x) { return x * x; }
// CHECK: note: in --forward 'ns::taken'
double taken_fwd(double x, double d_x) { return x * d_x; }
// CHECK: error: in --forward 'ns::taken: x': 'taken' is marked ADGEN_FORWARD or requested with --forward more than once; list all inputs and outputs in one spec

struct S {
  double a;
  float b;
};
// CHECK: error: in --jacobian 'ns::agg: s[2]': ADGEN_JACOBIAN of a function whose parameter 's' cannot be flattened into the matrix: 'ns::S' mixes floating-point types
double agg(const S *s) { return s[0].a * s[1].b; }
} // namespace ns
