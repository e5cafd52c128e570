// What ADGEN_CHECKPOINT cannot checkpoint is refused at the loop, with the
// reason; no output is written.
// RUN: not %adgen %s -o %t.gen.cpp -- -std=c++17 2>&1 | FileCheck %s
// RUN: not test -e %t.gen.cpp
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE()
double not_a_for(double x, int n) {
  ADGEN_CHECKPOINT(10)
  while (n-- > 0)
    x = std::sin(x);
  return x;
}
// CHECK: refused.cpp:[[@LINE-5]]:3: error: ADGEN_CHECKPOINT must come right before the 'for' loop it checkpoints

ADGEN_REVERSE("x")
double writes_param(double *x, int n) {
  ADGEN_CHECKPOINT(10)
  for (int i = 0; i < n; ++i)
    x[0] = std::sin(x[0]);
  return x[0];
}
// CHECK: refused.cpp:[[@LINE-4]]:3: error: cannot checkpoint this loop: its body writes through the parameter 'x', whose memory adgen cannot snapshot; copy it into a local array before the loop and back after it

ADGEN_REVERSE()
double moves_counter(double x, int n) {
  ADGEN_CHECKPOINT(10)
  for (int i = 0; i < n; ++i) {
    x = std::sin(x);
    i += 1;
  }
  return x;
}
// CHECK: refused.cpp:[[@LINE-6]]:3: error: cannot checkpoint this loop: its body changes the counter 'i'

ADGEN_REVERSE()
double nested(double x, int n) {
  for (int j = 0; j < n; ++j) {
    ADGEN_CHECKPOINT(10)
    for (int i = 0; i < n; ++i)
      x = std::sin(x);
  }
  return x;
}
// CHECK: refused.cpp:[[@LINE-5]]:5: error: cannot checkpoint a loop inside another loop; put ADGEN_CHECKPOINT on the outer loop

ADGEN_REVERSE()
double not_counted(double x, int n) {
  ADGEN_CHECKPOINT(10)
  for (int i = n; i > 0; --i)
    x = std::sin(x);
  return x;
}
// CHECK: refused.cpp:[[@LINE-4]]:3: error: cannot checkpoint this loop: ADGEN_CHECKPOINT needs a counted loop 'for (int i = first; i < last; ++i)'

ADGEN_REVERSE()
double float_snapshots(double x, int n) {
  ADGEN_CHECKPOINT(2.5)
  for (int i = 0; i < n; ++i)
    x = std::sin(x);
  return x;
}
// CHECK: refused.cpp:[[@LINE-5]]:20: error: the number of snapshots of ADGEN_CHECKPOINT must be an integer expression without calls or side effects
