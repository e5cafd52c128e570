//===- Transforms/MathRules.h - Local partial derivatives --------*- C++ -*-===//
///
/// \file
/// The partial derivative of each elementary operation with respect to each
/// of its operands, as graph expressions over the operands. Forward mode
/// multiplies them by tangents, reverse mode by adjoints; keeping them in
/// one table is what keeps the two modes consistent.
///
/// \code
///   for (const Partial &P : partials(M, E))   // E = sin(x) * y
///     ...  // {operand 0: y, operand 1: sin(x)}
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_MATHRULES_H
#define ADGEN_TRANSFORMS_MATHRULES_H

#include "Graph/Graph.h"
#include "Graph/MathTable.h"
#include <vector>

namespace adgen {

/// The partials of \p E with respect to its floating-point operands. Empty
/// for operations through which no derivative flows (comparisons, integer
/// arithmetic, floor, ...). Non-smooth points take the derivative of the
/// branch the program takes; fabs'(0) is 0.
std::vector<Partial> partials(graph::Module &M, const graph::Expr *E);

} // namespace adgen

#endif
