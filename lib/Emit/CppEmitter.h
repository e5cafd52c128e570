//===- Emit/CppEmitter.h - Graph functions to C++ source ---------*- C++ -*-===//
///
/// \file
/// adgen's own printer: it decides names, parentheses, comments and layout,
/// so the output is self-contained, deterministic and readable. The result
/// is then formatted with clang-format's LLVM style.
///
/// \code
///   EmitOptions O;
///   O.Include = "model.cpp";
///   std::string Text = emitSource(Functions, O);
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_EMIT_CPPEMITTER_H
#define ADGEN_EMIT_CPPEMITTER_H

#include "Graph/Graph.h"
#include <string>
#include <vector>

namespace adgen {

struct EmitOptions {
  /// Banner lines (without "// ").
  std::vector<std::string> Banner;
  /// What the output #includes first: the input, as the compiler should
  /// find it from the output's directory.
  std::string Include;
  /// Emit `#line` directives pointing back at the input.
  bool LineDirectives = false;
  std::string InputPath;
};

/// The whole generated source file.
std::string emitSource(const std::vector<graph::Function *> &Fns, const EmitOptions &O);

/// A header declaring the public (non-helper) functions of \p Fns.
std::string emitHeader(const std::vector<graph::Function *> &Fns, const EmitOptions &O);

/// One expression as C++ (for tests and diagnostics).
std::string emitExpr(const graph::Expr *E);

/// Formats C++ text with clang-format's LLVM style.
std::string formatCpp(const std::string &Code);

} // namespace adgen

#endif
