// Classes whose user-written copy, move, assignment or destructor does
// something other than adgen's own copies (one assignment per field) and
// destruction (nothing) are refused where the class is used, naming the
// member and its line. Accepted ones: test/Classes/user-copies.cpp.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>

double total = 0;

// A copy that scales: adgen's copies of tangents, adjoints and tape values
// would not scale.
struct Scaled {
  double x;
  Scaled(double a) : x(a) {}
  Scaled(const Scaled &o) : x(2 * o.x) {}
};
ADGEN_REVERSE()
// CHECK: user-copies.cpp:[[@LINE+1]]:33: error: parameter 's' has type 'const Scaled &': the copy constructor of 'Scaled' (line 17) initialises field 'x' with something other than the same field of 'o'; adgen copies objects of 'Scaled' field by field (and on its tape byte by byte) and makes and destroys objects of its own, so it differentiates user-written copies that copy each field, and destructors that change nothing
double use_scaled(const Scaled &s) { return s.x; }

// A copy that counts copies in an int field.
struct Counted {
  double x;
  int copies;
  Counted(const Counted &o) : x(o.x), copies(o.copies + 1) {}
};
ADGEN_REVERSE()
// CHECK: user-copies.cpp:[[@LINE+1]]:35: error: parameter 'c' has type 'const Counted &': the copy constructor of 'Counted' (line 27) initialises field 'copies' with something other than the same field of 'o'
double use_counted(const Counted &c) { return c.x; }

// An assignment that forgets a field, one with a body of its own.
struct Partial {
  double a, b;
  Partial &operator=(const Partial &o) {
    a = o.a;
    return *this;
  }
};
ADGEN_FORWARD()
// CHECK: user-copies.cpp:[[@LINE+1]]:35: error: parameter 'p' has type 'const Partial &': the copy assignment of 'Partial' (line 36) does not assign field 'b'
double use_partial(const Partial &p) { return p.a; }

// A destructor that changes a value.
struct Tally {
  double x;
  ~Tally() { total += x; }
};
ADGEN_REVERSE()
// CHECK: user-copies.cpp:[[@LINE+1]]:31: error: parameter 't' has type 'const Tally &': the destructor of 'Tally' (line 48) assigns a value, which adgen would not repeat
double use_tally(const Tally &t) { return t.x; }

// A field whose class is refused refuses its holder.
struct Holder {
  Scaled s;
  double k;
};
ADGEN_REVERSE()
// CHECK: user-copies.cpp:[[@LINE+1]]:33: error: parameter 'h' has type 'const Holder &': field 's' of 'Holder' has type 'Scaled', which adgen cannot copy: the copy constructor of 'Scaled' (line 17) initialises field 'x'
double use_holder(const Holder &h) { return h.k; }

// A move-only class (a user-written move constructor deletes the copies):
// adgen's own copies would not compile.
struct MoveOnly {
  double v;
  MoveOnly(double x) : v(x) {}
  MoveOnly(MoveOnly &&o) : v(o.v) {}
};
MoveOnly make_move_only(double x) { return MoveOnly(2 * x); }
ADGEN_REVERSE()
// CHECK: user-copies.cpp:[[@LINE+1]]:43: error: local variable 'm' has type 'MoveOnly': objects of 'MoveOnly' cannot be copied ({{.*}}copy constructor is deleted)
double use_move_only(double x) { MoveOnly m = make_move_only(x); return m.v * x; }

// A copy constructor whose body computes a field; an assignment whose
// self-assignment test has an else branch.
struct BodyScaled {
  double x;
  BodyScaled(const BodyScaled &o) { x = 2 * o.x; }
};
ADGEN_REVERSE()
// CHECK: user-copies.cpp:[[@LINE+1]]:42: error: parameter 'b' has type 'const BodyScaled &': the copy constructor of 'BodyScaled' (line 79) has a body that does more than 'field = o.field;' once per field not in its initialiser list
double use_body_scaled(const BodyScaled &b) { return b.x; }
struct ElseGuard {
  double x;
  ElseGuard &operator=(const ElseGuard &o) {
    if (this != &o)
      x = o.x;
    else
      x = 0;
    return *this;
  }
};
ADGEN_REVERSE()
// CHECK: user-copies.cpp:[[@LINE+1]]:40: error: parameter 'e' has type 'const ElseGuard &': the copy assignment of 'ElseGuard' (line 86) does more than 'field = o.field;' once per field
double use_else_guard(const ElseGuard &e) { return e.x; }
