// A floating-point global that a called function writes from active values,
// and that f (or another callee) then reads, carries derivatives adgen does
// not track: refused at the call, naming the global and the callee (and the
// function that assigns it, when the write is further down), never a silent
// zero derivative (repro global-written-in-callee.cpp). Also when f writes
// the global and a callee reads it.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

double G = 0;
// CHECK-DAG: global-written-in-callee.cpp:[[@LINE+1]]:8: error: global variable '::H' carries derivatives inside 'reads_in_callee'; pass it as a parameter instead
double H = 0, K = 0;
int g_calls = 0;
void set(double b) { G = b; ++g_calls; }
double via(double b) { set(b * 2); return b; }
double getH() { return H; }
void accumulate(double b) { K += b * b; }

// The repro.
// CHECK-DAG: global-written-in-callee.cpp:[[@LINE+1]]:38: error: global variable '::G' carries derivatives inside 'f': 'set' writes it, called here; pass it as a parameter instead
ADGEN_REVERSE() double f(double x) { set(x); return G * G; }

// Two calls down; forward mode too.
ADGEN_FORWARD()
double twice_removed(double x) {
  // CHECK-DAG: global-written-in-callee.cpp:[[@LINE+1]]:14: error: global variable '::G' carries derivatives inside 'twice_removed': 'via' writes it (in 'set'), called here; pass it as a parameter instead
  double y = via(x);
  return G * y;
}

// f writes the global, a callee reads it.
ADGEN_REVERSE()
double reads_in_callee(double x) {
  H = x * x;
  return getH();
}

// Accumulated in a callee (read and written there), read by f.
ADGEN_REVERSE()
double accumulated(double x, double y) {
  // The first call that writes it is named.
  // CHECK-DAG: global-written-in-callee.cpp:[[@LINE+1]]:3: error: global variable '::K' carries derivatives inside 'accumulated': 'accumulate' writes it, called here; pass it as a parameter instead
  accumulate(x);
  accumulate(y);
  return K;
}
