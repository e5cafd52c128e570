//===- Graph/MathFunctions.h - The elementary functions adgen knows -*- C++ -*-===//
///
/// \file
/// The <cmath> functions (and std::min / std::max) that are elementary
/// operations of the graph rather than calls: the builder recognises them,
/// the transforms know their derivatives.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_MATHFUNCTIONS_H
#define ADGEN_GRAPH_MATHFUNCTIONS_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace adgen::graph {

/// The canonical name of a math function spelled \p Name with \p Arity
/// arguments ("expf" -> "exp", "fabsl" -> "fabs"), or nullopt if adgen does
/// not know it. std::abs/abs of a floating-point value is "fabs"; std::min,
/// std::max and std::clamp are "min", "max" and "clamp"; "hypot" takes two
/// or three arguments (C++17's std::hypot(x, y, z)).
std::optional<std::string> canonicalMathName(llvm::StringRef Name, unsigned Arity);

} // namespace adgen::graph

#endif
