//===- Transforms/ReuseValues.h - Keep values the adjoint needs --*- C++ -*-===//
///
/// \file
/// The partial derivatives of sqrt, exp, tanh, cbrt and hypot are functions
/// of their own result (d sqrt(u)/du = 1 / (2 sqrt(u))). Reverse mode would
/// evaluate such a function again in the backward sweep; instead, each one
/// inside an active statement is given a local of its own in the forward
/// sweep, and the backward sweep reads that local:
///
/// \code
///   e -= g * m / std::sqrt(r2 + s * s);
/// // becomes
///   double sqrt_val = std::sqrt(r2 + s * s);
///   e -= g * m / sqrt_val;
/// // whose adjoint statement is  d_u += d_sqrt_val * (0.5 / sqrt_val)
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_REUSEVALUES_H
#define ADGEN_TRANSFORMS_REUSEVALUES_H

#include "Analysis/Activity.h"
#include "Graph/Graph.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <vector>

namespace adgen {

/// Gives each reusable elementary function in an active assignment of \p Body
/// a local of \p G (declared just before the assignment, active in \p A).
/// Statements of \p Body are not changed: changed ones are replaced by
/// copies. Returns the new locals.
/// \p Result (the lowered return value, or null) counts as active.
llvm::DenseSet<graph::Var *> splitReusableValues(graph::Module &M, graph::Function &G,
                                                 graph::Block &Body, Activity &A,
                                                 graph::Var *Result);

/// The partial derivative of elementary function \p N with respect to its
/// operand \p Operand, written with \p Value, N's own value.
const graph::Expr *partialFromValue(graph::Module &M, const graph::Expr *N, unsigned Operand,
                                    const graph::Expr *Value);

/// sin(u) or cos(u) in a statement whose partial is the value of a local
/// holding the other function of the same u (see trigTwins).
struct TrigTwin {
  const graph::Expr *Call; ///< sin(u) or cos(u), a node of the statement's value
  graph::Var *Other;       ///< holds cos(u) or sin(u) respectively
};

/// d sin(u) = cos(u) du and d cos(u) = -sin(u) du: where code computes both
/// (a rotation: `double c = std::cos(t), s = std::sin(t);`), each partial is
/// the other's value, and the backward sweep need not evaluate sin and cos
/// again. For each statement of \p Body outside loops holding sin(u) or
/// cos(u), the local declared in the same block as exactly the other
/// function of the same u, when that local is never written after its
/// declaration (so the backward sweep never restores it) and the statements
/// from one to the other write nothing u reads.
llvm::DenseMap<const graph::Stmt *, std::vector<TrigTwin>> trigTwins(const graph::Block &Body);

} // namespace adgen

#endif
