//===- Graph/GraphPrinter.cpp - The text of --emit=graph ------------------===//
//
// The graph as text (Graph.h: printGraph, opName); Graph/GraphParser.h
// reads it back.
//
//===----------------------------------------------------------------------===//

#include "Graph/Graph.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace adgen::graph;

//===----------------------------------------------------------------------===//
// --emit=graph
//===----------------------------------------------------------------------===//

const char *adgen::graph::opName(Op K) {
  switch (K) {
  case Op::Const: return "const";
  case Op::VarRef: return "ref";
  case Op::Load: return "load";
  case Op::PtrAdd: return "ptradd";
  case Op::AddrOf: return "addrof";
  case Op::Deref: return "deref";
  case Op::Neg: return "neg";
  case Op::Add: return "add";
  case Op::Sub: return "sub";
  case Op::Mul: return "mul";
  case Op::Div: return "div";
  case Op::Rem: return "rem";
  case Op::Lt: return "lt";
  case Op::Le: return "le";
  case Op::Gt: return "gt";
  case Op::Ge: return "ge";
  case Op::Eq: return "eq";
  case Op::Ne: return "ne";
  case Op::And: return "and";
  case Op::Or: return "or";
  case Op::Not: return "not";
  case Op::BitAnd: return "bitand";
  case Op::BitOr: return "bitor";
  case Op::BitXor: return "bitxor";
  case Op::Shl: return "shl";
  case Op::Shr: return "shr";
  case Op::BitNot: return "bitnot";
  case Op::Cast: return "cast";
  case Op::Select: return "select";
  case Op::Math: return "call";
  case Op::Pop: return "pop";
  case Op::Call: return "call";
  case Op::Field: return "field";
  case Op::FieldName: return "fieldname";
  case Op::Aggregate: return "aggregate";
  }
  return "?";
}

namespace {

/// Prints statements with each expression flattened into numbered nodes:
///   %3 = mul %1, %2 : double
class GraphPrinter {
public:
  explicit GraphPrinter(llvm::raw_ostream &OS) : OS(OS) {}

  void block(const Block &B, unsigned Depth) {
    for (const Stmt *S : B)
      stmt(*S, Depth);
  }

private:
  /// Leaves (variables, constants) print inline; operations get a number.
  std::string node(const Expr *E, unsigned Depth) {
    if (E->K == Op::Const)
      return E->Text;
    if (E->K == Op::FieldName)
      return "." + E->Text;
    if (E->K == Op::VarRef)
      return E->V->Name;
    auto It = Numbers.find(E);
    if (It != Numbers.end())
      return "%" + std::to_string(It->second);
    std::vector<std::string> Operands;
    for (const Expr *O : E->Ops)
      Operands.push_back(node(O, Depth));
    unsigned N = ++Counter;
    Numbers[E] = N;
    indent(Depth);
    OS << "%" << N << " = " << opName(E->K);
    if (!E->Text.empty())
      OS << " " << E->Text;
    if (E->V)
      OS << " " << E->V->Name;
    for (size_t I = 0; I < Operands.size(); ++I)
      OS << (I ? ", " : " ") << Operands[I];
    OS << " : " << E->Ty.str() << "\n";
    return "%" + std::to_string(N);
  }

  void indent(unsigned Depth) { OS.indent(2 * Depth); }

  void line(const Stmt &S) {
    if (S.Where.Line)
      OS << "    ; line " << S.Where.Line;
    OS << "\n";
  }

  void stmt(const Stmt &S, unsigned Depth) {
    switch (S.K) {
    case StmtKind::Decl: {
      std::string Init = S.Value ? node(S.Value, Depth) : "";
      indent(Depth);
      OS << "decl " << S.V->Name << " : " << S.V->Ty.str();
      if (S.V->Ty.ArraySize)
        OS << "[" << S.V->Ty.ArraySize << "]";
      if (S.V->Root)
        OS << " (into " << S.V->Root->Name << ")";
      if (S.Value)
        OS << " = " << Init;
      line(S);
      return;
    }
    case StmtKind::Assign:
    case StmtKind::AddAssign: {
      std::string V = node(S.Value, Depth);
      std::string T = target(S.Target, Depth);
      indent(Depth);
      OS << (S.K == StmtKind::Assign ? "store " : "accumulate ") << T << " = " << V;
      line(S);
      return;
    }
    case StmtKind::Call: {
      std::vector<std::string> Args;
      for (const Expr *A : S.Args)
        Args.push_back(node(A, Depth));
      std::string T = S.Target ? target(S.Target, Depth) : "";
      indent(Depth);
      if (S.Target)
        OS << T << " = ";
      OS << "call " << S.Fn->Name << "(" << llvm::join(Args, ", ") << ")";
      line(S);
      return;
    }
    case StmtKind::If: {
      std::string C = node(S.Value, Depth);
      indent(Depth);
      OS << "if " << C;
      line(S);
      block(S.Then, Depth + 1);
      if (!S.Else.empty()) {
        indent(Depth);
        OS << "else\n";
        block(S.Else, Depth + 1);
      }
      indent(Depth);
      OS << "end if\n";
      return;
    }
    case StmtKind::Loop: {
      static const char *Kinds[] = {"for", "while", "do-while"};
      indent(Depth);
      OS << "loop " << Kinds[unsigned(S.Loop)];
      if (S.Omp)
        OS << " [omp parallel for" << S.Omp->clauses() << "]";
      line(S);
      if (!S.Init.empty()) {
        indent(Depth + 1);
        OS << "init:\n";
        block(S.Init, Depth + 2);
      }
      if (S.Value) {
        indent(Depth + 1);
        OS << "cond:\n";
        std::string C = node(S.Value, Depth + 2);
        indent(Depth + 2);
        OS << "test " << C << "\n";
      }
      indent(Depth + 1);
      OS << "body:\n";
      block(S.Body, Depth + 2);
      if (!S.Inc.empty()) {
        indent(Depth + 1);
        OS << "step:\n";
        block(S.Inc, Depth + 2);
      }
      indent(Depth);
      OS << "end loop\n";
      return;
    }
    case StmtKind::Break:
      indent(Depth);
      OS << "break";
      line(S);
      return;
    case StmtKind::Continue:
      indent(Depth);
      OS << "continue";
      line(S);
      return;
    case StmtKind::Return: {
      std::string V = S.Value ? node(S.Value, Depth) : "";
      indent(Depth);
      OS << "return" << (S.Value ? " " + V : "");
      line(S);
      return;
    }
    case StmtKind::Push: {
      std::string V = node(S.Value, Depth);
      indent(Depth);
      OS << "push " << V << "\n";
      return;
    }
    case StmtKind::Comment:
      indent(Depth);
      OS << "; " << S.Text << "\n";
      return;
    case StmtKind::Scope:
      block(S.Then, Depth);
      return;
    case StmtKind::Resize: {
      std::string V = node(S.Value, Depth);
      indent(Depth);
      OS << "resize " << S.V->Name << ", " << V;
      line(S);
      return;
    }
    }
  }

  std::string target(const Expr *T, unsigned Depth) {
    if (T->K == Op::Load)
      return node(T->Ops[0], Depth) + "[" + node(T->Ops[1], Depth) + "]";
    if (T->K == Op::Deref)
      return "*" + T->V->Name;
    return node(T, Depth);
  }

  llvm::raw_ostream &OS;
  llvm::DenseMap<const Expr *, unsigned> Numbers;
  unsigned Counter = 0;
};

} // namespace

void adgen::graph::printGraph(const Function &F, llvm::raw_ostream &OS) {
  OS << "function " << F.Name << "(";
  for (size_t I = 0; I < F.Params.size(); ++I)
    OS << (I ? ", " : "") << F.Params[I]->Name << " : " << F.Params[I]->Ty.str();
  OS << ") -> " << F.returnTypeStr() << "\n";
  GraphPrinter P(OS);
  P.block(F.Body, 1);
  OS << "end function\n\n";
}
