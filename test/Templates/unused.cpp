// A marked template that the input never instantiates (or names only where
// it is not evaluated, in decltype) gets a warning that nothing is generated
// for it; the rest of the file is differentiated as usual.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17 2>&1 | FileCheck %s --check-prefix=WARN --implicit-check-not=error: --implicit-check-not=warning:
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=unused_ --implicit-check-not=typeonly_
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %clangxx -c %t.gen.cpp -o %t.clang.o
#include <adgen/adgen.h>

// WARN: unused.cpp:[[@LINE+1]]:23: warning: nothing is generated for 'unused': it is a function template, and adgen differentiates the instantiations the input uses, but this input uses none (call it, or instantiate it explicitly)
template <typename T> ADGEN_REVERSE() T unused(T x) { return x * x; }

// WARN: unused.cpp:[[@LINE+1]]:23: warning: nothing is generated for 'typeonly'
template <typename T> ADGEN_FORWARD() T typeonly(T x) { return x * x; }
using D = decltype(typeonly(1.0));

ADGEN_REVERSE() double f(double x) { return 3 * x; }
// CHECK: Derivatives:
// CHECK-NEXT: f_pullback, f_grad (reverse mode, d/d x)
// CHECK-EMPTY:
// CHECK-LABEL: double f_grad(double x, double *d_x) {
