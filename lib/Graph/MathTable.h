//===- Graph/MathTable.h - Everything adgen knows of a math function -*- C++ -*-===//
///
/// \file
/// One declarative table of the <cmath> functions (and std::min, std::max,
/// std::clamp) that are elementary operations of the graph: per function its
/// canonical name and arity, which spellings reach it (`sin`, `std::sin`,
/// `sinf`, `sinl`), its partial derivatives, and whether a partial can be
/// written with the function's own value (reverse mode then keeps that value
/// instead of calling the function again). The graph builder, forward and
/// reverse mode and ReuseValues all read this table.
///
/// \code
///   const MathFunction *F = mathFunction("tanh");
///   MathBuilder B{M, T};
///   std::vector<Partial> Ps = F->Partials(B, E);        // 1 - tanh(x)^2
///   const Expr *D = F->FromValue(B, E, 0, M.ref(V));     // 1 - v * v
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_MATHTABLE_H
#define ADGEN_GRAPH_MATHTABLE_H

#include "Graph/Graph.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace adgen {

/// d(E)/d(E.Ops[Operand]) = Factor.
struct Partial {
  unsigned Operand;
  const graph::Expr *Factor;
};

/// Builds partial-derivative factors in the precision \p T of one call.
struct MathBuilder {
  graph::Module &M;
  graph::Type T;

  const graph::Expr *c(double V) { return M.floatConst(V, T); }
  const graph::Expr *fn(const char *Name, const graph::Expr *A) { return M.math(Name, {A}, T); }
  const graph::Expr *fn(const char *Name, const graph::Expr *A, const graph::Expr *B) {
    return M.math(Name, {A, B}, T);
  }
  const graph::Expr *sq(const graph::Expr *A) { return M.mul(A, A); }
  const graph::Expr *recip(const graph::Expr *A) { return M.div(c(1), A); }
  graph::Type boolT() { return graph::Type::scalar(graph::ScalarKind::Bool, "bool"); }
  const graph::Expr *cmp(graph::Op K, const graph::Expr *A, const graph::Expr *B) {
    return M.binary(K, A, B, boolT());
  }
  /// Cond ? 1 : 0 as a factor.
  const graph::Expr *indicator(const graph::Expr *Cond) { return M.select(Cond, c(1), c(0)); }
};

/// One elementary function.
struct MathFunction {
  const char *Name; ///< canonical: the graph's Math Text
  unsigned MinArity, MaxArity;
  /// Spelled by users (false: adgen's own, e.g. adgen::digamma).
  bool UserName = true;
  /// C's float and long double variants (expf, expl) name it too.
  bool Suffixed = true;
  /// The partials with respect to the operands; null where no derivative
  /// flows (bool or integer results, steps such as floor).
  std::vector<Partial> (*Partials)(MathBuilder &B, const graph::Expr *E) = nullptr;
  /// The partial with respect to operand \p I written with the call's own
  /// value \p V (sqrt: 0.5 / V); null if the function has no such form.
  const graph::Expr *(*FromValue)(MathBuilder &B, const graph::Expr *E, unsigned I,
                                  const graph::Expr *V) = nullptr;
};

/// The entry of canonical name \p Name, or null.
const MathFunction *mathFunction(llvm::StringRef Name);

/// The canonical name of a math function spelled \p Name with \p Arity
/// arguments ("expf" -> "exp", "fabsl" -> "fabs"), or nullopt if adgen does
/// not know it. std::abs/abs of a floating-point value is "fabs"; std::min,
/// std::max and std::clamp are "min", "max" and "clamp"; "hypot" takes two
/// or three arguments (C++17's std::hypot(x, y, z)).
std::optional<std::string> canonicalMathName(llvm::StringRef Name, unsigned Arity);

} // namespace adgen

#endif
