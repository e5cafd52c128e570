//===- unittests/GraphParserTest.cpp - Graph text in, passes, text out -----===//
//
// The graph text parser (Graph/GraphParser.h) and passes run on what it
// parsed, with a fake error sink instead of Clang's diagnostics: part of
// adgen-ir-unittests, which links no Clang.
//
//===----------------------------------------------------------------------===//
#include "Analysis/Activity.h"
#include "Graph/Graph.h"
#include "Graph/GraphParser.h"
#include "Transforms/Differentiator.h"
#include "Transforms/LowerExits.h"
#include "Transforms/ReuseValues.h"
#include "gtest/gtest.h"
#include <string>

using namespace adgen;
using namespace adgen::graph;

namespace {

/// Collects what a transform reports, in place of the driver's diagnostics.
class FakeSink : public ErrorSink {
public:
  void error(Loc Where, const std::string &Message) override {
    Errors.push_back(std::to_string(Where.Line) + ": " + Message);
  }
  void note(Loc, const std::string &) override {}
  std::vector<std::string> Errors;
};

std::string print(const Function &F) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  printGraph(F, OS);
  return S;
}

std::string printAll(const ParsedGraph &G) {
  std::string S;
  for (const Function *F : G.Functions)
    S += print(*F);
  return S;
}

/// Parses \p Text into \p M; fails the test on an error.
ParsedGraph &parse(llvm::StringRef Text, Module &M,
                   std::vector<std::unique_ptr<ParsedGraph>> &Keep) {
  llvm::Expected<std::unique_ptr<ParsedGraph>> G = parseGraph(Text, M);
  if (!G) {
    ADD_FAILURE() << llvm::toString(G.takeError());
    Keep.push_back(std::make_unique<ParsedGraph>());
  } else {
    Keep.push_back(std::move(*G));
  }
  return *Keep.back();
}

std::string parseError(llvm::StringRef Text) {
  Module M;
  llvm::Expected<std::unique_ptr<ParsedGraph>> G = parseGraph(Text, M);
  if (G)
    return "(parsed)";
  return llvm::toString(G.takeError());
}

const char *const Loops = R"(function f(x : const double *, n : int) -> double
  decl s : double = 0.0    ; line 10
  loop for    ; line 11
    init:
      decl i : int = 0    ; line 11
    cond:
      %1 = lt i, n : bool
      test %1
    body:
      %2 = load x, i : double
      %3 = gt %2, 0.0 : bool
      if %3    ; line 12
        %4 = call log %2 : double
        %5 = add s, %4 : double
        store s = %5    ; line 13
        break    ; line 14
      else
        %6 = mul s, 0.5 : double
        store s = %6    ; line 15
      end if
    step:
      %7 = add i, 1 : int
      store i = %7    ; line 11
  end loop
  return s    ; line 17
end function

)";

const char *const Structs = R"(function energy(p : const geo::Vec3 &, ps : const geo::Body *, k : double) -> double
  decl q : geo::Vec3    ; line 3
  q = call ::geo::scale(p, k)    ; line 3
  %1 = load ps, 0 : geo::Body
  %2 = load %1, .pos : geo::Vec3
  %3 = load %2, .y : double
  store q[.x] = %3    ; line 4
  %4 = load q, .x : double
  %5 = load %1, .id : int
  %6 = cast %5 : double
  %7 = mul %4, %6 : double
  return %7    ; line 5
end function

function scale(v : const geo::Vec3 &, k : double) -> geo::Vec3
  decl r : geo::Vec3    ; line 9
  %1 = load v, .x : double
  %2 = mul %1, k : double
  store r[.x] = %2    ; line 9
  return r    ; line 10
end function

)";

TEST(GraphParser, PrintsBackWhatItRead) {
  for (const char *Text : {Loops, Structs}) {
    Module M;
    std::vector<std::unique_ptr<ParsedGraph>> Keep;
    EXPECT_EQ(printAll(parse(Text, M, Keep)), Text);
  }
}

TEST(GraphParser, ReadsWhatTheBuilderMakes) {
  // The graph of IRTest's hand-built style: print, parse, print again.
  Module M;
  Function &F = M.addFunction("sq");
  Type D = Type::scalar(ScalarKind::Double, "double");
  Var *X = F.addVar("x", D, VarKind::Param);
  Var *Y = F.addVar("y", D, VarKind::Local);
  F.Params.push_back(X);
  F.ReturnsVoid = false;
  F.ReturnType = D;
  const Expr *Sq = M.mul(M.ref(X), M.ref(X));
  F.Body = {M.decl(Y, M.math("exp", {Sq}, D)), M.assign(M.ref(Y), M.add(M.ref(Y), Sq)),
            M.ret(M.ref(Y))};
  std::string Text = print(F);
  Module M2;
  std::vector<std::unique_ptr<ParsedGraph>> Keep;
  ParsedGraph &G = parse(Text, M2, Keep);
  ASSERT_EQ(G.Functions.size(), 1u);
  EXPECT_EQ(print(*G.Functions[0]), Text);
  // The shared node is one node again: `%1` in both statements.
  const Function &P = *G.Functions[0];
  EXPECT_EQ(P.Body[0]->Value->Ops[0], P.Body[1]->Value->Ops[1]);
  EXPECT_EQ(P.Body[0]->Value->K, Op::Math);
}

TEST(GraphParser, RebuildsStructsFromTheFieldsRead) {
  Module M;
  std::vector<std::unique_ptr<ParsedGraph>> Keep;
  ParsedGraph &G = parse(Structs, M, Keep);
  ASSERT_EQ(G.Functions.size(), 2u);
  const Var *P = G.Functions[0]->Params[0];
  ASSERT_NE(P->Ty.Rec, nullptr);
  EXPECT_EQ(P->Ty.Rec->Spelling, "geo::Vec3");
  EXPECT_TRUE(P->Ty.IsReference && P->Ty.IsConst && P->Ty.isFloating());
  ASSERT_NE(P->Ty.Rec->field("x"), nullptr);
  EXPECT_NE(P->Ty.Rec->field("y"), nullptr);
  // geo::Body's fields: pos (a struct, read before its own fields), id.
  const Record *Body = G.Functions[0]->Params[1]->Ty.Rec;
  ASSERT_NE(Body, nullptr);
  ASSERT_EQ(Body->Fields.size(), 2u);
  EXPECT_EQ(Body->Fields[0].Ty.Rec, P->Ty.Rec);
  EXPECT_EQ(Body->Fields[1].Ty.Scalar, ScalarKind::Int);
  // The call of ::geo::scale is the parsed scale.
  const Stmt *Call = G.Functions[0]->Body[1];
  ASSERT_EQ(Call->K, StmtKind::Call);
  EXPECT_EQ(Call->Fn->Body, G.Functions[1]);
  EXPECT_EQ(Call->Fn->ParamTypes.size(), 2u);
}

TEST(GraphParser, ParsesTypesAsTypeStrPrintsThem) {
  for (const char *S : {"double", "const double *", "double &", "const double &", "float *",
                        "long double", "std::size_t", "std::vector<double>",
                        "const std::vector<float> &", "std::vector<double> *",
                        "std::array<double, 3>", "const std::array<double, 3> &",
                        "adgen::Dual<double>", "Color"}) {
    llvm::Expected<Type> T = parseType(S, nullptr);
    ASSERT_TRUE(bool(T)) << S << ": " << llvm::toString(T.takeError());
    EXPECT_EQ(T->str(), S);
  }
  EXPECT_TRUE(parseType("const double *", nullptr)->PointeeConst);
  EXPECT_EQ(parseType("std::array<float, 4>", nullptr)->StdArray, 4u);
  EXPECT_EQ(parseType("long double", nullptr)->Scalar, ScalarKind::LongDouble);
  EXPECT_EQ(parseType("unsigned long", nullptr)->Scalar, ScalarKind::Int);
  EXPECT_FALSE(bool(parseType("const double &&", nullptr)));
}

TEST(GraphParser, ErrorsSayLineAndColumn) {
  EXPECT_EQ(parseError("function f(x : double) -> double\n  return %4\nend function\n"),
            "2:10: unknown value %4");
  EXPECT_EQ(parseError("function f(x : double) -> double\n  %1 = frob x : double\n"
                       "end function\n"),
            "2:8: unknown operation 'frob'");
  EXPECT_EQ(parseError("function f(x : double) -> double\n  loop for\n    body:\n"
                       "end function\n"),
            "4:1: expected 'end loop'");
  EXPECT_EQ(parseError("function f(x : double) -> double\n  decl y : double = Color::Red\n"
                       "end function\n"),
            "(parsed)"); // an unknown name is a constant: enumerators print so
  EXPECT_EQ(parseError("function f(x) -> double\nend function\n"),
            "1:12: expected 'NAME : TYPE'");
  EXPECT_EQ(parseError("  store x = 1\n"), "1:3: expected 'function'");
}

TEST(GraphPasses, LowerExitsOnAParsedGraph) {
  Module M;
  std::vector<std::unique_ptr<ParsedGraph>> Keep;
  ParsedGraph &G = parse(Loops, M, Keep);
  ASSERT_EQ(G.Functions.size(), 1u);
  Function &F = *G.Functions[0];
  Function &Out = M.addFunction("f");
  Out.NameParent = &F;
  LoweredBody L = lowerExits(M, F, Out);
  ASSERT_NE(L.Result, nullptr);
  EXPECT_EQ(L.Result->Name, "result");
  // No exit is left: the break set a flag that the loop condition tests.
  unsigned Exits = 0;
  forEachStmt(L.Body, [&](Stmt *S) {
    Exits += S->K == StmtKind::Break || S->K == StmtKind::Continue || S->K == StmtKind::Return;
  });
  EXPECT_EQ(Exits, 0u);
  const Stmt *Loop = L.Body[2];
  ASSERT_EQ(Loop->K, StmtKind::Loop);
  EXPECT_EQ(Loop->Value->K, Op::And);
  EXPECT_EQ(Loop->Value->Ops[0]->K, Op::Not);
  EXPECT_EQ(Loop->Value->Ops[0]->Ops[0]->V->Name, "broke");
}

TEST(GraphPasses, ActivityAndReuseOnAParsedGraph) {
  Module M;
  std::vector<std::unique_ptr<ParsedGraph>> Keep;
  ParsedGraph &G = parse(R"(function g(x : double, k : double) -> double
  %1 = call tanh k : double
  %2 = call sqrt x : double
  %3 = mul %1, %2 : double
  decl y : double = %3    ; line 2
  return y    ; line 3
end function
)",
                         M, Keep);
  ASSERT_EQ(G.Functions.size(), 1u);
  Function &F = *G.Functions[0];
  ActivityPattern P;
  P.Inputs = {true, false}; // x only
  P.Outputs = {false, false};
  P.Return = true;
  Activity A = analyseActivity(F, P);
  EXPECT_TRUE(A.isActive(F.Params[0]));
  EXPECT_FALSE(A.isActive(F.Params[1]));
  llvm::DenseSet<Var *> Locals = splitReusableValues(M, F, F.Body, A, nullptr);
  // sqrt(x) is varied and gets a local; tanh(k) is not.
  ASSERT_EQ(Locals.size(), 1u);
  EXPECT_EQ((*Locals.begin())->Name, "sqrt_val");
  EXPECT_EQ(F.Body[0]->K, StmtKind::Decl);
  EXPECT_EQ(F.Body[0]->Value->Text, "sqrt");
}

TEST(GraphPasses, StoragePlanWithAFakeSink) {
  Module M;
  std::vector<std::unique_ptr<ParsedGraph>> Keep;
  ParsedGraph &G = parse(Loops, M, Keep);
  ASSERT_EQ(G.Functions.size(), 1u);
  FakeSink Sink;
  Differentiator D(M, Sink);
  ActivityPattern P;
  P.Inputs = {true, false};
  P.Outputs = {false, false};
  P.Return = true;
  std::string Plan;
  llvm::raw_string_ostream OS(Plan);
  EXPECT_TRUE(printReversePlan(D, *G.Functions[0], P, "f_pullback", OS));
  EXPECT_TRUE(Sink.Errors.empty());
  EXPECT_EQ(Plan.rfind("plan f_pullback\n", 0), 0u) << Plan;
  EXPECT_NE(Plan.find("line 11  loop: trip count stored"), std::string::npos) << Plan;
  EXPECT_NE(Plan.find("end plan"), std::string::npos);
}

} // namespace
