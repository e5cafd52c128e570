// An ADGEN_CUSTOM derivative belongs to the overload of g whose parameters it
// starts with, followed by one derivative parameter per floating-point
// parameter (and d_ret for a pullback). One that fits no overload is an
// error at its marker: before, it was attached to whichever overload came
// last, and the output called it with the wrong arguments or ignored it.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

double g(double x, double y);
int g();

// A tangent for y is missing.
// CHECK: custom-signature.cpp:[[@LINE+1]]:1: error: ADGEN_CUSTOM derivative 'g_fwd' does not have the signature of a derivative of 'g': it takes the parameters of 'g' first, then a tangent for each floating-point parameter
ADGEN_CUSTOM adgen::Dual<double> g_fwd(double x, double y, double d_x);

// Parameter types of no overload.
// CHECK: custom-signature.cpp:[[@LINE+1]]:1: error: ADGEN_CUSTOM derivative 'g_pullback' does not have the signature of a derivative of 'g': it takes the parameters of 'g' first, then d_ret (if it returns a floating-point value) and an adjoint pointer for each floating-point parameter
ADGEN_CUSTOM double g_pullback(float x, double y, double d_ret, float *d_x, double *d_y);

// CHECK: custom-signature.cpp:[[@LINE+1]]:1: error: ADGEN_CUSTOM derivative 'h_fwd' has no function 'h' to go with it
ADGEN_CUSTOM adgen::Dual<double> h_fwd(double x, double d_x);

ADGEN_FORWARD()
double f(double x) { return x * x; }
