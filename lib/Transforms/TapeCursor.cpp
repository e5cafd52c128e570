//===- Transforms/TapeCursor.cpp - Unchecked pushes in counted loops ------===//
#include "Transforms/TapeCursor.h"
#include "Transforms/TapeProtocol.h"

#include <map>

using namespace adgen;
using namespace adgen::graph;

Stmt *adgen::cursorLoop(Module &M, Function &G, const CountedLoop &C, Stmt *Loop) {
  Var *Tape = nullptr;
  bool OK = true;
  std::vector<Stmt *> Pushes;
  std::map<std::string, unsigned> Count; // bytes of one iteration, by type
  // Nothing else may move the tape's top while the cursor pushes: no call
  // (a helper pushes), no pop.
  auto noCalls = [&](const Expr *E) {
    forEachExpr(E, [&](const Expr *N) { OK &= N->K != Op::Call && N->K != Op::Pop; });
  };
  for (Block *B : {&Loop->Body, &Loop->Inc})
    forEachStmt(*B, [&](Stmt *S) {
      switch (S->K) {
      case StmtKind::Push: {
        const Type &T = S->Value->Ty;
        bool Plain = !T.Rec && !T.IsPointer && !T.IsReference && !T.isContainer() &&
                     !T.ArraySize && !T.Spelling.empty();
        OK &= Plain && (!Tape || Tape == S->V);
        Tape = S->V;
        Pushes.push_back(S);
        ++Count[T.Spelling];
        break;
      }
      case StmtKind::Call: case StmtKind::Loop: case StmtKind::Return:
        OK = false;
        break;
      default:
        break;
      }
      if (S->Omp)
        OK = false;
      noCalls(S->Target);
      noCalls(S->Value);
      for (const Expr *A : S->Args)
        noCalls(A);
    });
  noCalls(Loop->Value);
  if (!OK || Pushes.empty())
    return nullptr;

  // Iterations: end - first, or none.
  const Expr *First = C.First, *End = C.end(M);
  Type IntT = C.Counter->Ty;
  Type Bool = Type::scalar(ScalarKind::Bool, "bool");
  const Expr *Trips = First->isConst(0)
                          ? End
                          : M.binary(Op::Sub, End, First, IntT);
  if (!(End->K == Op::Const && First->K == Op::Const))
    Trips = M.make([&] {
      Expr S;
      S.K = Op::Select;
      S.Ty = IntT;
      S.Ops = {M.binary(Op::Gt, End, First, Bool), Trips, M.constant("0", IntT)};
      return S;
    }());
  Type SizeT = Type::scalar(ScalarKind::Int, "std::size_t");
  std::string Bytes;
  for (const auto &[Spelling, N] : Count)
    Bytes += (Bytes.empty() ? "" : " + ") + (N > 1 ? std::to_string(N) + " * " : "") +
             "sizeof(" + Spelling + ")";
  if (Count.size() > 1 || Count.begin()->second > 1)
    Bytes = "(" + Bytes + ")";
  const Expr *Size;
  if (Trips->K == Op::Const) {
    Size = M.constant(Trips->Text + " * " + Bytes, SizeT);
  } else {
    Expr Cast;
    Cast.K = Op::Cast;
    Cast.Ty = SizeT;
    Cast.Ops = {Trips};
    Size = M.binary(Op::Mul, M.make(std::move(Cast)), M.constant(Bytes, SizeT), SizeT);
  }

  Var *At = G.addVar(G.freshName(Tape->Name + "_at"),
                     Type::scalar(ScalarKind::Int, "adgen::Tape::Cursor"), VarKind::Local);
  At->Synthetic = true;
  for (Stmt *P : Pushes)
    P->V = At;
  Stmt *Done = tape::commit(M, Tape, At, Loop->Where);
  return M.scope({M.decl(At, tape::reserve(M, Tape, At->Ty, Size), Loop->Where), Loop, Done},
                 Loop->Where);
}
