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
#include "llvm/ADT/DenseSet.h"

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

} // namespace adgen

#endif
