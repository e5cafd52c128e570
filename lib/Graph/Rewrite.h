//===- Graph/Rewrite.h - The transforms' walk-and-rebuild skeleton -*- C++ -*-===//
///
/// \file
/// Graph statements are shared between functions (a transform's output may
/// reuse its input's), so a pass never edits a nested block in place: it
/// rebuilds the statement that holds it. These are that skeleton, once:
///
/// - BlockRewriter: rewrites a block into a new one, statement by
///   statement. A pass overrides stmt() for the kinds it changes and calls
///   the default for the rest, which rebuilds compound statements (if,
///   loop, scope) with their blocks rewritten by the same pass.
/// - rewriteNested(): replaces, in a block, each compound statement by a
///   copy whose nested blocks a function has rewritten in place (passes
///   that work on a block and then on the blocks inside it).
///
/// \code
///   struct DropComments : BlockRewriter {
///     using BlockRewriter::BlockRewriter;
///     void stmt(Stmt *S, Block &Out) override {
///       if (S->K != StmtKind::Comment)
///         BlockRewriter::stmt(S, Out);
///     }
///   };
///   F.Body = DropComments(M).rewrite(F.Body);
/// \endcode
///
/// Clang-free, like the rest of the IR.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_REWRITE_H
#define ADGEN_GRAPH_REWRITE_H

#include "Graph/Graph.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace adgen::graph {

/// The nested blocks of a statement, as a set.
enum NestedBlocks : unsigned {
  ThenBlock = 1,
  ElseBlock = 2,
  InitBlock = 4,
  BodyBlock = 8,
  IncBlock = 16,
  AllBlocks = ThenBlock | ElseBlock | InitBlock | BodyBlock | IncBlock,
};

/// The blocks of \p S in \p Which, in the order Then, Else, Init, Body, Inc.
std::vector<Block *> nestedBlocks(Stmt &S, unsigned Which = AllBlocks);

/// True if \p S has a non-empty block in \p Which.
bool hasNested(const Stmt &S, unsigned Which = AllBlocks);

/// A copy of \p S whose blocks in \p Which are \p Fn of the originals
/// (called in the order Then, Else, Init, Body, Inc); the others, and every
/// other field, as in \p S.
Stmt *rebuildNested(Module &M, const Stmt *S, llvm::function_ref<Block(const Block &)> Fn,
                    unsigned Which = AllBlocks);

/// Rewrites blocks into new blocks; the input is never changed.
class BlockRewriter {
public:
  explicit BlockRewriter(Module &M) : M(M) {}
  virtual ~BlockRewriter();

  /// \p In rewritten: each statement through stmt(), in order.
  Block rewrite(const Block &In);
  /// Appends \p In rewritten to \p Out.
  void rewrite(const Block &In, Block &Out);

protected:
  /// Appends what replaces \p S to \p Out (any number of statements). The
  /// default appends rebuild(S).
  virtual void stmt(Stmt *S, Block &Out);
  /// \p S with its nested blocks rewritten: a new statement, a copy of \p S
  /// but for its blocks, when it has any; \p S itself otherwise.
  Stmt *rebuild(Stmt *S);

  Module &M;
};

/// Replaces each statement of \p B that has a non-empty block in \p Which
/// by a copy whose blocks in \p Which \p Fn has rewritten in place (Then,
/// Else, Init, Body, Inc, in that order). Statements without such blocks
/// stay as they are.
void rewriteNested(Module &M, Block &B, llvm::function_ref<void(Block &)> Fn,
                   unsigned Which = AllBlocks);

} // namespace adgen::graph

#endif
