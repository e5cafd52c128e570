//===- Transforms/TapeProtocol.cpp - Calls of adgen::Tape's methods -------===//
//
// The method names here must match include/adgen/tape.h.
//
//===----------------------------------------------------------------------===//
#include "Transforms/TapeProtocol.h"

using namespace adgen;
using namespace adgen::graph;

Stmt *tape::methodCall(Module &M, Var *Tape, llvm::StringRef Method,
                       std::vector<const Expr *> Args, Loc Where) {
  Callee C;
  C.Name = Method.str();
  C.ReturnsVoid = true;
  Stmt *S = M.callStmt(nullptr, M.addCallee(C), std::move(Args), Where);
  S->V = Tape; // a method of the tape: Tape.Method(Args...)
  return S;
}

Stmt *tape::drop(Module &M, Var *Tape, const Type &T, Loc Where) {
  return methodCall(M, Tape, "drop<" + T.element().str() + ">", {}, Where);
}

Stmt *tape::pushResize(Module &M, Var *Tape, Var *V, const Expr *Size, Loc Where) {
  return methodCall(M, Tape, "pushResize", {M.ref(V), Size}, Where);
}

Stmt *tape::popResize(Module &M, Var *Tape, Var *V, Loc Where) {
  return methodCall(M, Tape, "popResize", {M.ref(V)}, Where);
}

static constexpr llvm::StringLiteral Reserve = "reserve";

const Expr *tape::reserve(Module &M, Var *Tape, const Type &CursorTy, const Expr *Bytes) {
  Expr R;
  R.K = Op::Call;
  R.Ty = CursorTy;
  R.Text = Reserve.str();
  R.V = Tape; // Tape.reserve(Bytes)
  R.Ops = {Bytes};
  return M.make(std::move(R));
}

bool tape::isReserve(const Expr *E) {
  return E && E->K == Op::Call && E->V && E->Text == Reserve;
}

Stmt *tape::commit(Module &M, Var *Tape, Var *Cursor, Loc Where) {
  return methodCall(M, Tape, "commit", {M.ref(Cursor)}, Where);
}
