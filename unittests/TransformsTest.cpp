//===- unittests/TransformsTest.cpp - Transforms with a fake context ------===//
//
// The forward and reverse transforms run on graphs built by hand, with a
// fake TransformContext in place of the Differentiator: it hands out helper
// names, records which helpers a transform asks for (callee and pattern of
// active arguments), and collects errors. No Clang is linked.
//
//===----------------------------------------------------------------------===//
#include "Graph/Graph.h"
#include "Transforms/Differentiator.h"
#include "Transforms/TransformContext.h"
#include "gtest/gtest.h"
#include <string>
#include <vector>

using namespace adgen;
using namespace adgen::graph;

namespace {

Type dbl() { return Type::scalar(ScalarKind::Double, "double"); }

/// Stands in for the Differentiator: no helper is ever generated.
struct FakeContext : TransformContext, ErrorSink {
  explicit FakeContext(Module &M) : M(M) {}
  Module &module() override { return M; }
  ErrorSink &errors() override { return *this; }
  std::string forwardHelper(Callee &C, const ActivityPattern &P) override {
    Asked.push_back({C.BaseName, P, "fwd"});
    return "::helpers::" + C.BaseName + "_fwd";
  }
  std::pair<HelperSlot *, HelperSlot *> reverseHelpers(Callee &C,
                                                       const ActivityPattern &P) override {
    Asked.push_back({C.BaseName, P, "reverse"});
    return {M.addHelperSlot("::helpers::" + C.BaseName + "_record"),
            M.addHelperSlot("::helpers::" + C.BaseName + "_reverse")};
  }
  void error(Loc, const std::string &Message) override { Errors.push_back(Message); }
  void note(Loc, const std::string &) override {}

  struct Request {
    std::string Callee;
    ActivityPattern P;
    std::string Kind;
  };
  Module &M;
  std::vector<Request> Asked;
  std::vector<std::string> Errors;
};

std::string printed(const Function &F) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  printGraph(F, OS);
  return Out;
}

ActivityPattern allActive(size_t NParams) {
  ActivityPattern P;
  P.Inputs.assign(NParams, true);
  P.Outputs.assign(NParams, false);
  P.Return = true;
  return P;
}

/// double f(double x, double y) { return x * y + sin(x); }
Function &product(Module &M) {
  Function &F = M.addFunction("f");
  Var *X = F.addVar("x", dbl(), VarKind::Param);
  Var *Y = F.addVar("y", dbl(), VarKind::Param);
  F.Params = {X, Y};
  F.ReturnsVoid = false;
  F.ReturnType = dbl();
  F.Body.push_back(M.ret(M.add(M.mul(M.ref(X), M.ref(Y)), M.math("sin", {M.ref(X)}, dbl()))));
  return F;
}

/// double f(double x) { double r = g(x); return r; } with g's body visible.
Function &callOfG(Module &M, bool GHasBody) {
  Function &G = M.addFunction("g");
  Var *GX = G.addVar("x", dbl(), VarKind::Param);
  G.Params = {GX};
  G.ReturnsVoid = false;
  G.ReturnType = dbl();
  G.Body.push_back(M.ret(M.mul(M.ref(GX), M.ref(GX))));
  Callee C;
  C.Name = C.BaseName = "g";
  C.Body = GHasBody ? &G : nullptr;
  C.ParamTypes = {dbl()};
  C.ParamNames = {"x"};
  C.ReturnsVoid = false;
  C.ReturnType = dbl();
  Callee *GC = M.addCallee(C);

  Function &F = M.addFunction("f");
  Var *X = F.addVar("x", dbl(), VarKind::Param);
  Var *R = F.addVar("r", dbl(), VarKind::Local);
  F.Params = {X};
  F.ReturnsVoid = false;
  F.ReturnType = dbl();
  F.Body.push_back(M.decl(R, nullptr));
  F.Body.push_back(M.callStmt(M.ref(R), GC, {M.ref(X)}));
  F.Body.push_back(M.ret(M.ref(R)));
  return F;
}

TEST(ForwardTransform, TangentOfProductAndSine) {
  Module M;
  FakeContext Ctx(M);
  Function &F = product(M);
  Function *G = forwardTransform(Ctx, F, allActive(2), "f_fwd");
  ASSERT_NE(G, nullptr);
  EXPECT_TRUE(Ctx.Errors.empty());
  EXPECT_TRUE(Ctx.Asked.empty());
  // d(x y + sin x) = d_x y + d_y x + d_x cos x
  EXPECT_EQ(printed(*G),
            "function f_fwd(x : double, y : double, d_x : double, d_y : double) -> adgen::Dual<double>\n"
            "  %1 = mul x, y : double\n"
            "  %2 = call sin x : double\n"
            "  %3 = add %1, %2 : double\n"
            "  %4 = mul d_x, y : double\n"
            "  %5 = mul d_y, x : double\n"
            "  %6 = add %4, %5 : double\n"
            "  %7 = call cos x : double\n"
            "  %8 = mul d_x, %7 : double\n"
            "  %9 = add %6, %8 : double\n"
            "  %10 = aggregate %3, %9 : adgen::Dual<double>\n"
            "  return %10\n"
            "end function\n\n");
}

TEST(ForwardTransform, CallAsksForTheCalleesHelper) {
  Module M;
  FakeContext Ctx(M);
  Function &F = callOfG(M, /*GHasBody=*/true);
  Function *G = forwardTransform(Ctx, F, allActive(1), "f_fwd");
  ASSERT_NE(G, nullptr);
  ASSERT_EQ(Ctx.Asked.size(), 1u);
  EXPECT_EQ(Ctx.Asked[0].Callee, "g");
  EXPECT_EQ(Ctx.Asked[0].Kind, "fwd");
  EXPECT_EQ(Ctx.Asked[0].P.Inputs, std::vector<bool>{true});
  EXPECT_TRUE(Ctx.Asked[0].P.Return);
  EXPECT_NE(printed(*G).find("::helpers::g_fwd"), std::string::npos) << printed(*G);
}

TEST(ForwardTransform, CalleeWithoutBodyIsAnError) {
  Module M;
  FakeContext Ctx(M);
  Function &F = callOfG(M, /*GHasBody=*/false);
  forwardTransform(Ctx, F, allActive(1), "f_fwd");
  ASSERT_EQ(Ctx.Errors.size(), 1u);
  EXPECT_NE(Ctx.Errors[0].find("no derivative for 'g'"), std::string::npos) << Ctx.Errors[0];
  EXPECT_TRUE(Ctx.Asked.empty());
}

TEST(ReverseTransform, PullbackOfProductAndSine) {
  Module M;
  FakeContext Ctx(M);
  Function &F = product(M);
  Function *G = reverseTransform(Ctx, F, allActive(2), "f_pullback", ReverseShape::Joint);
  ASSERT_NE(G, nullptr);
  EXPECT_TRUE(Ctx.Errors.empty());
  // d_x += d_ret (y + cos x), d_y += d_ret x.
  EXPECT_EQ(printed(*G),
            "function f_pullback(x : double, y : double, d_ret : double, d_x : double *, d_y : double *) -> double\n"
            "  %1 = call adgen::threadTape : adgen::Tape &\n"
            "  decl tape : adgen::Tape & = %1\n"
            "  decl result : double = 0.0\n"
            "  ; Forward sweep: run the function, record what the backward sweep needs.\n"
            "  %2 = mul x, y : double\n"
            "  %3 = call sin x : double\n"
            "  %4 = add %2, %3 : double\n"
            "  store result = %4\n"
            "  decl d_result : double = d_ret\n"
            "  ; Backward sweep: adjoints, from the last statement to the first.\n"
            "  %5 = mul d_result, y : double\n"
            "  %6 = call cos x : double\n"
            "  %7 = mul d_result, %6 : double\n"
            "  %8 = add %5, %7 : double\n"
            "  accumulate *d_x = %8\n"
            "  %9 = mul d_result, x : double\n"
            "  accumulate *d_y = %9\n"
            "  store d_result = 0.0\n"
            "  return result\n"
            "end function\n\n");
}

TEST(ReverseTransform, CallAsksForTheCalleesHelpers) {
  Module M;
  FakeContext Ctx(M);
  Function &F = callOfG(M, /*GHasBody=*/true);
  Function *G = reverseTransform(Ctx, F, allActive(1), "f_pullback", ReverseShape::Joint);
  ASSERT_NE(G, nullptr);
  ASSERT_FALSE(Ctx.Asked.empty());
  EXPECT_EQ(Ctx.Asked.back().Callee, "g");
  EXPECT_EQ(Ctx.Asked.back().Kind, "reverse");
  EXPECT_EQ(Ctx.Asked.back().P.Inputs, std::vector<bool>{true});
  EXPECT_TRUE(Ctx.Asked.back().P.Return);
  std::string Text = printed(*G);
  EXPECT_NE(Text.find("::helpers::g_record"), std::string::npos) << Text;
  EXPECT_NE(Text.find("::helpers::g_reverse"), std::string::npos) << Text;
}


// f_jacobian and f_hessian: the transforms describe the driver
// (graph::MatrixDriver) and hold the derivatives it runs by pointer; no C++
// text is made here (that is Emit/MatrixEmitter.h).

struct Sink : ErrorSink {
  void error(Loc, const std::string &Message) override { Errors.push_back(Message); }
  void note(Loc, const std::string &) override {}
  std::vector<std::string> Errors;
};

bool generated(const Differentiator &D, const Function *G) {
  for (const Function *H : D.generated())
    if (H == G)
      return true;
  return false;
}

TEST(MatrixDriver, JacobianDescribesWhatItRuns) {
  Module M;
  Sink Errors;
  Differentiator D(M, Errors);
  Function &F = product(M);
  ASSERT_TRUE(D.jacobian(F, allActive(2), {"", ""}, "f_jacobian", JacobianMode::Auto));
  EXPECT_TRUE(Errors.Errors.empty());
  const Function *J = D.generated().back();
  EXPECT_EQ(J->Name, "f_jacobian");
  ASSERT_NE(J->Matrix, nullptr);
  EXPECT_TRUE(J->Body.empty());
  const MatrixDriver &Drv = *J->Matrix;
  EXPECT_EQ(Drv.K, MatrixDriver::Kind::Jacobian);
  EXPECT_EQ(Drv.Primal, &F);
  EXPECT_EQ(Drv.Inputs, (std::vector<bool>{true, true}));
  EXPECT_TRUE(Drv.Return);
  // Both directions, chosen at run time: the vector forward sweep (arrays of
  // numbers only) and the pullback, generated, in adgen_detail.
  ASSERT_NE(Drv.FwdVec, nullptr);
  EXPECT_EQ(Drv.Fwd, nullptr);
  ASSERT_NE(Drv.Pullback, nullptr);
  EXPECT_EQ(Drv.Pullback->Name, "f_jacobian_pullback");
  EXPECT_TRUE(Drv.Pullback->isDetail());
  EXPECT_TRUE(generated(D, Drv.FwdVec));
  EXPECT_TRUE(generated(D, Drv.Pullback));
  EXPECT_EQ(Drv.callees(), (std::vector<const Function *>{Drv.FwdVec, Drv.Pullback}));
}

TEST(MatrixDriver, JacobianModeLeavesOneDirection) {
  Module M;
  Sink Errors;
  Differentiator D(M, Errors);
  Function &F = product(M);
  ASSERT_TRUE(D.jacobian(F, allActive(2), {"", ""}, "f_jacobian", JacobianMode::Reverse));
  const MatrixDriver &Drv = *D.generated().back()->Matrix;
  EXPECT_EQ(Drv.Fwd, nullptr);
  EXPECT_EQ(Drv.FwdVec, nullptr);
  EXPECT_NE(Drv.Pullback, nullptr);
}

TEST(MatrixDriver, HessianRunsForwardOverReverse) {
  Module M;
  Sink Errors;
  Differentiator D(M, Errors);
  Function &F = product(M);
  ASSERT_TRUE(D.hessian(F, allActive(2), {"", ""}, "f_hessian"));
  const Function *H = D.generated().back();
  ASSERT_NE(H->Matrix, nullptr);
  const MatrixDriver &Drv = *H->Matrix;
  EXPECT_EQ(Drv.K, MatrixDriver::Kind::Hessian);
  ASSERT_NE(Drv.Fwd, nullptr);
  EXPECT_EQ(Drv.Fwd->Name, "f_hessian_fwd");
  EXPECT_TRUE(generated(D, Drv.Fwd));
  EXPECT_EQ(Drv.Pullback, nullptr); // only the forward transform's input
  EXPECT_EQ(Drv.callees().size(), 1u);
}

} // namespace
