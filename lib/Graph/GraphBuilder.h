//===- Graph/GraphBuilder.h - Clang AST to computation graph -----*- C++ -*-===//
///
/// \file
/// Builds adgen's graph (Graph.h) from the body of a Clang FunctionDecl.
/// Expressions with side effects are split into statements in evaluation
/// order, so every graph expression is pure; calls to functions with visible
/// bodies become Call statements whose callees are built too (once each).
/// Everything adgen cannot differentiate is refused here with a located
/// error that names the construct.
///
/// \code
///   GraphBuilder B(Ctx, M, Diags, Customs);
///   if (graph::Function *F = B.build(FD))
///     graph::printGraph(*F, llvm::outs());
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_GRAPHBUILDER_H
#define ADGEN_GRAPH_GRAPHBUILDER_H

#include "Graph/Graph.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <set>

namespace adgen {

/// Reports errors at source locations, as clang diagnostics.
class Diagnoser : public graph::ErrorSink {
public:
  explicit Diagnoser(clang::ASTContext &Ctx) : Ctx(Ctx) {}
  void error(clang::SourceLocation L, const llvm::Twine &Message);
  void note(clang::SourceLocation L, const llvm::Twine &Message);
  void warning(clang::SourceLocation L, const llvm::Twine &Message);
  void error(graph::Loc L, const std::string &Message) override;
  void note(graph::Loc L, const std::string &Message) override;
  graph::Loc loc(clang::SourceLocation L) const;
  unsigned errorCount() const { return Errors; }
  /// While \p C is set ("--reverse 'ns::f: x'", the request being handled
  /// came from the command line), an error without a location starts with
  /// "in <C>: " and one with a location is followed by a note "in <C>", so
  /// the user knows which request failed. Empty: none.
  void setContext(std::string C) { Context = std::move(C); }

private:
  std::string Context;
  bool seen(clang::SourceLocation L, const std::string &Message);
  clang::ASTContext &Ctx;
  unsigned Errors = 0;
  std::set<std::pair<uint64_t, std::string>> Reported;
};

/// User-written derivatives (ADGEN_CUSTOM) of a primal function.
struct CustomDerivative {
  const clang::FunctionDecl *Fwd = nullptr;
  const clang::FunctionDecl *Pullback = nullptr;
};
using CustomMap = llvm::DenseMap<const clang::FunctionDecl *, CustomDerivative>;

/// Maps a Clang type to a graph type; returns false (without diagnosing) if
/// adgen does not support the type (see TypeMap.cpp).
bool mapType(clang::QualType QT, const clang::ASTContext &Ctx, graph::Type &Out);

/// Why mapType refuses \p QT, as a sentence fragment for an error message
/// ("struct 'S' has a virtual function").
std::string unsupportedTypeReason(clang::QualType QT, const clang::ASTContext &Ctx);

/// A parameter type that holds no floating-point number anywhere (`const
/// std::string &label`, by value or const reference): an opaque value that
/// carries no derivative (Type::Opaque). False for every other type.
bool mapInactiveParam(clang::QualType QT, const clang::ASTContext &Ctx, graph::Type &Out);

/// If \p QT is std::vector<E> or std::array<E, N>: E (and N, 0 for vector).
bool containerOf(clang::QualType QT, clang::QualType &Elem, uint64_t &N, bool &IsVector);

/// If \p QT is std::complex<T>: T.
bool complexOf(clang::QualType QT, clang::QualType &Part);

/// If \p QT is std::pair or std::tuple: its element types.
bool pairOrTupleOf(clang::QualType QT, std::vector<clang::QualType> &Elems, bool &IsTuple);

/// The printing policy for the C++ adgen writes (no "(anonymous namespace)").
clang::PrintingPolicy printingPolicy(const clang::ASTContext &Ctx);

class GraphBuilder {
public:
  GraphBuilder(clang::ASTContext &Ctx, graph::Module &M, Diagnoser &Diags,
               const CustomMap &Customs);
  ~GraphBuilder();

  /// The graph of \p FD (built once). Null after an error, which has been
  /// reported.
  graph::Function *build(const clang::FunctionDecl *FD);

private:
  class Impl;
  std::unique_ptr<Impl> P;
};

} // namespace adgen

#endif // ADGEN_GRAPH_GRAPHBUILDER_H
