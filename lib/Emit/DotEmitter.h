//===- Emit/DotEmitter.h - The computation graph as a picture ----*- C++ -*-===//
///
/// \file
/// `adgen --emit=dot`: a marked function's computation graph in Graphviz
/// format, so a person can see what adgen built: operations as nodes, data
/// flow as edges, active values and values the reverse sweep stores marked,
/// and the adjoint flow of the reverse sweep drawn against the data flow.
///
/// \code
///   DotOptions O;
///   O.Act = &Activity;            // which values carry derivatives
///   O.Taped = {"s", "x[]"};       // what reverse mode stores
///   std::string Dot = emitDot(F, O);   // dot -Tsvg to render
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_EMIT_DOTEMITTER_H
#define ADGEN_EMIT_DOTEMITTER_H

#include "Analysis/Activity.h"
#include "Graph/Graph.h"
#include <set>
#include <string>

namespace adgen {

struct DotOptions {
  /// Activity of F's variables for the request (null: nothing is active).
  const Activity *Act = nullptr;
  /// Names of variables (arrays as "name[]") whose old values reverse mode
  /// pushes on the tape.
  std::set<std::string> Taped;
};

/// One `digraph` for \p F.
std::string emitDot(const graph::Function &F, const DotOptions &O);

} // namespace adgen

#endif
