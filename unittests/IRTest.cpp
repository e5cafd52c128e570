//===- unittests/IRTest.cpp - Graph passes without Clang ------------------===//
//
// Tests of the IR library and of graph passes on graphs built by hand with
// graph::Module: this executable links adgenIR, adgenAnalysis and
// adgenTransforms only, no Clang, which is what keeps those stages
// Clang-free.
//
//===----------------------------------------------------------------------===//
#include "Analysis/WriteOnly.h"
#include "Graph/Graph.h"
#include "Graph/MathTable.h"
#include "Transforms/MathRules.h"
#include "Transforms/ReuseValues.h"
#include "Transforms/ShareCalls.h"
#include "gtest/gtest.h"
#include <string>

using namespace adgen;
using namespace adgen::graph;

namespace {

Type dbl() { return Type::scalar(ScalarKind::Double, "double"); }

std::string text(const Expr *E) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  switch (E->K) {
  case Op::VarRef:
    return E->V->Name;
  case Op::Const:
    return E->Text;
  case Op::Math: {
    OS << E->Text << "(";
    for (size_t I = 0; I < E->Ops.size(); ++I)
      OS << (I ? ", " : "") << text(E->Ops[I]);
    OS << ")";
    return Out;
  }
  case Op::Neg:
    return "-" + text(E->Ops[0]);
  case Op::Load:
    return text(E->Ops[0]) + "[" + text(E->Ops[1]) + "]";
  default:
    OS << "(" << text(E->Ops[0]) << " " << opName(E->K) << " " << text(E->Ops[1]) << ")";
    return Out;
  }
}

TEST(MathTable, SpellingsReachCanonicalNames) {
  EXPECT_EQ(canonicalMathName("expf", 1), "exp");
  EXPECT_EQ(canonicalMathName("fabsl", 1), "fabs");
  EXPECT_EQ(canonicalMathName("abs", 1), "fabs");
  EXPECT_EQ(canonicalMathName("erf", 1), "erf");
  EXPECT_EQ(canonicalMathName("erff", 1), "erf");
  EXPECT_EQ(canonicalMathName("hypot", 3), "hypot");
  EXPECT_EQ(canonicalMathName("fmaf", 3), "fma");
  EXPECT_FALSE(canonicalMathName("maxf", 2)); // std::max has no C variants
  EXPECT_FALSE(canonicalMathName("exp", 2));   // wrong arity
  EXPECT_FALSE(canonicalMathName("digamma", 1));
  EXPECT_FALSE(canonicalMathName("adgen::digamma", 1)); // adgen's own
}

TEST(MathTable, PartialsFromOperandsAgreeWithPartialsFromValue) {
  // tanh, exp and hypot have one rule, written with the value; their
  // operand form is that rule applied to the call itself.
  Module M;
  Function &F = M.addFunction("f");
  Var *X = F.addVar("x", dbl(), VarKind::Param);
  Var *Y = F.addVar("y", dbl(), VarKind::Param);
  for (const char *Name : {"tanh", "exp", "hypot", "sqrt", "cbrt"}) {
    std::vector<const Expr *> Ops{M.ref(X)};
    if (std::string(Name) == "hypot")
      Ops.push_back(M.ref(Y));
    const Expr *Call = M.math(Name, Ops, dbl());
    std::vector<Partial> Ps = partials(M, Call);
    ASSERT_EQ(Ps.size(), Ops.size()) << Name;
    for (const Partial &P : Ps) {
      const Expr *FromValue = partialFromValue(M, Call, P.Operand, Call);
      ASSERT_NE(FromValue, nullptr) << Name;
      if (std::string(Name) != "sqrt") // sqrt's operand form is 1 / (2 sqrt(x))
        EXPECT_EQ(text(P.Factor), text(FromValue)) << Name;
    }
  }
  EXPECT_EQ(text(partials(M, M.math("tanh", {M.ref(X)}, dbl()))[0].Factor),
            "(1.0 sub (tanh(x) mul tanh(x)))");
  EXPECT_EQ(partialFromValue(M, M.math("sin", {M.ref(X)}, dbl()), 0, M.ref(X)), nullptr);
  EXPECT_TRUE(partials(M, M.math("floor", {M.ref(X)}, dbl())).empty());
}

TEST(WriteOnly, OutputBufferWrittenNeverRead) {
  // void rhs(const double *y, double *dy, double *acc) {
  //   dy[0] = y[1]; dy[1] = -y[0]; acc[0] = acc[0] + y[0];
  // }
  Module M;
  Function &F = M.addFunction("rhs");
  Var *Y = F.addVar("y", Type::pointerTo(ScalarKind::Double, "double", true), VarKind::Param);
  Var *DY = F.addVar("dy", Type::pointerTo(ScalarKind::Double, "double", false), VarKind::Param);
  Var *Acc = F.addVar("acc", Type::pointerTo(ScalarKind::Double, "double", false), VarKind::Param);
  F.Params = {Y, DY, Acc};
  auto at = [&](Var *P, int I) { return M.load(M.ref(P), M.intConst(I)); };
  F.Body.push_back(M.assign(at(DY, 0), at(Y, 1)));
  F.Body.push_back(M.assign(at(DY, 1), M.neg(at(Y, 0))));
  F.Body.push_back(M.assign(at(Acc, 0), M.add(at(Acc, 0), at(Y, 0))));
  std::vector<bool> W = writeOnlyParams(F);
  EXPECT_EQ(W, (std::vector<bool>{false, true, false}));
}

TEST(ShareCalls, RepeatedCallComputedOnceUntilItsOperandChanges) {
  // d = x * exp(x); v = exp(x) + 1; x = 2 * x; w = exp(x);
  Module M;
  Function &F = M.addFunction("f");
  Var *X = F.addVar("x", dbl(), VarKind::Local);
  Var *D = F.addVar("d", dbl(), VarKind::Local);
  Var *V = F.addVar("v", dbl(), VarKind::Local);
  Var *W = F.addVar("w", dbl(), VarKind::Local);
  auto ex = [&] { return M.math("std::exp", {M.ref(X)}, dbl()); };
  F.Body = {M.decl(D, M.mul(M.ref(X), ex())), M.decl(V, M.add(ex(), M.floatConst(1, dbl()))),
            M.assign(M.ref(X), M.mul(M.floatConst(2, dbl()), M.ref(X))), M.decl(W, ex())};
  shareRepeatedCalls(M, F);
  ASSERT_EQ(F.Body.size(), 5u);
  EXPECT_EQ(F.Body[0]->K, StmtKind::Decl);
  EXPECT_EQ(F.Body[0]->V->Name, "exp_x");
  EXPECT_EQ(text(F.Body[1]->Value), "(x mul exp_x)");
  EXPECT_EQ(text(F.Body[2]->Value), "(exp_x add 1.0)");
  EXPECT_EQ(text(F.Body[4]->Value), "std::exp(x)"); // x changed: called again
}

TEST(ShareCalls, AFunctionCallEndsTheRun) {
  // d = tanh(a); r = g_fwd(a) (may write a through a reference); v = tanh(a)
  // (fuzz --calls seed 94064: forward mode of a helper taking double&).
  Module M;
  Function &F = M.addFunction("f");
  Var *A = F.addVar("a", dbl(), VarKind::Local);
  Var *D = F.addVar("d", dbl(), VarKind::Local);
  Var *R = F.addVar("r", dbl(), VarKind::Local);
  Var *V = F.addVar("v", dbl(), VarKind::Local);
  auto th = [&] { return M.math("std::tanh", {M.ref(A)}, dbl()); };
  F.Body = {M.decl(D, M.mul(th(), th())), M.decl(R, M.call("g_fwd", {M.ref(A)}, dbl())),
            M.decl(V, th())};
  shareRepeatedCalls(M, F);
  ASSERT_EQ(F.Body.size(), 4u);
  EXPECT_EQ(F.Body[0]->V->Name, "tanh_a");
  EXPECT_EQ(text(F.Body[3]->Value), "std::tanh(a)"); // not tanh_a: a may have changed
}

} // namespace
