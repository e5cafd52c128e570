//===- Graph/GraphParserStmts.cpp - Statements of the graph text ----------===//
//
// One statement per line (decl, store, accumulate, call, return, break,
// continue, push, resize, `; comment`), and the structured ones whose
// keywords open and close their blocks: if/else/end if and
// loop/init:/cond:/test/body:/step:/end loop, with OpenMP clauses.
//===----------------------------------------------------------------------===//

#include "Graph/GraphParserImpl.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include <optional>

using namespace adgen;
using namespace adgen::graph;
using namespace adgen::graph::parse_impl;

Error Parser::stmt(const Line &L, Stmt *&S) {
  StringRef T = L.Text;
  Loc Where;
  Where.Line = L.SrcLine;
  StringRef First = T.take_until([](char C) { return C == ' '; });
  StringRef AfterFirst = T.drop_front(First.size());
  if (T.starts_with("call "))
    return callStmt(L, "", T.drop_front(5), S);
  if (AfterFirst.starts_with(" = call "))
    return callStmt(L, First, AfterFirst.drop_front(8), S);
  if (T.consume_front("decl "))
    return decl(L, T, S);
  if (T.starts_with("store ") || T.starts_with("accumulate ")) {
    bool Add = T.consume_front("accumulate ");
    if (!Add)
      T.consume_front("store ");
    size_t Eq = T.find(" = ");
    if (Eq == StringRef::npos)
      return err(L, T, "expected 'TARGET = VALUE'");
    // The value first: the target's type (a struct field) may come from it.
    Expected<const Expr *> V = operand(L, T.substr(Eq + 3), nullptr);
    if (!V)
      return V.takeError();
    Expected<const Expr *> Tgt = target(L, T.take_front(Eq), &(*V)->Ty);
    if (!Tgt)
      return Tgt.takeError();
    if ((*V)->K == Op::Const) // a constant stored takes the target's type
      V = M.constant((*V)->Text, constantType((*V)->Text, &(*Tgt)->Ty));
    S = Add ? M.addAssign(*Tgt, *V, Where) : M.assign(*Tgt, *V, Where);
    return Error::success();
  }
  if (T.consume_front("if "))
    return ifStmt(L, T, S);
  if (T.consume_front("loop "))
    return loop(L, T, S);
  if (T == "break" || T == "continue") {
    S = T == "break" ? M.brk(Where) : M.cont(Where);
    return Error::success();
  }
  if (T == "return" || T.starts_with("return ")) {
    const Expr *V = nullptr;
    if (T.consume_front("return ")) {
      Expected<const Expr *> E = operand(L, T, F->ReturnsVoid ? nullptr : &F->ReturnType);
      if (!E)
        return E.takeError();
      V = *E;
    }
    S = M.ret(V, Where);
    return Error::success();
  }
  if (T.consume_front("push ")) {
    Expected<const Expr *> E = operand(L, T, nullptr);
    if (!E)
      return E.takeError();
    S = M.push(*E, Where);
    return Error::success();
  }
  if (T.consume_front(";")) {
    S = M.comment(T.drop_front(T.starts_with(" ") ? 1 : 0).str());
    return Error::success();
  }
  if (T.consume_front("resize ")) {
    auto [Name, Size] = T.split(", ");
    Var *V = Names.lookup(Name);
    if (!V)
      return err(L, Name, "unknown variable '" + Name + "'");
    Type SizeT = Type::scalar(ScalarKind::Int, "std::size_t");
    Expected<const Expr *> E = operand(L, Size, &SizeT);
    if (!E)
      return E.takeError();
    S = M.resize(V, *E, Where);
    return Error::success();
  }
  return err(L, First, "unsupported statement '" + First + "'");
}

Error Parser::decl(const Line &L, StringRef Rest, Stmt *&S) {
  size_t Colon = Rest.find(" : ");
  if (Colon == StringRef::npos)
    return err(L, Rest, "expected 'decl NAME : TYPE'");
  StringRef Name = Rest.take_front(Colon), Ty = Rest.substr(Colon + 3), Init;
  size_t Eq = Ty.find(" = ");
  if (Eq != StringRef::npos) {
    Init = Ty.substr(Eq + 3);
    Ty = Ty.take_front(Eq);
  }
  Var *Root = nullptr;
  size_t Into = Ty.find(" (into ");
  if (Into != StringRef::npos) {
    StringRef R = Ty.substr(Into + 7).drop_back();
    Root = Names.lookup(R);
    if (!Root)
      return err(L, R, "unknown variable '" + R + "'");
    Ty = Ty.take_front(Into);
  }
  uint64_t Size = 0;
  if (Ty.ends_with("]")) {
    size_t Open = Ty.rfind('[');
    if (Open == StringRef::npos || Ty.slice(Open + 1, Ty.size() - 1).getAsInteger(10, Size))
      return err(L, Ty, "expected 'TYPE[N]'");
    Ty = Ty.take_front(Open);
  }
  Expected<Type> T = type(L, Ty);
  if (!T)
    return T.takeError();
  T->ArraySize = Size;
  Var *V = F->addVar(Name.str(), *T, VarKind::Local);
  V->Root = Root;
  V->Where.Line = L.SrcLine;
  const Expr *Value = nullptr;
  if (!Init.empty()) {
    Expected<const Expr *> E = operand(L, Init, &V->Ty);
    if (!E)
      return E.takeError();
    Value = *E;
  }
  // Declared after its initialiser is read: `decl x : double = x` reads
  // another x (the printer's names are unique, hand-written ones may not be).
  Names[V->Name] = V;
  Loc Where;
  Where.Line = L.SrcLine;
  S = M.decl(V, Value, Where);
  return Error::success();
}

Error Parser::callStmt(const Line &L, StringRef Target, StringRef Call, Stmt *&S) {
  // NAME(ARGS): the argument list is the parenthesis closing at the end
  // (`.operator()(a, b)`, `::std::numeric_limits<double>::max()`).
  size_t Open = StringRef::npos;
  for (size_t I = Call.find('('); I != StringRef::npos; I = Call.find('(', I + 1))
    if (matching(Call, I) == Call.size() - 1) {
      Open = I;
      break;
    }
  if (Open == StringRef::npos || Open == 0)
    return err(L, Call, "expected 'call NAME(ARGS)'");
  Callee C;
  C.Name = Call.take_front(Open).str();
  StringRef Base = StringRef(C.Name).ltrim('.');
  llvm::SmallVector<StringRef> Parts;
  Base.split(Parts, "::");
  for (size_t I = 0; I + 1 < Parts.size(); ++I)
    if (!Parts[I].empty())
      C.Namespaces.push_back(Parts[I].str());
  C.BaseName = Parts.back().str();
  C.Print = llvm::StringSwitch<PrintKind>(C.BaseName)
                .Cases("printf", "fprintf", "puts", PrintKind::Call)
                .Case("operator<<", PrintKind::Stream)
                .Default(PrintKind::None);
  C.Where.Line = L.SrcLine;
  std::vector<const Expr *> Args;
  for (StringRef A : splitList(Call.slice(Open + 1, Call.size() - 1))) {
    Expected<const Expr *> E = operand(L, A, nullptr);
    if (!E)
      return E.takeError();
    Args.push_back(*E);
    // Without a body, a parameter is the argument's type; memory may be
    // written (an array decays to a pointer to non-const).
    Type P = (*E)->Ty;
    if (P.ArraySize) {
      P.ArraySize = 0;
      P.IsPointer = true;
    }
    C.ParamTypes.push_back(P);
    C.ParamNames.push_back("arg" + std::to_string(C.ParamNames.size()));
  }
  const Expr *T = nullptr;
  if (!Target.empty()) {
    Expected<const Expr *> E = target(L, Target, nullptr);
    if (!E)
      return E.takeError();
    T = *E;
    C.ReturnsVoid = false;
    C.ReturnType = T->Ty;
  }
  F->reserve(C.Name);
  Callee *Fn = M.addCallee(std::move(C));
  Calls.push_back(Fn);
  Loc Where;
  Where.Line = L.SrcLine;
  S = M.callStmt(T, Fn, std::move(Args), Where);
  return Error::success();
}

Error Parser::ifStmt(const Line &L, StringRef Cond, Stmt *&S) {
  Type BoolT = Type::scalar(ScalarKind::Bool, "bool");
  Expected<const Expr *> C = operand(L, Cond, &BoolT);
  if (!C)
    return C.takeError();
  Block Then, Else;
  if (Error E = block(Then))
    return E;
  if (!atEnd() && Lines[Pos].Text == "else") {
    ++Pos;
    if (Error E = block(Else))
      return E;
  }
  if (Error E = expect("end if"))
    return E;
  Loc Where;
  Where.Line = L.SrcLine;
  S = M.ifStmt(*C, std::move(Then), std::move(Else), Where);
  return Error::success();
}

Error Parser::loop(const Line &L, StringRef Rest, Stmt *&S) {
  StringRef Kind = Rest.take_until([](char C) { return C == ' '; });
  std::optional<LoopKind> K = llvm::StringSwitch<std::optional<LoopKind>>(Kind)
                                  .Case("for", LoopKind::For)
                                  .Case("while", LoopKind::While)
                                  .Case("do-while", LoopKind::DoWhile)
                                  .Default(std::nullopt);
  if (!K)
    return err(L, Kind, "expected 'for', 'while' or 'do-while', got '" + Kind + "'");
  Rest = Rest.drop_front(Kind.size()).ltrim();
  const OmpLoop *Omp = nullptr;
  if (!Rest.empty()) {
    if (!Rest.consume_front("[omp parallel for") || !Rest.consume_back("]"))
      return err(L, Rest, "expected '[omp parallel for CLAUSES]'");
    OmpLoop *O = M.ompLoop(OmpLoop());
    if (Error E = omp(L, Rest, *O))
      return E;
    Omp = O;
  }
  Block Init, Body, Inc;
  const Expr *Cond = nullptr;
  auto section = [&](StringRef Name, Block &B) -> Error {
    if (atEnd() || Lines[Pos].Text != Name)
      return Error::success();
    ++Pos;
    return block(B);
  };
  if (Error E = section("init:", Init))
    return E;
  if (!atEnd() && Lines[Pos].Text == "cond:") {
    Block Stray;
    if (Error E = section("cond:", Stray))
      return E;
    if (!Stray.empty() || atEnd() || !Lines[Pos].Text.starts_with("test "))
      return err(atEnd() ? L : Lines[Pos], "", "expected only nodes and 'test VALUE' after 'cond:'");
    const Line &T = Lines[Pos++];
    Type BoolT = Type::scalar(ScalarKind::Bool, "bool");
    Expected<const Expr *> C = operand(T, T.Text.drop_front(5), &BoolT);
    if (!C)
      return C.takeError();
    Cond = *C;
  }
  if (Error E = expect("body:"))
    return E;
  if (Error E = block(Body))
    return E;
  if (Error E = section("step:", Inc))
    return E;
  if (Error E = expect("end loop"))
    return E;
  Loc Where;
  Where.Line = L.SrcLine;
  S = M.loop(*K, std::move(Init), Cond, std::move(Body), std::move(Inc), Where);
  S->Omp = Omp;
  return Error::success();
}

Error Parser::omp(const Line &L, StringRef Clauses, OmpLoop &O) {
  while (!(Clauses = Clauses.ltrim()).empty()) {
    size_t Open = Clauses.find('(');
    size_t Close = Open == StringRef::npos ? Open : matching(Clauses, Open);
    if (Close == StringRef::npos)
      return err(L, Clauses, "expected 'CLAUSE(ARGS)'");
    StringRef Name = Clauses.take_front(Open), Args = Clauses.slice(Open + 1, Close);
    Clauses = Clauses.drop_front(Close + 1);
    auto vars = [&](unsigned Clause, StringRef List, std::vector<std::string> *Sections) {
      PendingVars P{&O, Clause, {}, L};
      for (StringRef N : splitList(List)) {
        size_t Sec = N.find('[');
        if (Sections)
          Sections->push_back(Sec == StringRef::npos ? "" : N.substr(Sec).str());
        P.Names.push_back(N.take_front(Sec).str());
      }
      Pending.push_back(std::move(P));
    };
    if (Name == "schedule") {
      auto [Kind, Chunk] = Args.split(", ");
      O.ScheduleKind = Kind.str();
      O.ScheduleChunk = Chunk.str();
    } else if (Name == "collapse") {
      if (Args.getAsInteger(10, O.Collapse))
        return err(L, Args, "expected a number");
    } else if (Name == "default") {
      O.Default = Args.str();
    } else if (Name == "private") {
      vars(0, Args, nullptr);
    } else if (Name == "firstprivate") {
      vars(1, Args, nullptr);
    } else if (Name == "shared") {
      vars(2, Args, nullptr);
    } else if (Name == "reduction") {
      auto [OpName, List] = Args.split(" : ");
      O.Reductions.emplace_back();
      O.Reductions.back().Op = OpName.str();
      vars(2 + O.Reductions.size(), List, &O.Reductions.back().Sections);
    } else {
      return err(L, Name, "unsupported omp clause '" + Name + "'");
    }
  }
  // Sections are kept only when some variable has one (OmpLoop::clauses).
  for (OmpLoop::Reduction &R : O.Reductions)
    if (llvm::all_of(R.Sections, [](const std::string &S) { return S.empty(); }))
      R.Sections.clear();
  return Error::success();
}
