// Private members are reached through pointers to members, but a private
// nested *type* cannot be: generated code that would have to spell one is
// refused, with the member named, and no output is written.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

// A private nested struct as the type of a local.
class Body {
  struct State {
    double pos, vel;
  };

public:
  double v = 1;
  ADGEN_REVERSE("x")
  double step(double x) const {
    // CHECK: private-type.cpp:[[@LINE+1]]:11: error: local variable 't' has type 'State': 'Body::State' is a private type of 'Body', which the generated functions, outside the class, cannot name (adgen reaches private fields and methods, not types): make it public, or keep it out of the differentiated code
    State t{x, v};
    return t.pos * t.vel;
  }
};

// A protected nested enum as the type of a field of the object.
class Motor {
protected:
  enum class Mode { Slow, Fast };
  Mode mode_ = Mode::Slow;
  double v_ = 1;

public:
  ADGEN_REVERSE("x")
  // CHECK: private-type.cpp:[[@LINE+1]]:10: error: the object of 'go' has type 'const Motor': field 'mode_' of 'Motor' has type 'Mode': 'Motor::Mode' is a protected type of 'Motor'
  double go(double x) const { return mode_ == Mode::Fast ? x * v_ : x; }
};
