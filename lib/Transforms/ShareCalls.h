//===- Transforms/ShareCalls.h - One evaluation per library call -*- C++ -*-===//
///
/// \file
/// Forward mode writes a value and its tangent side by side, and both call
/// the same elementary functions: a sigmoid's tangent needs exp(-x) twice
/// more. Under -fmath-errno (the default) a compiler may not merge such
/// calls, so they are merged here: within a straight run of statements, a
/// call that appears more than once with operands nothing in between
/// changes is computed once, into a local named after it.
///
/// \code
///   double d_s = d_x * std::exp(-x) / ((1.0 + std::exp(-x)) * (1.0 + std::exp(-x)));
///   double s = 1.0 / (1.0 + std::exp(-x));
/// // becomes
///   double exp_x = std::exp(-x);
///   double d_s = d_x * exp_x / ((1.0 + exp_x) * (1.0 + exp_x));
///   double s = 1.0 / (1.0 + exp_x);
/// \endcode
///
/// A call inside a loop whose operands the loop does not change (the
/// direction loops of f_fwd_vec) counts as one occurrence before the loop,
/// so it is hoisted out of it.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_SHARECALLS_H
#define ADGEN_TRANSFORMS_SHARECALLS_H

#include "Graph/Graph.h"

namespace adgen {

/// Shares repeated elementary-function calls in every block of \p G (see
/// above). Statements are replaced by copies, never changed in place.
void shareRepeatedCalls(graph::Module &M, graph::Function &G);

/// Computes sin(x) and cos(x) of one double x once, by adgen::sincos, where
/// both are evaluated in a run of statements of a block in which x keeps its
/// value (a backward sweep's partials of sin, a tangent next to its value):
///
/// \code
///   const adgen::SinCos<double> sincos_y = adgen::sincos(y[i]);
///   d_p[i] -= d_dy[4 + i] * sincos_y.sin;
///   d_y[i] += -(d_dy[4 + i] * p[i] * sincos_y.cos) - adj_1;
/// \endcode
///
/// For the emitted code only: the result is not differentiated again.
void pairSinCos(graph::Module &M, graph::Function &G);

} // namespace adgen

#endif
