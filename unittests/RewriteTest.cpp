//===- unittests/RewriteTest.cpp - The shared block rewriter --------------===//
//
// Graph/Rewrite.h on graphs built by hand: the input is never changed,
// untouched statements are shared, nested blocks are rewritten by the same
// pass, and rewriteNested / rebuildNested touch only the blocks asked for.
// No Clang is linked.
//
//===----------------------------------------------------------------------===//
#include "Graph/Graph.h"
#include "Graph/Rewrite.h"
#include "gtest/gtest.h"
#include <string>

using namespace adgen;
using namespace adgen::graph;

namespace {

Type dbl() { return Type::scalar(ScalarKind::Double, "double"); }

/// Drops comments everywhere, and doubles every break.
struct DropComments : BlockRewriter {
  using BlockRewriter::BlockRewriter;
  void stmt(Stmt *S, Block &Out) override {
    if (S->K == StmtKind::Comment)
      return;
    if (S->K == StmtKind::Break)
      Out.push_back(S);
    BlockRewriter::stmt(S, Out);
  }
};

unsigned count(const Block &B, StmtKind K) {
  unsigned N = 0;
  forEachStmt(B, [&](Stmt *S) { N += S->K == K; });
  return N;
}

struct Fixture {
  Module M;
  Function &F = M.addFunction("f");
  Var *X = F.addVar("x", dbl(), VarKind::Param);
  Stmt *Set = M.assign(M.ref(X), M.floatConst(1, dbl()));
  /// x = 1; // a; if (x < 2) { // b; x = 1; } else { while (x < 3) { // c; break; } }
  Block body() {
    Type B = Type::scalar(ScalarKind::Bool, "bool");
    Stmt *Loop = M.loop(LoopKind::While, {}, M.binary(Op::Lt, M.ref(X), M.floatConst(3, dbl()), B),
                        {M.comment("c"), M.brk()}, {});
    return {Set, M.comment("a"),
            M.ifStmt(M.binary(Op::Lt, M.ref(X), M.floatConst(2, dbl()), B), {M.comment("b"), Set},
                     {Loop})};
  }
};

TEST(BlockRewriter, RewritesNestedBlocksAndLeavesTheInputAlone) {
  Fixture Fx;
  Block In = Fx.body();
  Block Out = DropComments(Fx.M).rewrite(In);
  EXPECT_EQ(count(Out, StmtKind::Comment), 0u);
  EXPECT_EQ(count(Out, StmtKind::Break), 2u);
  ASSERT_EQ(Out.size(), 2u);
  EXPECT_EQ(Out[0], Fx.Set); // a statement without blocks is kept, not copied
  EXPECT_NE(Out[1], In[2]);  // the if is rebuilt
  EXPECT_EQ(Out[1]->Value, In[2]->Value);
  ASSERT_EQ(Out[1]->Then.size(), 1u);
  EXPECT_EQ(Out[1]->Then[0], Fx.Set);
  // The input still has its comments and its one break.
  EXPECT_EQ(count(In, StmtKind::Comment), 3u);
  EXPECT_EQ(count(In, StmtKind::Break), 1u);
}

TEST(BlockRewriter, DefaultRewriteKeepsEveryStatement) {
  Fixture Fx;
  Block In = Fx.body();
  Block Out = BlockRewriter(Fx.M).rewrite(In);
  ASSERT_EQ(Out.size(), In.size());
  EXPECT_EQ(count(Out, StmtKind::Comment), 3u);
  EXPECT_EQ(Out[1], In[1]);
}

TEST(RewriteNested, OnlyTheBlocksAskedFor) {
  Fixture Fx;
  Block B = Fx.body();
  Stmt *If = B[2];
  std::vector<size_t> Sizes;
  rewriteNested(Fx.M, B, [&](Block &Inner) { Sizes.push_back(Inner.size()); Inner.clear(); },
                ThenBlock);
  EXPECT_EQ(Sizes, std::vector<size_t>{2});
  EXPECT_NE(B[2], If);        // replaced by a copy
  EXPECT_TRUE(B[2]->Then.empty());
  EXPECT_EQ(B[2]->Else, If->Else); // not asked for: as it was
  EXPECT_EQ(If->Then.size(), 2u);  // the original is unchanged
  EXPECT_EQ(B[0], Fx.Set);         // no blocks: kept
}

TEST(RebuildNested, BlocksInOrderOtherFieldsCopied) {
  Fixture Fx;
  Block B = Fx.body();
  std::vector<size_t> Sizes;
  Stmt *Copy = rebuildNested(Fx.M, B[2], [&](const Block &Inner) {
    Sizes.push_back(Inner.size());
    return Block{};
  });
  EXPECT_EQ(Sizes, (std::vector<size_t>{2, 1, 0, 0, 0})); // Then, Else, Init, Body, Inc
  EXPECT_EQ(Copy->K, StmtKind::If);
  EXPECT_EQ(Copy->Value, B[2]->Value);
  EXPECT_TRUE(Copy->Then.empty() && Copy->Else.empty());
  EXPECT_TRUE(hasNested(*B[2], ElseBlock));
  EXPECT_FALSE(hasNested(*B[2], BodyBlock));
}

} // namespace
