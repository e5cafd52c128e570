// Classes whose user-written copy, move, assignment or destructor adgen
// cannot run or leave out are refused where the class is used, naming the
// member and its line. Copies that change values are run where the program
// copies (test/Classes/user-copies-values.cpp), but not across the
// boundaries where adgen would have to copy such objects itself: refused
// below, each with what to do instead. Accepted plain copies:
// test/Classes/user-copies.cpp.
// RUN: rm -f %t.out
// RUN: not %adgen %s -o %t.out -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.out
#include <adgen/adgen.h>
#include <utility>

double total = 0;

// A copy that scales.
struct Scaled {
  double x;
  Scaled(double a) : x(a) {}
  Scaled(const Scaled &o) : x(2 * o.x) {}
  double get() const { return x; }
};
// As a parameter of a marked function: callers, f_jacobian and the checker
// would copy its derivative objects.
ADGEN_REVERSE()
// CHECK: user-copies.cpp:[[@LINE+1]]:33: error: parameter 's' has class 'Scaled', whose user-written copy changes values: adgen supports such classes inside the functions it differentiates, not as parameters of a marked function (the caller, f_jacobian and --emit=check would copy their derivative objects); pass the numbers instead
double use_scaled(const Scaled &s) { return s.x; }

// A marked member function of such a class: its object would be a parameter.
struct Gauge {
  double g;
  Gauge(const Gauge &o) : g(o.g + 1) {}
  ADGEN_REVERSE()
  // CHECK: user-copies.cpp:[[@LINE+1]]:10: error: 'read' is a member function of 'Gauge', whose user-written copy changes values: its object 'self' would be a parameter of the generated functions; make it a free function of the numbers instead
  double read(double a) const { return g * a; }
};

// A destructor that changes a value.
struct Tally {
  double x;
  ~Tally() { total += x; }
};
ADGEN_REVERSE()
// CHECK: user-copies.cpp:[[@LINE+1]]:31: error: parameter 't' has type 'const Tally &': the destructor of 'Tally' (line {{[0-9]+}}) assigns a value, which adgen would not repeat; adgen runs the user-written copies of 'Tally' where the program copies, and makes, copies and destroys its own objects of 'Tally' without them, so it needs copies whose bodies it can see and destructors that change nothing
double use_tally(const Tally &t) { return t.x; }

// A field whose copy changes values: the holder's implicit copy would run it.
struct Holder {
  Scaled s;
  double k;
};
ADGEN_REVERSE()
// CHECK: user-copies.cpp:[[@LINE+1]]:33: error: parameter 'h' has type 'const Holder &': field 's' of 'Holder' has type 'Scaled', whose user-written copy changes values; adgen runs such a copy where the source copies a 'Scaled' itself, not inside the copy of another object (make it a local of its own)
double use_holder(const Holder &h) { return h.k; }

// A move-only class (a user-written move constructor deletes the copies).
struct MoveOnly {
  double v;
  MoveOnly(double x) : v(x) {}
  MoveOnly(MoveOnly &&o) : v(o.v) {}
};
MoveOnly make_move_only(double x) { return MoveOnly(2 * x); }
ADGEN_REVERSE()
// CHECK: user-copies.cpp:[[@LINE+1]]:43: error: local variable 'm' has type 'MoveOnly': objects of 'MoveOnly' cannot be copied ({{.*}}copy constructor is deleted)
double use_move_only(double x) { MoveOnly m = make_move_only(x); return m.v * x; }

// By value to a member function: adgen inlines free functions only.
struct Box {
  double k;
  double apply(Scaled s) const { return k * s.x; }
};
ADGEN_REVERSE()
double use_box(double a) {
  Scaled s(a);
  Box b{a};
  // CHECK: user-copies.cpp:[[@LINE-6]]:23: error: 'apply' takes parameter 's' of type 'Scaled' by value, a class whose user-written copy changes values: adgen runs that copy where it happens, so it inlines a function that takes or returns such an object where it is called, which it cannot for a marked function, a member function or an operator; pass it as 'const T &' (or a 'T &' to fill) instead
  return b.apply(s);
}

// A local returned by name: the copy may be elided or not.
Scaled scaled_local(double a) {
  Scaled r(a);
  // CHECK: user-copies.cpp:[[@LINE+1]]:3: error: returning local variable 'r' of 'Scaled', a class whose user-written copy changes values: C++ lets the compiler either elide this copy or run it, so the result is not defined by the source; return 'Scaled(...)' directly, or fill a 'Scaled &' parameter
  return r;
}
ADGEN_REVERSE()
double use_local(double a) { return scaled_local(a).x * a; }

// An array of them; a capture by copy; std::swap.
ADGEN_REVERSE()
double use_array(double a) {
  // CHECK: user-copies.cpp:[[@LINE+1]]:10: error: local variable 'arr' has type 'Scaled[2]': arrays, containers and pointers of 'Scaled', a class whose user-written copy changes values, are not supported (their elements are copied and made without it); use objects of it one by one, by value or reference
  Scaled arr[2] = {Scaled(a), Scaled(2 * a)};
  return arr[0].x + arr[1].x;
}
ADGEN_REVERSE()
double use_capture(double a) {
  Scaled s(a);
  // CHECK: user-copies.cpp:[[@LINE+1]]:13: error: capturing 's' by copy runs the user-written copy of 'Scaled', which changes values and which adgen does not run for captures; capture it by reference
  auto f = [s]() { return s.x; };
  return f() * a;
}
ADGEN_REVERSE()
double use_swap(double a, double b) {
  Scaled s(a), t(b);
  // CHECK: user-copies.cpp:[[@LINE+1]]:3: error: 'std::swap' of objects of 'Scaled', a class whose user-written copy changes values, is not supported (it copies them through that copy); swap their fields
  std::swap(s, t);
  return s.x * b;
}
