//===- Graph/Rewrite.cpp - The transforms' walk-and-rebuild skeleton ------===//

#include "Graph/Rewrite.h"

using namespace adgen;
using namespace adgen::graph;

std::vector<Block *> adgen::graph::nestedBlocks(Stmt &S, unsigned Which) {
  std::vector<Block *> Out;
  std::pair<unsigned, Block *> All[] = {{ThenBlock, &S.Then},
                                        {ElseBlock, &S.Else},
                                        {InitBlock, &S.Init},
                                        {BodyBlock, &S.Body},
                                        {IncBlock, &S.Inc}};
  for (auto [Bit, B] : All)
    if (Which & Bit)
      Out.push_back(B);
  return Out;
}

bool adgen::graph::hasNested(const Stmt &S, unsigned Which) {
  for (Block *B : nestedBlocks(const_cast<Stmt &>(S), Which))
    if (!B->empty())
      return true;
  return false;
}

Stmt *adgen::graph::rebuildNested(Module &M, const Stmt *S,
                                  llvm::function_ref<Block(const Block &)> Fn, unsigned Which) {
  Stmt C = *S;
  for (Block *B : nestedBlocks(C, Which))
    *B = Fn(*B);
  return M.make(std::move(C));
}

BlockRewriter::~BlockRewriter() = default;

Block BlockRewriter::rewrite(const Block &In) {
  Block Out;
  rewrite(In, Out);
  return Out;
}

void BlockRewriter::rewrite(const Block &In, Block &Out) {
  for (Stmt *S : In)
    stmt(S, Out);
}

void BlockRewriter::stmt(Stmt *S, Block &Out) { Out.push_back(rebuild(S)); }

Stmt *BlockRewriter::rebuild(Stmt *S) {
  if (!hasNested(*S))
    return S;
  return rebuildNested(M, S, [&](const Block &B) { return rewrite(B); });
}

void adgen::graph::rewriteNested(Module &M, Block &B, llvm::function_ref<void(Block &)> Fn,
                          unsigned Which) {
  for (Stmt *&S : B) {
    if (!hasNested(*S, Which))
      continue;
    Stmt C = *S;
    for (Block *N : nestedBlocks(C, Which))
      Fn(*N);
    S = M.make(std::move(C));
  }
}
