//===- Graph/LocalTypes.h - Types declared inside a function ----*- C++ -*-===//
///
/// \file
/// A struct, enum or type alias declared inside a differentiated function
/// (`struct P { double a, b; };`) cannot be named by the generated
/// functions, which adgen writes at namespace scope. So each generated
/// function declares the ones it uses again, at the top of its body, from
/// their source text: its tape, adjoints, tangents and locals then use its
/// own copy of the type, which has the same layout and member functions.
///
/// The front end (Graph/LocalTypeDecls.cpp) records each such declaration
/// here, keyed by the function whose graph holds it (graph::Function::Decl,
/// which every function generated from it keeps); the emitter asks, per
/// generated function, for the declarations its code names. Clang-free.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_LOCALTYPES_H
#define ADGEN_GRAPH_LOCALTYPES_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace adgen::graph {

/// A type declared inside a function, as the source wrote it.
struct LocalType {
  /// The declaration's identity (one record per declaration).
  const void *Decl = nullptr;
  /// The function whose graph holds it: graph::Function::Decl.
  const void *Owner = nullptr;
  /// Its name, and the names of an unscoped enum's constants: code that
  /// mentions one of them needs the declaration.
  std::vector<std::string> Names;
  /// The declaration, `;` included.
  std::string Text;
};

/// Forgets every local type: a new translation unit (one GraphBuilder each).
void forgetLocalTypes();

/// Records \p T. An empty result when it is new, or already recorded; the
/// name it shares with a different local type of the same owner otherwise
/// (generated code declares all of a function's types in one scope).
std::string addLocalType(LocalType T);

/// The declarations of \p Owner's local types that \p Code names, and those
/// their own text names, in source order, one per line; "" for none.
std::string localTypeDeclarations(const void *Owner, llvm::StringRef Code);

} // namespace adgen::graph

#endif
