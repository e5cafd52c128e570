//===- Graph/ArgumentOverlap.h - Arguments that reach the same storage ----===//
//
// A called function is differentiated as if its reference and pointer
// parameters reached separate storage: its storage plan keeps no copy of
// what it reads through a `const double *` it never writes, and a
// `const double &` argument is read as a value. Two arguments of one call
// that reach the same variable, where the callee may write through one of
// them (`f2(t, t)` with `f2(double &a, const double &b)`, `mulnext(t + 1,
// t)`, `swap_mul(t, t)`, `s.addFrom(s.v)`), would get a wrong derivative or
// even a wrong value, so such calls are refused. Element or field
// references with different constant indices (`g(t[0], t[1])`, `g(s.a,
// s.b)`) are separate storage.
//
//===----------------------------------------------------------------------===//

#ifndef ADGEN_GRAPH_ARGUMENTOVERLAP_H
#define ADGEN_GRAPH_ARGUMENTOVERLAP_H

#include "Graph/Graph.h"
#include <string>
#include <vector>

namespace adgen {

/// Why the call of \p C with \p Args (the object first, for a method) may
/// pass overlapping storage to a parameter it writes through; "" if not.
/// \p Shown names the callee as the source does.
std::string overlappingArguments(const graph::Callee &C,
                                 const std::vector<const graph::Expr *> &Args,
                                 const std::string &Shown);

} // namespace adgen

#endif
