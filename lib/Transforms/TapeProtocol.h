//===- Transforms/TapeProtocol.h - Calls of adgen::Tape's methods -*- C++ -*-===//
///
/// \file
/// Generated code talks to the runtime's tape (include/adgen/tape.h) through
/// a handful of methods. Reverse mode writes those calls, forward over
/// reverse recognises and extends them; both go through here, so the
/// runtime's method names are spelled in one place.
///
/// \code
///   Stmt *S = tape::drop(M, Tape, Ty, Where);      // tape.drop<double>();
///   if (tape::isReserve(D->Value)) ...             // tape.reserve(bytes)
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_TRANSFORMS_TAPEPROTOCOL_H
#define ADGEN_TRANSFORMS_TAPEPROTOCOL_H

#include "Graph/Graph.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace adgen::tape {

/// `Tape.<Method>(Args...)` as a statement (pushResize, popResize, ...).
graph::Stmt *methodCall(graph::Module &M, graph::Var *Tape, llvm::StringRef Method,
                        std::vector<const graph::Expr *> Args, graph::Loc Where = {});

/// `Tape.drop<T>()`: forgets the last pushed value of type \p T (forward
/// over reverse: a value restored into memory with no tangent pushed its
/// tangent right after it).
graph::Stmt *drop(graph::Module &M, graph::Var *Tape, const graph::Type &T,
                  graph::Loc Where = {});

/// `Tape.pushResize(V, Size)`: stores std::vector \p V's elements beyond
/// \p Size and its size, then resizes it (StmtKind::Resize in a forward sweep).
graph::Stmt *pushResize(graph::Module &M, graph::Var *Tape, graph::Var *V,
                        const graph::Expr *Size, graph::Loc Where = {});

/// `Tape.popResize(V)`: undoes the newest pushResize of \p V.
graph::Stmt *popResize(graph::Module &M, graph::Var *Tape, graph::Var *V,
                       graph::Loc Where = {});

/// `Tape.reserve(Bytes)`: a cursor of type \p CursorTy for unchecked pushes.
const graph::Expr *reserve(graph::Module &M, graph::Var *Tape, const graph::Type &CursorTy,
                           const graph::Expr *Bytes);

/// Whether \p E is a `reserve` made by reserve(); its byte count is Ops[0].
bool isReserve(const graph::Expr *E);

/// `Tape.commit(Cursor)`: the cursor's pushes become the tape's.
graph::Stmt *commit(graph::Module &M, graph::Var *Tape, graph::Var *Cursor,
                    graph::Loc Where = {});

} // namespace adgen::tape

#endif // ADGEN_TRANSFORMS_TAPEPROTOCOL_H
