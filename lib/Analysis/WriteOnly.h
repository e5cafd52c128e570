//===- Analysis/WriteOnly.h - Parameters a function only writes --*- C++ -*-===//
///
/// \file
/// An output buffer such as `dy` in `void rhs(const double* y, double* dy)`
/// is written element by element and never read. A caller whose backward
/// sweep does not read the buffer either (RK4's k1..k4) then needs neither
/// the buffer's old contents stored nor restored: the helpers adgen
/// generates for `rhs` may leave what it wrote (ActivityPattern::Unrestored).
///
/// \code
///   std::vector<bool> W = writeOnlyParams(F);
///   if (W[I]) ... // F never reads parameter I's memory
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_ANALYSIS_WRITEONLY_H
#define ADGEN_ANALYSIS_WRITEONLY_H

#include "Graph/Graph.h"
#include <vector>

namespace adgen {

/// Per parameter of \p F: a pointer or array of numbers to non-const that
/// \p F only stores into (`p[e] = v`, `*(p + e) = v`) and never reads, hands
/// to a call, aliases with a pointer local or moves. Functions with OpenMP
/// loops get no such parameters (their backward loops recompute iterations).
std::vector<bool> writeOnlyParams(const graph::Function &F);

} // namespace adgen

#endif
