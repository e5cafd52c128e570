// --emit=graph prints the computation graph the builder made: parameters,
// statements in order with their source lines, each expression as numbered
// elementary operations, structured control flow.
// RUN: %adgen %s --emit=graph -- -std=c++17 | FileCheck %s
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE()
double f(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    if (x[i] > 0)
      s += std::log(x[i]);
    else
      s = s * 0.5;
  }
  return s;
}
// CHECK-LABEL: function f(x : const double *, n : int) -> double
// CHECK-NEXT:   decl s : double = 0.0    ; line 10
// CHECK-NEXT:   loop for    ; line 11
// CHECK-NEXT:     init:
// CHECK-NEXT:       decl i : int = 0    ; line 11
// CHECK-NEXT:     cond:
// CHECK-NEXT:       %1 = lt i, n : bool
// CHECK-NEXT:       test %1
// CHECK-NEXT:     body:
// CHECK-NEXT:       %2 = load x, i : double
// CHECK-NEXT:       %3 = gt %2, 0.0 : bool
// CHECK-NEXT:       if %3    ; line 12
// CHECK-NEXT:         %4 = load x, i : double
// CHECK-NEXT:         %5 = call log %4 : double
// CHECK-NEXT:         %6 = add s, %5 : double
// CHECK-NEXT:         store s = %6    ; line 13
// CHECK-NEXT:       else
// CHECK-NEXT:         %7 = mul s, 0.5 : double
// CHECK-NEXT:         store s = %7    ; line 15
// CHECK-NEXT:       end if
// CHECK-NEXT:     step:
// CHECK-NEXT:       %8 = add i, 1 : int
// CHECK-NEXT:       store i = %8    ; line 11
// CHECK-NEXT:   end loop
// CHECK-NEXT:   return s    ; line 17
// CHECK-NEXT: end function
