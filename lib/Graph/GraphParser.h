//===- Graph/GraphParser.h - Reads the text of --emit=graph ------*- C++ -*-===//
///
/// \file
/// Parses the text printGraph writes (`adgen --emit=graph`) back into graph
/// functions, so that a pass can be run on a graph written by hand or saved
/// from adgen (tool/adgen-opt.cpp, the tests in test/Passes). Clang-free,
/// like the rest of the IR library.
///
/// The text is read as printed: `%N = op ... : type` lines define the nodes
/// later lines use; names are parameters, `decl`ared locals, or globals
/// (`::ns::g`); anything else is a constant. What the text does not say is
/// filled in as follows:
///   - a struct's fields are those the text reads (`load s, .x : double`);
///   - a called function is the parsed function of the same name, if any;
///     otherwise a body-less callee whose parameter types are the argument
///     types (memory passed to it may be written);
///   - a global's type is guessed from its use; a constant's from its
///     spelling and the operation it is an operand of.
/// Lost by printing, and so not restored: source locations other than the
/// line, the namespaces of functions, nested scopes ({ }), `omp atomic`.
///
/// \code
///   graph::Module M;
///   llvm::Expected<std::unique_ptr<graph::ParsedGraph>> G = graph::parseGraph(Text, M);
///   if (!G) return reportError(G.takeError());   // "12:7: unknown value %9"
///   for (graph::Function *F : (*G)->Functions) graph::printGraph(*F, llvm::outs());
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_GRAPHPARSER_H
#define ADGEN_GRAPH_GRAPHPARSER_H

#include "Graph/Graph.h"
#include "llvm/Support/Error.h"
#include <deque>
#include <memory>
#include <vector>

namespace adgen::graph {

/// The functions of one parsed text and what their types point to.
struct ParsedGraph {
  /// In the order of the text.
  std::vector<Function *> Functions;
  /// The structs the functions' types name (Type::Rec points here).
  std::deque<Record> Records;

  /// The function named \p Name, or null.
  Function *lookup(llvm::StringRef Name) const {
    for (Function *F : Functions)
      if (F->Name == Name)
        return F;
    return nullptr;
  }
};

/// Parses \p Text, one or more functions as printGraph prints them, into
/// \p M. Errors are "line:col: message" (1-based, col of the offending word).
llvm::Expected<std::unique_ptr<ParsedGraph>> parseGraph(llvm::StringRef Text, Module &M);

/// Parses a type as Type::str() prints it ("const double *",
/// "std::array<double, 3>", "geo::Vec3 &"). Struct spellings are looked up in
/// \p Records (null: no structs); other unknown spellings are integers
/// (enums and the like).
llvm::Expected<Type> parseType(llvm::StringRef Text, const std::deque<Record> *Records);

} // namespace adgen::graph

#endif // ADGEN_GRAPH_GRAPHPARSER_H
