//===- Graph/MathTable.cpp - Everything adgen knows of a math function ----===//
#include "Graph/MathTable.h"
#include <cmath>
#include <cstdlib>

using namespace adgen;
using namespace adgen::graph;

namespace {

using Partials = std::vector<Partial>;

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
Partials powPartials(MathBuilder &R, const Expr *E) {
  Module &M = R.M;
  const Expr *A = E->Ops[0], *B = E->Ops[1];
  Partials Out;
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

/// Partials of a function whose partials are written with its value: the
/// value is the call itself.
Partials viaValue(MathBuilder &R, const Expr *E);

#define X(E) E->Ops[0]
#define Y(E) E->Ops[1]
#define ONE(Body) [](MathBuilder &R, const Expr *E) -> Partials { return {{0, Body}}; }
#define VALUE(Body) [](MathBuilder &R, const Expr *E, unsigned I, const Expr *V) -> const Expr * { return Body; }

const MathFunction Table[] = {
    // Functions whose partials are written with their own value: reverse
    // mode keeps the value (ReuseValues.h).
    {"exp", 1, 1, true, true, viaValue, VALUE(V)},
    {"exp2", 1, 1, true, true, viaValue, VALUE(R.M.mul(V, R.c(M_LN2)))},
    {"expm1", 1, 1, true, true, ONE(R.fn("exp", X(E))), VALUE(R.M.add(V, R.c(1)))},
    {"sqrt", 1, 1, true, true, ONE(R.recip(R.M.mul(R.c(2), R.fn("sqrt", X(E))))),
     VALUE(R.M.div(R.c(0.5), V))},
    {"cbrt", 1, 1, true, true, viaValue, VALUE(R.recip(R.M.mul(R.c(3), R.sq(V))))},
    {"tanh", 1, 1, true, true, viaValue, VALUE(R.M.sub(R.c(1), R.sq(V)))},
    // d/dx_i hypot(x, y[, z]) = x_i / hypot(...)
    {"hypot", 2, 3, true, true, viaValue, VALUE(R.M.div(E->Ops[I], V))},
    {"log", 1, 1, true, true, ONE(R.recip(X(E)))},
    {"log2", 1, 1, true, true, ONE(R.recip(R.M.mul(X(E), R.c(M_LN2))))},
    {"log10", 1, 1, true, true, ONE(R.recip(R.M.mul(X(E), R.c(M_LN10))))},
    {"log1p", 1, 1, true, true, ONE(R.recip(R.M.add(R.c(1), X(E))))},
    {"sin", 1, 1, true, true, ONE(R.fn("cos", X(E)))},
    {"cos", 1, 1, true, true, ONE(R.M.neg(R.fn("sin", X(E))))},
    {"tan", 1, 1, true, true, ONE(R.recip(R.sq(R.fn("cos", X(E)))))},
    {"asin", 1, 1, true, true, ONE(R.recip(R.fn("sqrt", R.M.sub(R.c(1), R.sq(X(E))))))},
    {"acos", 1, 1, true, true,
     ONE(R.M.neg(R.recip(R.fn("sqrt", R.M.sub(R.c(1), R.sq(X(E)))))))},
    {"atan", 1, 1, true, true, ONE(R.recip(R.M.add(R.c(1), R.sq(X(E)))))},
    {"sinh", 1, 1, true, true, ONE(R.fn("cosh", X(E)))},
    {"cosh", 1, 1, true, true, ONE(R.fn("sinh", X(E)))},
    {"asinh", 1, 1, true, true, ONE(R.recip(R.fn("sqrt", R.M.add(R.sq(X(E)), R.c(1)))))},
    {"acosh", 1, 1, true, true, ONE(R.recip(R.fn("sqrt", R.M.sub(R.sq(X(E)), R.c(1)))))},
    {"atanh", 1, 1, true, true, ONE(R.recip(R.M.sub(R.c(1), R.sq(X(E)))))},
    {"erf", 1, 1, true, true,
     ONE(R.M.mul(R.c(2 / std::sqrt(M_PI)), R.fn("exp", R.M.neg(R.sq(X(E))))))},
    {"erfc", 1, 1, true, true,
     ONE(R.M.mul(R.c(-2 / std::sqrt(M_PI)), R.fn("exp", R.M.neg(R.sq(X(E))))))},
    {"lgamma", 1, 1, true, true, ONE(R.M.math("adgen::digamma", {X(E)}, R.T))},
    // Second derivatives of lgamma (adgen/runtime.h).
    {"adgen::digamma", 1, 1, false, false, ONE(R.M.math("adgen::trigamma", {X(E)}, R.T))},
    {"adgen::trigamma", 1, 1, false, false},
    // fabs'(0) is 0.
    {"fabs", 1, 1, true, true,
     ONE(R.M.select(R.cmp(Op::Gt, X(E), R.c(0)), R.c(1),
                    R.M.select(R.cmp(Op::Lt, X(E), R.c(0)), R.c(-1), R.c(0))))},
    // Steps: no derivative flows.
    {"floor", 1, 1}, {"ceil", 1, 1}, {"round", 1, 1}, {"trunc", 1, 1},
    {"pow", 2, 2, true, true, powPartials},
    // fma(a, b, c) = a * b + c, rounded once
    {"fma", 3, 3, true, true,
     [](MathBuilder &R, const Expr *E) -> Partials {
       return {{0, Y(E)}, {1, X(E)}, {2, R.c(1)}};
     }},
    // std::clamp(v, lo, hi) is v < lo ? lo : hi < v ? hi : v
    {"clamp", 3, 3, true, false,
     [](MathBuilder &R, const Expr *E) -> Partials {
       const Expr *Below = R.cmp(Op::Lt, X(E), Y(E)), *Above = R.cmp(Op::Lt, E->Ops[2], X(E));
       return {{0, R.M.select(Below, R.c(0), R.M.select(Above, R.c(0), R.c(1)))},
               {1, R.indicator(Below)},
               {2, R.M.select(Below, R.c(0), R.indicator(Above))}};
     }},
    // atan2(y, x)
    {"atan2", 2, 2, true, true,
     [](MathBuilder &R, const Expr *E) -> Partials {
       const Expr *D = R.M.add(R.sq(X(E)), R.sq(Y(E)));
       return {{0, R.M.div(Y(E), D)}, {1, R.M.neg(R.M.div(X(E), D))}};
     }},
    // fmax(a, b) and std::max(a, b) (a < b ? b : a) follow a when a >= b;
    // fmin and std::min when a <= b.
    {"fmax", 2, 2, true, true,
     [](MathBuilder &R, const Expr *E) -> Partials {
       return {{0, R.indicator(R.cmp(Op::Ge, X(E), Y(E)))},
               {1, R.indicator(R.cmp(Op::Lt, X(E), Y(E)))}};
     }},
    {"max", 2, 2, true, false,
     [](MathBuilder &R, const Expr *E) -> Partials {
       return {{0, R.indicator(R.cmp(Op::Ge, X(E), Y(E)))},
               {1, R.indicator(R.cmp(Op::Lt, X(E), Y(E)))}};
     }},
    {"fmin", 2, 2, true, true,
     [](MathBuilder &R, const Expr *E) -> Partials {
       return {{0, R.indicator(R.cmp(Op::Le, X(E), Y(E)))},
               {1, R.indicator(R.cmp(Op::Gt, X(E), Y(E)))}};
     }},
    {"min", 2, 2, true, false,
     [](MathBuilder &R, const Expr *E) -> Partials {
       return {{0, R.indicator(R.cmp(Op::Le, X(E), Y(E)))},
               {1, R.indicator(R.cmp(Op::Gt, X(E), Y(E)))}};
     }},
    // fmod(a, b) = a - trunc(a / b) * b
    {"fmod", 2, 2, true, true,
     [](MathBuilder &R, const Expr *E) -> Partials {
       return {{0, R.c(1)}, {1, R.M.neg(R.fn("trunc", R.M.div(X(E), Y(E))))}};
     }},
    {"copysign", 2, 2, true, true,
     [](MathBuilder &R, const Expr *E) -> Partials {
       Type BoolT = R.boolT();
       const Expr *Same = R.M.binary(Op::Eq, R.M.math("std::signbit", {X(E)}, BoolT),
                                     R.M.math("std::signbit", {Y(E)}, BoolT), BoolT);
       return {{0, R.M.select(Same, R.c(1), R.c(-1))}};
     }},
    // Classification and comparison: bool or int results, no derivative.
    {"isnan", 1, 1}, {"isinf", 1, 1}, {"isfinite", 1, 1}, {"isnormal", 1, 1},
    {"signbit", 1, 1}, {"fpclassify", 1, 1},
    {"isgreater", 2, 2}, {"isgreaterequal", 2, 2}, {"isless", 2, 2},
    {"islessequal", 2, 2}, {"islessgreater", 2, 2}, {"isunordered", 2, 2},
};

#undef X
#undef Y
#undef ONE
#undef VALUE

Partials viaValue(MathBuilder &R, const Expr *E) {
  const MathFunction *F = mathFunction(E->Text);
  const Expr *V = R.M.math(E->Text, E->Ops, R.T);
  Partials Out;
  for (unsigned I = 0; I < E->Ops.size(); ++I)
    Out.push_back({I, F->FromValue(R, E, I, V)});
  return Out;
}

} // namespace

const MathFunction *adgen::mathFunction(llvm::StringRef Name) {
  for (const MathFunction &F : Table)
    if (Name == F.Name)
      return &F;
  return nullptr;
}

std::optional<std::string> adgen::canonicalMathName(llvm::StringRef Name, unsigned Arity) {
  if (Name == "abs")
    return Arity == 1 ? std::optional<std::string>("fabs") : std::nullopt;
  auto fits = [&](const MathFunction *F) {
    return F && F->UserName && Arity >= F->MinArity && Arity <= F->MaxArity;
  };
  if (fits(mathFunction(Name)))
    return Name.str();
  // C's float and long double variants: expf, expl, fabsf, ...
  if (Name.ends_with("f") || Name.ends_with("l")) {
    const MathFunction *F = mathFunction(Name.drop_back());
    if (fits(F) && F->Suffixed)
      return Name.drop_back().str();
  }
  return std::nullopt;
}
