//===- Transforms/MathRules.cpp - Local partial derivatives ---------------===//

#include "Transforms/MathRules.h"
#include <cmath>

using namespace adgen;
using namespace adgen::graph;

namespace {

/// Builds the factors in the precision of the operation.
struct Rules {
  Module &M;
  Type T;

  const Expr *c(double V) { return M.floatConst(V, T); }
  const Expr *fn(const char *Name, const Expr *A) { return M.math(Name, {A}, T); }
  const Expr *fn(const char *Name, const Expr *A, const Expr *B) {
    return M.math(Name, {A, B}, T);
  }
  const Expr *sq(const Expr *A) { return M.mul(A, A); }
  const Expr *recip(const Expr *A) { return M.div(c(1), A); }
  Type boolT() { return Type::scalar(ScalarKind::Bool, "bool"); }
  const Expr *cmp(Op K, const Expr *A, const Expr *B) { return M.binary(K, A, B, boolT()); }
  /// Cond ? 1 : 0 as a factor.
  const Expr *indicator(const Expr *Cond) { return M.select(Cond, c(1), c(0)); }
};

/// The literal value of \p E, if it is a numeric literal.
bool literalValue(const Expr *E, double &V) {
  if (E->K != Op::Const)
    return false;
  char *End = nullptr;
  V = std::strtod(E->Text.c_str(), &End);
  return End && End != E->Text.c_str() && (*End == '\0' || *End == 'f' || *End == 'L');
}

/// pow(a, b). Where a^b does not depend on a or on b, the partial is 0, also
/// where the formula would multiply 0 by an infinity: b a^(b-1) at b = 0
/// (pow(a, 0) is 1 for every a, also 0) is 0 * inf at a = 0; a^b log a at
/// a = 0 is 0 * -inf. A select, not a product, picks the 0, so C++ never
/// evaluates the infinite branch.
std::vector<Partial> powPartials(Rules &R, const Expr *A, const Expr *B) {
  Module &M = R.M;
  std::vector<Partial> Out;
  double BV = 0;
  bool BLit = literalValue(B, BV);
  if (A->Ty.isFloating() && !(BLit && BV == 0)) {
    // d/da a^b = b a^(b-1); with a literal exponent, fold b - 1.
    const Expr *Bm1;
    if (BLit)
      Bm1 = BV == 2 ? nullptr : R.c(BV - 1);
    else
      Bm1 = M.sub(B, B->Ty.isFloating() ? R.c(1) : M.constant("1", B->Ty));
    const Expr *Pw = Bm1 ? R.fn("pow", A, Bm1) : A;
    const Expr *Bf = BLit ? R.c(BV) : B->Ty.isFloating() ? B : M.cast(B, R.T);
    const Expr *DA = BLit && BV == 1 ? R.c(1) : M.mul(Bf, Pw);
    if (!BLit) { // b may be 0 at run time
      const Expr *Zero = B->Ty.isFloating() ? M.floatConst(0, B->Ty) : M.constant("0", B->Ty);
      DA = M.select(R.cmp(Op::Eq, B, Zero), R.c(0), DA);
    }
    Out.push_back({0, DA});
  }
  if (B->Ty.isFloating()) // d/db a^b = a^b log a, taken as 0 where a <= 0
    Out.push_back({1, M.select(R.cmp(Op::Gt, A, R.c(0)),
                               M.mul(R.fn("pow", A, B), R.fn("log", A)), R.c(0))});
  return Out;
}

} // namespace

std::vector<Partial> adgen::partials(Module &M, const Expr *E) {
  if (!E->Ty.isFloating())
    return {};
  Rules R{M, E->Ty.element()};
  const Expr *A = E->Ops.empty() ? nullptr : E->Ops[0];
  const Expr *B = E->Ops.size() > 1 ? E->Ops[1] : nullptr;
  switch (E->K) {
  case Op::Neg:
    return {{0, R.c(-1)}};
  case Op::Add:
    return {{0, R.c(1)}, {1, R.c(1)}};
  case Op::Sub:
    return {{0, R.c(1)}, {1, R.c(-1)}};
  case Op::Mul:
    if (A == B || (A->K == B->K && A->V && A->V == B->V && A->K == Op::VarRef))
      return {{0, M.mul(R.c(2), A)}}; // x * x
    return {{0, B}, {1, A}};
  case Op::Div:
    return {{0, R.recip(B)}, {1, M.neg(M.div(A, R.sq(B)))}};
  case Op::Cast:
    return {{0, R.c(1)}};
  case Op::Select:
    return {{1, R.indicator(A)}, {2, R.indicator(M.unary(Op::Not, A, R.boolT()))}};
  case Op::Math:
    break;
  default:
    return {};
  }

  const std::string &N = E->Text;
  if (N == "exp" || N == "expm1")
    return {{0, R.fn("exp", A)}};
  if (N == "exp2")
    return {{0, M.mul(R.fn("exp2", A), R.c(M_LN2))}};
  if (N == "log")
    return {{0, R.recip(A)}};
  if (N == "log2")
    return {{0, R.recip(M.mul(A, R.c(M_LN2)))}};
  if (N == "log10")
    return {{0, R.recip(M.mul(A, R.c(M_LN10)))}};
  if (N == "log1p")
    return {{0, R.recip(M.add(R.c(1), A))}};
  if (N == "sqrt")
    return {{0, R.recip(M.mul(R.c(2), R.fn("sqrt", A)))}};
  if (N == "cbrt")
    return {{0, R.recip(M.mul(R.c(3), R.sq(R.fn("cbrt", A))))}};
  if (N == "sin")
    return {{0, R.fn("cos", A)}};
  if (N == "cos")
    return {{0, M.neg(R.fn("sin", A))}};
  if (N == "tan")
    return {{0, R.recip(R.sq(R.fn("cos", A)))}};
  if (N == "asin")
    return {{0, R.recip(R.fn("sqrt", M.sub(R.c(1), R.sq(A))))}};
  if (N == "acos")
    return {{0, M.neg(R.recip(R.fn("sqrt", M.sub(R.c(1), R.sq(A)))))}};
  if (N == "atan")
    return {{0, R.recip(M.add(R.c(1), R.sq(A)))}};
  if (N == "sinh")
    return {{0, R.fn("cosh", A)}};
  if (N == "cosh")
    return {{0, R.fn("sinh", A)}};
  if (N == "tanh")
    return {{0, M.sub(R.c(1), R.sq(R.fn("tanh", A)))}};
  if (N == "asinh")
    return {{0, R.recip(R.fn("sqrt", M.add(R.sq(A), R.c(1))))}};
  if (N == "acosh")
    return {{0, R.recip(R.fn("sqrt", M.sub(R.sq(A), R.c(1))))}};
  if (N == "atanh")
    return {{0, R.recip(M.sub(R.c(1), R.sq(A)))}};
  if (N == "erf")
    return {{0, M.mul(R.c(2 / std::sqrt(M_PI)), R.fn("exp", M.neg(R.sq(A))))}};
  if (N == "erfc")
    return {{0, M.mul(R.c(-2 / std::sqrt(M_PI)), R.fn("exp", M.neg(R.sq(A))))}};
  if (N == "lgamma")
    return {{0, M.math("adgen::digamma", {A}, R.T)}};
  if (N == "adgen::digamma") // second derivatives of lgamma
    return {{0, M.math("adgen::trigamma", {A}, R.T)}};
  if (N == "fabs")
    return {{0, M.select(R.cmp(Op::Gt, A, R.c(0)), R.c(1),
                         M.select(R.cmp(Op::Lt, A, R.c(0)), R.c(-1), R.c(0)))}};
  if (N == "floor" || N == "ceil" || N == "round" || N == "trunc")
    return {};
  if (N == "pow")
    return powPartials(R, A, B);
  if (N == "hypot") { // d/dx_i hypot(x, y[, z]) = x_i / hypot(...)
    const Expr *H = M.math("hypot", E->Ops, R.T);
    std::vector<Partial> Out;
    for (unsigned I = 0; I < E->Ops.size(); ++I)
      Out.push_back({I, M.div(E->Ops[I], H)});
    return Out;
  }
  if (N == "fma") // fma(a, b, c) = a * b + c, rounded once
    return {{0, B}, {1, A}, {2, R.c(1)}};
  if (N == "clamp") { // std::clamp(v, lo, hi) is v < lo ? lo : hi < v ? hi : v
    const Expr *Below = R.cmp(Op::Lt, A, B), *Above = R.cmp(Op::Lt, E->Ops[2], A);
    return {{0, M.select(Below, R.c(0), M.select(Above, R.c(0), R.c(1)))},
            {1, R.indicator(Below)},
            {2, M.select(Below, R.c(0), R.indicator(Above))}};
  }
  if (N == "atan2") { // atan2(y, x)
    const Expr *D = M.add(R.sq(A), R.sq(B));
    return {{0, M.div(B, D)}, {1, M.neg(M.div(A, D))}};
  }
  if (N == "fmax") // fmax(a, b) follows a when a >= b
    return {{0, R.indicator(R.cmp(Op::Ge, A, B))}, {1, R.indicator(R.cmp(Op::Lt, A, B))}};
  if (N == "fmin") // fmin(a, b) follows a when a <= b
    return {{0, R.indicator(R.cmp(Op::Le, A, B))}, {1, R.indicator(R.cmp(Op::Gt, A, B))}};
  if (N == "max") // std::max(a, b) is (a < b) ? b : a
    return {{0, R.indicator(R.cmp(Op::Ge, A, B))}, {1, R.indicator(R.cmp(Op::Lt, A, B))}};
  if (N == "min") // std::min(a, b) is (b < a) ? b : a
    return {{0, R.indicator(R.cmp(Op::Le, A, B))}, {1, R.indicator(R.cmp(Op::Gt, A, B))}};
  if (N == "fmod") // a - trunc(a / b) * b
    return {{0, R.c(1)}, {1, M.neg(R.fn("trunc", M.div(A, B)))}};
  if (N == "copysign") {
    Type BoolT = R.boolT();
    const Expr *Same = M.binary(Op::Eq, M.math("std::signbit", {A}, BoolT),
                                M.math("std::signbit", {B}, BoolT), BoolT);
    return {{0, M.select(Same, R.c(1), R.c(-1))}};
  }
  return {};
}
