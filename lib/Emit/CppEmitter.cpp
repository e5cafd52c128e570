//===- Emit/CppEmitter.cpp - Graph functions to C++ source -----------------===//

#include "Emit/CppEmitter.h"
#include "Emit/MatrixEmitter.h"
#include "Emit/PrivateAccess.h"
#include "Graph/LocalTypes.h"
#include "Graph/ValueCopies.h"
#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"

using namespace adgen;
using namespace adgen::graph;

namespace {

/// The field that field load \p E reads, when it is private or protected.
const MemberAccess *privateField(const Expr *E) {
  const Expr *B = E->Ops[0];
  const Record *R = B->V && B->V->Ty.Rec ? B->V->Ty.Rec : B->Ty.Rec;
  const Record::Field *F = R ? R->field(E->Ops[1]->Text) : nullptr;
  return F && !F->Private.empty() ? &F->Private : nullptr;
}

/// A private or protected member, reached through its pointer
/// (`self.*adgen::access::S_k_`, `*adgen::access::S_s_`).
bool isPrivateAccess(const Expr *E) {
  if (E->K == Op::VarRef)
    return E->V->Kind == VarKind::Global && !E->V->Private.empty();
  return isFieldLoad(E) && privateField(E);
}

int precedence(const Expr *E) {
  // Parenthesized as the operand of any operator, for the reader (`.*`
  // binds tighter than `*` but looser than unary `-`); bare as a whole
  // expression or an argument.
  if (isPrivateAccess(E))
    return 2;
  switch (E->K) {
  case Op::Const:
    return (!E->Text.empty() && E->Text[0] == '-') ? 15 : 16;
  case Op::VarRef: case Op::Load: case Op::Math: case Op::Call: case Op::Field:
  case Op::Aggregate: case Op::Pop: case Op::Cast: case Op::FieldName:
    return 16;
  case Op::Neg: case Op::Not: case Op::BitNot: case Op::Deref: case Op::AddrOf:
    return 15;
  case Op::Mul: case Op::Div: case Op::Rem:
    return 13;
  case Op::PtrAdd:
    return E->Ops[1]->isConst(0) ? 16 : 12; // v.data()
  case Op::Add: case Op::Sub:
    return 12;
  case Op::Shl: case Op::Shr:
    return 11;
  case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge:
    return 9;
  case Op::Eq: case Op::Ne:
    return 8;
  case Op::BitAnd: return 7;
  case Op::BitXor: return 6;
  case Op::BitOr: return 5;
  case Op::And: return 4;
  case Op::Or: return 3;
  case Op::Select: return 2;
  }
  return 0;
}

const char *spelling(Op K) {
  switch (K) {
  case Op::Add: case Op::PtrAdd: return "+";
  case Op::Sub: return "-";
  case Op::Mul: return "*";
  case Op::Div: return "/";
  case Op::Rem: return "%";
  case Op::Lt: return "<";
  case Op::Le: return "<=";
  case Op::Gt: return ">";
  case Op::Ge: return ">=";
  case Op::Eq: return "==";
  case Op::Ne: return "!=";
  case Op::And: return "&&";
  case Op::Or: return "||";
  case Op::BitAnd: return "&";
  case Op::BitOr: return "|";
  case Op::BitXor: return "^";
  case Op::Shl: return "<<";
  case Op::Shr: return ">>";
  default: return "?";
  }
}

std::string printExpr(const Expr *E, int MinPrec = 0);

/// Elements of a class that `S{}` would not make zero (a class with a
/// constructor or default member initialisers): generated code never runs
/// its constructor (the graph runs it in place where the source does), and
/// makes such values zero with adgen::zeroed (adgen/objects.h).
bool nonZeroElements(const Type &T) {
  return T.Rec && !T.Rec->ZeroWhenValueInitialised && !T.IsPointer && !T.IsReference &&
         !T.IsDual;
}
/// One such object, or a std::array of them: `= adgen::zeroed<T>()`.
bool madeZeroed(const Type &T) { return nonZeroElements(T) && !T.ArraySize && !T.IsVector; }
/// A class whose user-written copies change values: made, zeroed, copied as bytes.
bool bytesOnly(const Type &T) {
  return copiesChangeValues(T) && !T.ArraySize && !T.IsVector && !T.StdArray;
}
std::string zeroedValue(const Type &T) {
  Type V = T;
  V.IsConst = false;
  return "adgen::zeroed<" + V.str() + ">()";
}

/// The accessors of private members that the file being printed uses
/// (emitSource and emitHeader set it; emitExpr's are thrown away).
PrivateAccess *CurrentAccess = nullptr;

std::string accessPointer(const MemberAccess &A) {
  if (CurrentAccess)
    return CurrentAccess->pointer(A);
  PrivateAccess Scratch;
  return Scratch.pointer(A);
}

/// Object.x or Object->x (\p Arrow); a private or protected field through
/// its pointer to member, `Object.*adgen::access::S_x`.
/// True while a statement's target is printed: the parts of a
/// std::complex are written through adgen::re(z) / adgen::im(z).
bool PrintingTarget = false;

std::string fieldAccess(const std::string &Object, bool Arrow, const Expr *E) {
  const Expr *B = E->Ops[0];
  const Record *R = B->V && B->V->Ty.Rec ? B->V->Ty.Rec : B->Ty.Rec;
  if (R && R->Tuple)
    return "std::get<" + E->Ops[1]->Text + ">(" + (Arrow ? "*" : "") + Object + ")";
  if (R && R->Complex) {
    const std::string &Part = E->Ops[1]->Text;
    if (PrintingTarget)
      return "adgen::" + Part + "(" + (Arrow ? "*" : "") + Object + ")";
    return Object + (Arrow ? "->" : ".") + (Part == "re" ? "real()" : "imag()");
  }
  if (const MemberAccess *A = privateField(E))
    return Object + (Arrow ? "->*" : ".*") + accessPointer(*A);
  return Object + (Arrow ? "->" : ".") + E->Ops[1]->Text;
}

/// A global's name; a private static data member through its pointer.
std::string globalName(const Var *V) {
  if (V->Kind == VarKind::Global && !V->Private.empty())
    return "*" + accessPointer(V->Private);
  return V->Name;
}

/// The precedence below which operand \p Child of \p E needs parentheses:
/// \p Min, raised where -Wparentheses wants them for clarity (`a && b || c`,
/// `a + b << c`, `a == b & c`), so the output compiles under -Werror.
int clarified(const Expr *E, const Expr *Child, int Min) {
  bool Picky = E->K == Op::Or || E->K == Op::BitAnd || E->K == Op::BitOr || E->K == Op::BitXor ||
               E->K == Op::Shl || E->K == Op::Shr;
  bool Binary = Child->Ops.size() == 2 && Child->K != Op::Load && Child->K != Op::PtrAdd &&
                precedence(Child) < 16 && precedence(Child) > 2;
  return Picky && Binary && Child->K != E->K ? 17 : Min;
}

std::string args(const std::vector<const Expr *> &Ops) {
  std::vector<std::string> S;
  for (const Expr *O : Ops)
    S.push_back(printExpr(O));
  return llvm::join(S, ", ");
}

std::string scalarSpelling(const Type &T) {
  Type C = T;
  C.IsConst = false;
  C.IsReference = false;
  return C.str();
}

std::string printBare(const Expr *E) {
  switch (E->K) {
  case Op::Const:
    return E->Text;
  case Op::VarRef:
    return globalName(E->V);
  case Op::Load: {
    const Expr *B = E->Ops[0];
    if (isFieldLoad(E)) {
      // s.x; p->x for p[0].x and for a pointer (an adjoint parameter).
      if (B->K == Op::Load && !isFieldLoad(B) && B->Ops[1]->isConst(0) &&
          B->Ops[0]->Ty.IsPointer && !B->Ops[0]->Ty.isContainer())
        return fieldAccess(printExpr(B->Ops[0], 16), true, E);
      if (B->K == Op::Deref)
        return fieldAccess(B->V->Name, true, E);
      return fieldAccess(printExpr(B, 16), B->Ty.IsPointer, E);
    }
    if (B->Ty.isContainer() && B->Ty.IsPointer) // the adjoint of a container
      return "(*" + printExpr(B, 16) + ")[" + printExpr(E->Ops[1]) + "]";
  }
    if (E->Ops[0]->K == Op::VarRef && E->Ops[1]->isConst(0) && E->Ops[0]->V->Ty.IsPointer &&
        E->Ops[0]->V->Kind == VarKind::Param && !E->Ops[0]->V->Ty.isFloating())
      return "*" + E->Ops[0]->V->Name;
    return printExpr(E->Ops[0], 16) + "[" + printExpr(E->Ops[1]) + "]";
  case Op::PtrAdd: {
    const Expr *B = E->Ops[0];
    std::string Base = printExpr(B, 12);
    // (A variable's type may have changed after B was built: vector mode.)
    const Type &BT = B->K == Op::VarRef ? B->V->Ty : B->Ty;
    if (BT.isContainer())
      Base = printExpr(B, 16) + (BT.IsPointer ? "->data()" : ".data()");
    if (E->Ops[1]->isConst(0))
      return Base;
    return Base + " + " + printExpr(E->Ops[1], 13);
  }
  case Op::AddrOf:
    if (E->V && E->V->Kind == VarKind::Global && !E->V->Private.empty())
      return accessPointer(E->V->Private); // &S::s_ is the pointer itself
    if (E->V)
      return "&" + E->V->Name;
    {
      // &adgen::re(z): the address of a part of a complex is an lvalue's.
      bool Saved = PrintingTarget;
      PrintingTarget = true;
      std::string Place = printExpr(E->Ops[0], 15);
      PrintingTarget = Saved;
      return "&" + Place;
    }
  case Op::Deref:
    return "*" + E->V->Name;
  case Op::Neg: {
    const Expr *A = E->Ops[0];
    bool Tight = A->K == Op::Neg || (A->K == Op::Const && !A->Text.empty() && A->Text[0] == '-');
    return "-" + printExpr(A, Tight ? 17 : 15);
  }
  case Op::Not:
    return "!" + printExpr(E->Ops[0], 15);
  case Op::BitNot:
    return "~" + printExpr(E->Ops[0], 15);
  case Op::Cast:
    return "static_cast<" + scalarSpelling(E->Ty) + ">(" + printExpr(E->Ops[0]) + ")";
  case Op::Select:
    return printExpr(E->Ops[0], 3) + " ? " + printExpr(E->Ops[1], 3) + " : " +
           printExpr(E->Ops[2], 2);
  case Op::Math: {
    std::string N = E->Text;
    if (N.find("::") == std::string::npos)
      N = "std::" + N;
    return N + "(" + args(E->Ops) + ")";
  }
  case Op::Call:
    if (!E->V && E->Text == "size" && E->Ops.size() == 1 && E->Ops[0]->Ty.isContainer())
      return printExpr(E->Ops[0], 16) + (E->Ops[0]->Ty.IsPointer ? "->size()" : ".size()");
    return (E->V ? E->V->Name + "." : std::string()) + E->Text + "(" + args(E->Ops) + ")";
  case Op::Field:
    return printExpr(E->Ops[0], 16) + "." + E->Text;
  case Op::Aggregate:
    if (E->Ops.empty() && bytesOnly(E->Ty)) // a zero object, no constructor run
      return "adgen::Blank<" + E->Ty.valueStr() + ">().Value";
    if (E->Ops.empty() && madeZeroed(E->Ty))
      return zeroedValue(E->Ty);
    return E->Ty.str() + "{" + args(E->Ops) + "}";
  case Op::Pop:
    return E->V->Name + ".pop<" + scalarSpelling(E->Ty) + ">()";
  default: {
    int P = precedence(E);
    return printExpr(E->Ops[0], clarified(E, E->Ops[0], P)) + " " + spelling(E->K) + " " +
           printExpr(E->Ops[1], clarified(E, E->Ops[1], P + 1));
  }
  }
}

std::string printExpr(const Expr *E, int MinPrec) {
  std::string S = printBare(E);
  if (precedence(E) < MinPrec)
    return "(" + S + ")";
  return S;
}

/// The local struct whose field \p T names (`d_r` of `d_r.pos.x`), or null.
const Var *fieldStoreRoot(const Expr *T) {
  if (!T || !isFieldLoad(T))
    return nullptr;
  while (isFieldLoad(T))
    T = T->Ops[0];
  if (T->K != Op::VarRef || T->V->Kind != VarKind::Local || !T->V->Ty.Rec ||
      T->V->Ty.IsPointer || T->V->Ty.IsReference || T->V->Ty.ArraySize)
    return nullptr;
  return T->V;
}

/// Synthetic variables that are written but never read: their stores are
/// dead (an adjoint reset after its last use, say).
void readVars(const Block &B, llvm::DenseSet<const Var *> &Out,
              llvm::function_ref<bool(const Stmt &)> Dead) {
  auto expr = [&](const Expr *E) {
    forEachExpr(E, [&](const Expr *N) {
      if (N->V)
        Out.insert(N->V);
    });
  };
  forEachStmt(B, [&](Stmt *S) {
    if ((S->K == StmtKind::Assign || S->K == StmtKind::AddAssign || S->K == StmtKind::Decl) &&
        Dead(*S))
      return;
    // Storing into a field of a local struct does not read the struct.
    if (S->Target && S->Target->K != Op::VarRef && !fieldStoreRoot(S->Target))
      expr(S->Target);
    // v = f(v) and v += e read v only to update v: not a use of v.
    if ((S->K == StmtKind::Assign || S->K == StmtKind::AddAssign) && S->Target->K == Op::VarRef) {
      forEachExpr(S->Value, [&](const Expr *N) {
        if (N->V && N->V != S->Target->V)
          Out.insert(N->V);
      });
      return;
    }
    expr(S->Value);
    for (const Expr *A : S->Args)
      expr(A);
    if ((S->K == StmtKind::Push || S->K == StmtKind::Call || S->K == StmtKind::Resize) && S->V)
      Out.insert(S->V);
  });
}

/// Variables a block mentions, to drop unused synthetic declarations and to
/// mark unused parameters.
void mentions(const Block &B, llvm::DenseSet<const Var *> &Out) {
  auto expr = [&](const Expr *E) {
    forEachExpr(E, [&](const Expr *N) {
      if (N->V)
        Out.insert(N->V);
    });
  };
  forEachStmt(B, [&](Stmt *S) {
    expr(S->Target);
    expr(S->Value);
    for (const Expr *A : S->Args)
      expr(A);
    if ((S->K == StmtKind::Push || S->K == StmtKind::Call || S->K == StmtKind::Resize) && S->V)
      Out.insert(S->V);
  });
}

class Printer {
public:
  explicit Printer(const EmitOptions &O) : O(O) {}
  std::string Out;

  void signature(const Function &F, bool Declaration) {
    if (F.IsStatic)
      Out += "static ";
    if (F.IsInline)
      Out += "inline ";
    Out += F.returnTypeStr() + " " + F.Name + "(";
    for (size_t I = 0; I < F.Params.size(); ++I) {
      const Var *P = F.Params[I];
      Out += (I ? ", " : "") + P->Ty.str() + " " + P->Name;
    }
    Out += ")";
    Out += Declaration ? ";\n" : " ";
  }

  void function(const Function &F) {
    llvm::SmallVector<llvm::StringRef> Lines;
    llvm::StringRef(F.Doc).split(Lines, '\n', -1, false);
    for (llvm::StringRef L : Lines)
      Out += "/// " + L.str() + "\n";
    signature(F, false);
    Out += "{\n";
    if (F.Matrix) {
      Out += matrixDriverBody(F) + "}\n\n";
      return;
    }
    Used.clear();
    mentions(F.Body, Used);
    // Dead stores hide reads: iterate until no more stores die.
    for (int Round = 0; Round < 8; ++Round) {
      llvm::DenseSet<const Var *> Next;
      readVars(F.Body, Next, [&](const Stmt &S) { return Round > 0 && deadStore(S); });
      bool Same = Next.size() == Read.size();
      Read = std::move(Next);
      if (Same && Round > 0)
        break;
    }
    size_t Top = Out.size();
    for (const Var *P : F.Params)
      if (!Read.count(P))
        Out += "(void)" + P->Name + ";\n";
    block(F.Body);
    // The types f declares inside its body, again (Graph/LocalTypes.h).
    Out.insert(Top, localTypeDeclarations(F.Decl, llvm::StringRef(Out).drop_front(Top)));
    Out += "}\n\n";
  }

private:
  void block(const Block &B) {
    for (const Stmt *S : B)
      stmt(*S);
  }

  std::string lineNote(const Stmt &S) {
    return S.Where.Line ? " // line " + std::to_string(S.Where.Line) : "";
  }

  /// `x = x + e` prints as `x += e`, `i = i + 1` as `++i`.
  std::string assignment(const Stmt &S) {
    const Expr *T = S.Target, *V = S.Value;
    std::string TR = printExpr(T); // as read
    PrintingTarget = true;
    std::string TS = printExpr(T);
    PrintingTarget = false;
    if (S.K == StmtKind::AddAssign) {
      if (V->K == Op::Neg)
        return TS + " -= " + printExpr(V->Ops[0]);
      return TS + " += " + printExpr(V);
    }
    if (bytesOnly(T->Ty)) // never the user's copies (Graph/ValueCopies.h)
      return V->K == Op::Aggregate && V->Ops.empty() ? "adgen::zero(" + TS + ")"
             : V->K == Op::Pop ? V->V->Name + ".popInto(" + TS + ")"
                               : "adgen::copyBytes(" + TS + ", " + printExpr(V) + ")";
    if ((V->K == Op::Add || V->K == Op::Sub) && printExpr(V->Ops[0]) == TR &&
        V->Ops[0]->K == T->K) {
      const char *Op = V->K == Op::Add ? "+" : "-";
      if (!T->Ty.isFloating() && V->Ops[1]->isConst(1))
        return std::string(Op) + Op + printExpr(T, 15);
      return TS + " " + Op + "= " + printExpr(V->Ops[1]);
    }
    return TS + " = " + printExpr(V);
  }

  std::string inlineStmt(const Stmt &S) {
    switch (S.K) {
    case StmtKind::Assign:
    case StmtKind::AddAssign:
      return assignment(S);
    case StmtKind::Decl:
      return decl(S);
    default:
      return "";
    }
  }

  std::string decl(const Stmt &S) {
    Type T = S.V->Ty;
    T.IsConst = false;
    std::string D = T.str() + " " + S.V->Name;
    if (T.IsReference)
      D = T.str() + S.V->Name;
    if (T.ArraySize)
      D += "[" + std::to_string(T.ArraySize) + "]";
    if (T.IsVector && !T.IsReference && !T.IsPointer) {
      if (S.Value && nonZeroElements(T)) // copies of a zero, not S()
        D += "(" + printExpr(S.Value) + ", " + zeroedValue(T.element()) + ")";
      else if (S.Value)
        D += "(" + printExpr(S.Value) + ")"; // its size
    }
    else if (bytesOnly(T)) { // never the user's copies (Graph/ValueCopies.h)
      bool Zero = !S.Value || (S.Value->K == Op::Aggregate && S.Value->Ops.empty());
      bool Pop = S.Value && S.Value->K == Op::Pop;
      D = T.str() + " &&" + S.V->Name + " = adgen::Blank<" + T.str() + ">(" +
          (Zero || Pop ? "" : printExpr(S.Value)) + ").Value";
      if (Pop)
        D += "; " + S.Value->V->Name + ".popInto(" + S.V->Name + ")";
    }
    else if (S.Value)
      D += " = " + printExpr(S.Value);
    else if (madeZeroed(T))
      D += " = " + zeroedValue(T); // never the user's constructor
    else if (T.ArraySize && nonZeroElements(T))
      D += "; adgen::zeroFill(" + S.V->Name + ")"; // S() runs, then every element is zero
    else if (S.ZeroInit)
      D += " = {}";
    return D;
  }

  bool simple(const Block &B) {
    for (const Stmt *S : B)
      if (S->K != StmtKind::Assign && S->K != StmtKind::AddAssign)
        return false;
    return true;
  }

  void stmt(const Stmt &S) {
    // Debuggers and compiler messages see the user's line.
    if (O.LineDirectives && S.Where.Line && S.K != StmtKind::Comment)
      Out += "#line " + std::to_string(S.Where.Line) + " \"" +
             (S.Where.File.empty() ? O.InputPath : S.Where.File) + "\"\n";
    switch (S.K) {
    case StmtKind::Decl: {
      if (deadStore(S))
        return;
      Out += (valueForEffects(S) ? printExpr(S.Value) : decl(S)) + ";\n";
      return;
    }
    case StmtKind::Assign:
    case StmtKind::AddAssign:
      if (deadStore(S))
        return;
      if (S.OmpAtomic)
        Out += "#pragma omp atomic\n";
      Out += (valueForEffects(S) ? printExpr(S.Value) : assignment(S)) + ";\n";
      return;
    case StmtKind::Call: {
      // A result nobody reads (`twice(x);`, or a temporary whose only reader
      // was itself dropped) has no declaration left: call for the effects.
      if (S.Target && !unreadLocal(storeRoot(*S.Target)))
        Out += printExpr(S.Target) + " = ";
      if (S.Fn->Print == PrintKind::Stream) { // std::cout << a << b;
        for (size_t I = 0; I < S.Args.size(); ++I)
          Out += (I ? " << " : "") + printExpr(S.Args[I], 12);
        Out += ";\n";
        return;
      }
      if (!S.V && !S.Fn->Name.empty() && S.Fn->Name[0] == '.' && !S.Args.empty()) {
        // A member function: object.m(args).
        std::vector<const Expr *> Rest(S.Args.begin() + 1, S.Args.end());
        const Expr *Obj = S.Args[0];
        bool Arrow = Obj->K == Op::Load && !isFieldLoad(Obj) && Obj->Ops[1]->isConst(0) &&
                     Obj->Ops[0]->Ty.IsPointer;
        std::string O = Arrow ? printExpr(Obj->Ops[0], 16) : printExpr(Obj, 16);
        // A private or protected method: (object.*pointer)(args).
        if (!S.Fn->Private.empty())
          Out += "(" + O + (Arrow ? "->*" : ".*") + accessPointer(S.Fn->Private) + ")";
        else
          Out += O + (Arrow ? "->" : ".") + S.Fn->Name.substr(1);
        Out += "(" + args(Rest) + ");\n";
        return;
      }
      std::string Name = S.Fn->Name;
      // A private static member function (not one of its generated helpers).
      if (!S.Fn->Private.empty() && Name == S.Fn->Private.Qualified)
        Name = accessPointer(S.Fn->Private);
      Out += (S.V ? S.V->Name + "." : std::string()) + Name + "(" + args(S.Args) + ");\n";
      return;
    }
    case StmtKind::If: {
      Out += "if (" + printExpr(S.Value) + ") {" + lineNote(S) + "\n";
      block(S.Then);
      const Stmt *E = &S;
      while (E->Else.size() == 1 && E->Else[0]->K == StmtKind::If) {
        E = E->Else[0];
        Out += "} else if (" + printExpr(E->Value) + ") {\n";
        block(E->Then);
      }
      if (!E->Else.empty()) {
        Out += "} else {\n";
        block(E->Else);
      }
      Out += "}\n";
      return;
    }
    case StmtKind::Loop:
      loop(S);
      return;
    case StmtKind::Break:
      Out += "break;\n";
      return;
    case StmtKind::Continue:
      Out += "continue;\n";
      return;
    case StmtKind::Return:
      Out += S.Value ? "return " + printExpr(S.Value) + ";\n" : "return;\n";
      return;
    case StmtKind::Push:
      Out += S.V->Name + ".push(" + printExpr(S.Value) + ");\n";
      return;
    case StmtKind::Comment:
      Out += "// " + S.Text + "\n";
      return;
    case StmtKind::Resize:
      Out += S.V->Name + ".resize(" + printExpr(S.Value) + ");\n";
      return;
    case StmtKind::Scope:
      if (S.Omp)
        Out += S.Omp->pragma() + "\n";
      Out += "{\n";
      block(S.Then);
      Out += "}\n";
      return;
    }
  }

  void loop(const Stmt &S) {
    std::string Cond = S.Value ? printExpr(S.Value) : "";
    if (S.Loop == LoopKind::While) {
      Out += "while (" + Cond + ") {" + lineNote(S) + "\n";
      block(S.Body);
      Out += "}\n";
      return;
    }
    if (S.Loop == LoopKind::DoWhile) {
      Out += "do {" + lineNote(S) + "\n";
      block(S.Body);
      Out += "} while (" + Cond + ");\n";
      return;
    }
    bool InlineInit = (S.Init.size() <= 1 && simple(S.Init)) ||
                      (S.Init.size() == 1 && S.Init[0]->K == StmtKind::Decl);
    bool InlineInc = simple(S.Inc);
    bool Scoped = !InlineInit;
    if (Scoped) {
      Out += "{\n";
      block(S.Init);
    }
    std::string Init = InlineInit && !S.Init.empty() ? inlineStmt(*S.Init[0]) : "";
    std::vector<std::string> Incs;
    if (InlineInc)
      for (const Stmt *I : S.Inc)
        Incs.push_back(inlineStmt(*I));
    if (S.Omp)
      Out += S.Omp->pragma() + "\n";
    if (!S.Text.empty())
      Out += "#pragma " + S.Text + "\n";
    Out += "for (" + Init + "; " + Cond + "; " + llvm::join(Incs, ", ") + ") {" + lineNote(S) +
           "\n";
    block(S.Body);
    if (!InlineInc)
      block(S.Inc);
    Out += "}\n";
    if (Scoped)
      Out += "}\n";
  }

  /// A store nobody reads: to a synthetic variable never read (its
  /// declaration included), or x = x.
  bool deadStore(const Stmt &S) {
    const Var *V = S.K == StmtKind::Decl ? S.V : storeRoot(*S.Target);
    if (unreadLocal(V)) {
      bool Effects = false;
      forEachExpr(S.Value, [&](const Expr *N) {
        Effects |= (N->K == Op::Call && N->Text != "adgen::threadTape" &&
                    N->Text != "adgen::threadRedoLog") ||
                   N->K == Op::Pop;
      });
      return !Effects;
    }
    return S.K == StmtKind::Assign && printExpr(S.Target) == printExpr(S.Value);
  }

  /// A store to a local nothing reads whose value has effects (a call, a
  /// tape pop) that deadStore keeps: only the value is evaluated, so no
  /// variable is set and never used.
  bool valueForEffects(const Stmt &S) const {
    if (!S.Value || (S.K == StmtKind::Decl && (S.V->Ty.IsVector || S.V->Ty.IsReference)))
      return false;
    return unreadLocal(S.K == StmtKind::Decl ? S.V : storeRoot(*S.Target));
  }

  /// The variable a store to \p Target writes: a scalar variable, or the
  /// local struct whose field it is; null for memory.
  static const Var *storeRoot(const Expr &Target) {
    return Target.K == Op::VarRef ? Target.V : fieldStoreRoot(&Target);
  }

  /// A local nothing reads, whose declaration and stores are dropped (the
  /// user's too: a struct the derivative code only writes would not compile
  /// warning-free).
  bool unreadLocal(const Var *V) const {
    return V && !Read.count(V) && V->Kind == VarKind::Local &&
           (V->Synthetic || V->Ty.Rec || !Used.count(V));
  }

  const EmitOptions &O;
  llvm::DenseSet<const Var *> Used, Read;
};

/// Opens and closes namespace blocks between consecutive functions.
class Namespaces {
public:
  explicit Namespaces(std::string &Out) : Out(Out) {}
  void enter(const std::vector<std::string> &NS) {
    size_t Common = 0;
    while (Common < Cur.size() && Common < NS.size() && Cur[Common] == NS[Common])
      ++Common;
    while (Cur.size() > Common) {
      Out += "} // namespace " + Cur.back() + "\n\n";
      Cur.pop_back();
    }
    for (size_t I = Common; I < NS.size(); ++I) {
      Out += "namespace " + NS[I] + (NS[I].empty() ? "" : " ") + "{\n";
      Cur.push_back(NS[I]);
    }
  }

private:
  std::string &Out;
  std::vector<std::string> Cur;
};

bool isHelper(const Function &F) { return F.isDetail(); }

std::string preamble(const EmitOptions &O, bool Header) {
  std::string S;
  for (const std::string &L : O.Banner)
    S += "// " + L + "\n";
  S += "\n";
  if (Header) {
    S += "#pragma once\n#include <adgen/adgen.h>\n\n";
    return S;
  }
  if (!O.Include.empty())
    S += "#include \"" + O.Include + "\"\n\n";
  S += "#include <adgen/adgen.h>\n#include <adgen/runtime.h>\n\n#include <algorithm>\n"
       "#include <cmath>\n#include <cstddef>\n#include <vector>\n\n";
  return S;
}

} // namespace

std::string adgen::emitExpr(const Expr *E) { return printExpr(E); }

std::string adgen::formatCpp(const std::string &Code) {
  clang::format::FormatStyle Style = clang::format::getLLVMStyle();
  // No wrapping: one statement per line keeps signatures greppable and
  // diffs of regenerated code small.
  Style.ColumnLimit = 0;
  clang::tooling::Range R(0, Code.size());
  auto Reps = clang::format::reformat(Style, Code, {R}, "<adgen output>");
  auto Result = clang::tooling::applyAllReplacements(Code, Reps);
  if (!Result) {
    llvm::consumeError(Result.takeError());
    return Code;
  }
  return *Result;
}

std::string adgen::emitSource(const std::vector<Function *> &Fns, const EmitOptions &O) {
  // Accessors of private members go before the functions, which are printed
  // first to know which members they use.
  PrivateAccess Access;
  CurrentAccess = &Access;
  std::string Out;
  Printer P(O);
  {
    Namespaces NS(Out);
    bool Any = false;
    for (const Function *F : Fns) {
      NS.enter(F->Namespaces);
      P.Out.clear();
      P.signature(*F, true);
      Out += P.Out;
      Any = true;
    }
    NS.enter({});
    if (Any)
      Out += "\n";
  }
  Namespaces NS(Out);
  for (const Function *F : Fns) {
    NS.enter(F->Namespaces);
    P.Out.clear();
    P.function(*F);
    Out += P.Out;
  }
  NS.enter({});
  CurrentAccess = nullptr;
  return formatCpp(preamble(O, false) + Access.declarations() + Out);
}

std::string adgen::emitHeader(const std::vector<Function *> &Fns, const EmitOptions &O) {
  std::string Out = preamble(O, true);
  // Containers are the standard library's; the user's structs are not
  // ours to include: say which ones the declarations need.
  bool Vector = false, Array = false;
  std::vector<std::string> Structs;
  for (const Function *F : Fns) {
    if (isHelper(*F))
      continue;
    std::vector<Type> Types{F->ReturnType};
    for (const Var *V : F->Params)
      Types.push_back(V->Ty);
    for (const Type &T : Types) {
      Vector |= T.IsVector;
      Array |= T.StdArray > 0;
      if (T.Rec && std::find(Structs.begin(), Structs.end(), T.Rec->Spelling) == Structs.end())
        Structs.push_back(T.Rec->Spelling);
    }
  }
  if (Array)
    Out += "#include <array>\n";
  if (Vector)
    Out += "#include <vector>\n";
  if (!Structs.empty())
    Out += "// Uses " + llvm::join(Structs, ", ") +
           ": include the header that defines them before this one.\n";
  if (Array || Vector || !Structs.empty())
    Out += "\n";
  Printer P(O);
  Namespaces NS(Out);
  for (const Function *F : Fns) {
    if (isHelper(*F))
      continue;
    NS.enter(F->Namespaces);
    P.Out.clear();
    P.signature(*F, true);
    Out += P.Out;
  }
  NS.enter({});
  return formatCpp(Out);
}
