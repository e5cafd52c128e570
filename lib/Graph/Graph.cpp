//===- Graph/Graph.cpp - adgen's computation graph ------------------------===//

#include "Graph/Graph.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace adgen::graph;

std::string Type::str() const {
  std::string S;
  if (IsDual)
    return "adgen::Dual<" + Spelling + ">";
  std::string Base = Spelling;
  if (IsVector)
    Base = "std::vector<" + Spelling + ">";
  else if (StdArray)
    Base = "std::array<" + Spelling + ", " + std::to_string(StdArray) + ">";
  // A pointer to a container points to the container (an adjoint parameter).
  bool Const = isContainer() ? IsConst : ((IsPointer && PointeeConst) || (!IsPointer && IsConst));
  if (Const)
    S += "const ";
  S += Base;
  if (IsPointer)
    S += " *";
  if (IsReference)
    S += " &";
  return S;
}

bool Expr::isConst(double Value) const {
  if (K != Op::Const || Text.empty())
    return false;
  if (Text == "true" || Text == "false")
    return false;
  char *End = nullptr;
  double D = std::strtod(Text.c_str(), &End);
  return End && *End == '\0' && D == Value;
}

bool Expr::isConstant() const {
  if (K == Op::VarRef || K == Op::Load || K == Op::Deref || K == Op::Pop ||
      K == Op::Call || K == Op::AddrOf)
    return false;
  for (const Expr *O : Ops)
    if (!O->isConstant())
      return false;
  return true;
}

Var *Function::addVar(std::string N, Type Ty, VarKind Kind) {
  Vars.emplace_back();
  Var &V = Vars.back();
  V.Id = Vars.size() - 1;
  V.Name = std::move(N);
  V.Ty = std::move(Ty);
  V.Kind = Kind;
  return &V;
}

void Function::reserve(llvm::StringRef N) {
  size_t Colons = N.rfind("::");
  if (Colons != llvm::StringRef::npos)
    N = N.drop_front(Colons + 2);
  N = N.take_until([](char C) { return C == '<'; }); // sq<float> is sq
  if (!N.empty())
    Reserved.insert(N);
}

bool Function::nameTaken(llvm::StringRef N) const {
  if (Reserved.contains(N))
    return true;
  for (const Var &V : Vars)
    if (V.Name == N)
      return true;
  if (NameParent && NameParent->nameTaken(N))
    return true;
  return N == Name;
}

std::string Function::freshName(llvm::StringRef Base) const {
  if (!nameTaken(Base))
    return Base.str();
  for (unsigned I = 1;; ++I) {
    std::string N = (Base + "_" + llvm::Twine(I)).str();
    if (!nameTaken(N))
      return N;
  }
}

std::string Function::returnTypeStr() const {
  if (!ReturnSpelling.empty())
    return ReturnSpelling;
  if (ReturnsVoid)
    return "void";
  return ReturnType.str();
}

Function &Module::addFunction(std::string Name) {
  Functions.emplace_back();
  Functions.back().Name = std::move(Name);
  return Functions.back();
}

Callee *Module::addCallee(Callee C) {
  Callees.push_back(std::move(C));
  return &Callees.back();
}

HelperSlot *Module::addHelperSlot(std::string Qualified) {
  HelperSlots.push_back({std::move(Qualified), nullptr});
  return &HelperSlots.back();
}

const Expr *Module::make(Expr E) {
  Exprs.push_back(std::move(E));
  return &Exprs.back();
}

const Expr *Module::constant(std::string Spelling, Type Ty) {
  Expr E;
  E.K = Op::Const;
  E.Ty = std::move(Ty);
  E.Text = std::move(Spelling);
  return make(std::move(E));
}

/// Spells \p V so that it reads back exactly, and reads like a person wrote
/// it ("2", "0.5", "1e-08"), with the suffix of \p Ty's precision.
const Expr *Module::floatConst(double V, const Type &Ty) {
  char Buf[64];
  std::snprintf(Buf, sizeof Buf, "%.17g", V);
  for (int Prec = 1; Prec <= 17; ++Prec) {
    char Try[64];
    std::snprintf(Try, sizeof Try, "%.*g", Prec, V);
    if (std::strtod(Try, nullptr) == V) {
      std::snprintf(Buf, sizeof Buf, "%s", Try);
      break;
    }
  }
  std::string S = Buf;
  if (S.find_first_of(".eEn") == std::string::npos)
    S += ".0";
  if (Ty.Scalar == ScalarKind::Float)
    S += "f";
  else if (Ty.Scalar == ScalarKind::LongDouble)
    S += "L";
  return constant(S, Ty.element());
}

const Expr *Module::intConst(long long V) {
  return constant(std::to_string(V), Type::scalar(ScalarKind::Int, "int"));
}

const Expr *Module::boolConst(bool V) {
  return constant(V ? "true" : "false", Type::scalar(ScalarKind::Bool, "bool"));
}

const Expr *Module::ref(Var *V) {
  Expr E;
  E.K = Op::VarRef;
  E.Ty = V->Ty;
  E.V = V;
  return make(std::move(E));
}

const Expr *Module::load(const Expr *Base, const Expr *Index) {
  // *(p + i) reads as p[i].
  if (Base->K == Op::PtrAdd && Index->isConst(0))
    return load(Base->Ops[0], Base->Ops[1]);
  Expr E;
  E.K = Op::Load;
  E.Ty = Base->Ty.element();
  E.Ops = {Base, Index};
  return make(std::move(E));
}

const Expr *Module::ptrAdd(const Expr *Base, const Expr *Offset) {
  if (Offset->isConst(0) && !Base->Ty.isContainer())
    return Base;
  Expr E;
  E.K = Op::PtrAdd;
  E.Ty = Base->Ty;
  if (Base->Ty.isContainer()) { // v.data() + i
    E.Ty = Base->Ty.element();
    E.Ty.PointeeConst = Base->Ty.IsConst;
  }
  E.Ty.ArraySize = 0;
  E.Ty.IsReference = false;
  E.Ty.IsPointer = true;
  E.Ops = {Base, Offset};
  return make(std::move(E));
}

const Expr *Module::field(const Expr *Base, const std::string &Name, Type FieldTy) {
  Expr Idx;
  Idx.K = Op::FieldName;
  Idx.Ty = Type::scalar(ScalarKind::Int, "int");
  Idx.Text = Name;
  Expr E;
  E.K = Op::Load;
  E.Ty = std::move(FieldTy);
  E.Ops = {Base, make(std::move(Idx))};
  return make(std::move(E));
}

const Expr *Module::addressOf(const Expr *Place) {
  if (Place->K == Op::Deref)
    return ref(Place->V);
  if (Place->K == Op::VarRef && (Place->V->Ty.IsPointer || Place->V->Ty.ArraySize))
    return Place; // already an address
  if (Place->K == Op::VarRef)
    return addrOf(Place->V);
  if (Place->K == Op::Load && !isFieldLoad(Place) && !Place->Ops[0]->Ty.isContainer())
    return ptrAdd(Place->Ops[0], Place->Ops[1]);
  Expr E;
  E.K = Op::AddrOf;
  E.Ty = Place->Ty.element();
  E.Ty.IsPointer = true;
  E.Ty.ArraySize = 0;
  E.Ops = {Place};
  return make(std::move(E));
}

const Expr *Module::zeroValue(Type Ty) {
  Expr E;
  E.K = Op::Aggregate;
  Ty.IsConst = Ty.IsReference = Ty.IsPointer = false;
  E.Ty = std::move(Ty);
  return make(std::move(E));
}

const Expr *Module::sizeOf(const Expr *C) {
  if (C->Ty.StdArray)
    return constant(std::to_string(C->Ty.StdArray), Type::scalar(ScalarKind::Int, "std::size_t"));
  Expr E;
  E.K = Op::Call;
  E.Text = "size";
  E.Ty = Type::scalar(ScalarKind::Int, "std::size_t");
  E.Ops = {C}; // printed C.size()
  return make(std::move(E));
}

void adgen::graph::copyFields(Module &M, const Expr *Dst, const Expr *Src, const Type &Ty,
                              Block &Out, Loc L) {
  if (Ty.ArraySize) {
    Type E = Ty;
    E.ArraySize = 0;
    for (uint64_t I = 0; I < Ty.ArraySize; ++I)
      copyFields(M, M.load(Dst, M.intConst(I)), M.load(Src, M.intConst(I)), E, Out, L);
    return;
  }
  if (Ty.StdArray) {
    for (uint64_t I = 0; I < Ty.StdArray; ++I)
      copyFields(M, M.load(Dst, M.intConst(I)), M.load(Src, M.intConst(I)), Ty.element(), Out, L);
    return;
  }
  if (!Ty.Rec || Ty.IsPointer) {
    Out.push_back(M.assign(Dst, Src, L));
    return;
  }
  for (const Record::Field &F : Ty.Rec->Fields)
    copyFields(M, M.field(Dst, F.Name, F.Ty), M.field(Src, F.Name, F.Ty), F.Ty, Out, L);
}

static bool anyVar(const Function &F, std::vector<const Function *> &Seen,
                   bool (*Pred)(const Type &)) {
  if (std::find(Seen.begin(), Seen.end(), &F) != Seen.end())
    return false;
  Seen.push_back(&F);
  for (const Var &V : F.Vars)
    if (Pred(V.Ty))
      return true;
  bool Found = false;
  forEachStmt(F.Body, [&](Stmt *S) {
    if (S->K == StmtKind::Call && S->Fn && S->Fn->Body && !Found)
      Found = anyVar(*S->Fn->Body, Seen, Pred);
  });
  return Found;
}

bool adgen::graph::usesAggregates(const Function &F) {
  std::vector<const Function *> Seen;
  return anyVar(F, Seen, [](const Type &T) { return T.Rec || T.isContainer(); });
}

bool adgen::graph::usesContainers(const Function &F) {
  std::vector<const Function *> Seen;
  return anyVar(F, Seen, [](const Type &T) { return T.isContainer(); });
}

const Expr *Module::addrOf(Var *V) {
  Expr E;
  E.K = Op::AddrOf;
  E.Ty = Type::pointerTo(V->Ty.Scalar, V->Ty.Spelling, false);
  E.V = V;
  return make(std::move(E));
}

const Expr *Module::deref(Var *V) {
  Expr E;
  E.K = Op::Deref;
  E.Ty = V->Ty.element();
  E.V = V;
  return make(std::move(E));
}

const Expr *Module::unary(Op K, const Expr *A, Type Ty) {
  Expr E;
  E.K = K;
  E.Ty = std::move(Ty);
  E.Ops = {A};
  return make(std::move(E));
}

const Expr *Module::binary(Op K, const Expr *A, const Expr *B, Type Ty) {
  Expr E;
  E.K = K;
  E.Ty = std::move(Ty);
  E.Ops = {A, B};
  return make(std::move(E));
}

const Expr *Module::neg(const Expr *A) {
  if (A->K == Op::Neg)
    return A->Ops[0];
  if (A->isConst(0))
    return A;
  return unary(Op::Neg, A, A->Ty.element());
}

const Expr *Module::add(const Expr *A, const Expr *B) {
  if (!A)
    return B;
  if (!B)
    return A;
  if (A->isConst(0))
    return B;
  if (B->isConst(0))
    return A;
  if (B->K == Op::Neg)
    return sub(A, B->Ops[0]);
  return binary(Op::Add, A, B, A->Ty.element());
}

const Expr *Module::sub(const Expr *A, const Expr *B) {
  if (!B || B->isConst(0))
    return A;
  if (!A || A->isConst(0))
    return neg(B);
  if (B->K == Op::Neg)
    return add(A, B->Ops[0]);
  return binary(Op::Sub, A, B, A->Ty.element());
}

const Expr *Module::mul(const Expr *A, const Expr *B) {
  if (A->isConst(1))
    return B;
  if (B->isConst(1))
    return A;
  if (A->isConst(-1))
    return neg(B);
  if (B->isConst(-1))
    return neg(A);
  if (A->K == Op::Neg && B->K == Op::Neg)
    return mul(A->Ops[0], B->Ops[0]);
  // a * (1 / b) reads as a / b.
  if (B->K == Op::Div && B->Ops[0]->isConst(1))
    return div(A, B->Ops[1]);
  if (A->K == Op::Div && A->Ops[0]->isConst(1))
    return div(B, A->Ops[1]);
  if (A->K == Op::Neg)
    return neg(mul(A->Ops[0], B));
  if (B->K == Op::Neg)
    return neg(mul(A, B->Ops[0]));
  Type Ty = A->Ty.isFloating() ? A->Ty.element() : B->Ty.element();
  return binary(Op::Mul, A, B, Ty);
}

const Expr *Module::div(const Expr *A, const Expr *B) {
  if (B->isConst(1))
    return A;
  if (A->K == Op::Neg)
    return neg(div(A->Ops[0], B));
  Type Ty = A->Ty.isFloating() ? A->Ty.element() : B->Ty.element();
  return binary(Op::Div, A, B, Ty);
}

const Expr *Module::cast(const Expr *A, Type Ty) {
  Expr E;
  E.K = Op::Cast;
  E.Ty = std::move(Ty);
  E.Ops = {A};
  return make(std::move(E));
}

const Expr *Module::select(const Expr *C, const Expr *A, const Expr *B) {
  Expr E;
  E.K = Op::Select;
  E.Ty = A->Ty.element();
  E.Ops = {C, A, B};
  return make(std::move(E));
}

const Expr *Module::math(std::string Name, std::vector<const Expr *> Args, Type Ty) {
  Expr E;
  E.K = Op::Math;
  E.Ty = std::move(Ty);
  E.Text = std::move(Name);
  E.Ops = std::move(Args);
  return make(std::move(E));
}

const Expr *Module::call(std::string Name, std::vector<const Expr *> Args, Type Ty) {
  Expr E;
  E.K = Op::Call;
  E.Ty = std::move(Ty);
  E.Text = std::move(Name);
  E.Ops = std::move(Args);
  return make(std::move(E));
}

const Expr *Module::pop(Type Ty) {
  Expr E;
  E.K = Op::Pop;
  E.Ty = std::move(Ty);
  return make(std::move(E));
}

OmpLoop *Module::ompLoop(OmpLoop L) {
  OmpLoops.push_back(std::move(L));
  return &OmpLoops.back();
}

MatrixDriver *Module::matrixDriver(MatrixDriver D) {
  MatrixDrivers.push_back(std::move(D));
  return &MatrixDrivers.back();
}

std::vector<const Function *> MatrixDriver::callees() const {
  std::vector<const Function *> Out;
  for (const Function *G : {Fwd, FwdVec, Pullback})
    if (G)
      Out.push_back(G);
  return Out;
}

Stmt *Module::make(Stmt S) {
  Stmts.push_back(std::move(S));
  return &Stmts.back();
}

static Stmt stmtOf(StmtKind K, Loc L) {
  Stmt S;
  S.K = K;
  S.Where = L;
  return S;
}

Stmt *Module::decl(Var *V, const Expr *Init, Loc L) {
  Stmt S = stmtOf(StmtKind::Decl, L);
  S.V = V;
  S.Value = Init;
  return make(std::move(S));
}

Stmt *Module::assign(const Expr *Target, const Expr *Value, Loc L) {
  Stmt S = stmtOf(StmtKind::Assign, L);
  S.Target = Target;
  S.Value = Value;
  return make(std::move(S));
}

Stmt *Module::addAssign(const Expr *Target, const Expr *Value, Loc L) {
  Stmt S = stmtOf(StmtKind::AddAssign, L);
  S.Target = Target;
  S.Value = Value;
  return make(std::move(S));
}

Stmt *Module::callStmt(const Expr *Target, Callee *Fn, std::vector<const Expr *> Args, Loc L) {
  Stmt S = stmtOf(StmtKind::Call, L);
  S.Target = Target;
  S.Fn = Fn;
  S.Args = std::move(Args);
  return make(std::move(S));
}

Stmt *Module::ifStmt(const Expr *Cond, Block Then, Block Else, Loc L) {
  Stmt S = stmtOf(StmtKind::If, L);
  S.Value = Cond;
  S.Then = std::move(Then);
  S.Else = std::move(Else);
  return make(std::move(S));
}

Stmt *Module::loop(LoopKind K, Block Init, const Expr *Cond, Block Body, Block Inc, Loc L) {
  Stmt S = stmtOf(StmtKind::Loop, L);
  S.Loop = K;
  S.Init = std::move(Init);
  S.Value = Cond;
  S.Body = std::move(Body);
  S.Inc = std::move(Inc);
  return make(std::move(S));
}

Stmt *Module::ret(const Expr *Value, Loc L) {
  Stmt S = stmtOf(StmtKind::Return, L);
  S.Value = Value;
  return make(std::move(S));
}

Stmt *Module::brk(Loc L) { return make(stmtOf(StmtKind::Break, L)); }
Stmt *Module::cont(Loc L) { return make(stmtOf(StmtKind::Continue, L)); }

Stmt *Module::push(const Expr *Value, Loc L) {
  Stmt S = stmtOf(StmtKind::Push, L);
  S.Value = Value;
  return make(std::move(S));
}

Stmt *Module::comment(std::string Text, Loc L) {
  Stmt S = stmtOf(StmtKind::Comment, L);
  S.Text = std::move(Text);
  return make(std::move(S));
}

Stmt *Module::scope(Block Body, Loc L) {
  Stmt S = stmtOf(StmtKind::Scope, L);
  S.Then = std::move(Body);
  return make(std::move(S));
}

Stmt *Module::resize(Var *V, const Expr *Size, Loc L) {
  Stmt S = stmtOf(StmtKind::Resize, L);
  S.V = V;
  S.Value = Size;
  return make(std::move(S));
}

const Record *adgen::graph::valueInitialisedNonZero(const Function &F) {
  // Generated code declares arrays and vectors of such a class zero
  // (adgen::zeroFill, adgen::zeroed, `v(n, adgen::zeroed<S>())`) and the
  // graph runs the constructor where the source does; a vector that grows
  // would get its new elements from the constructor instead.
  const Record *Found = nullptr;
  forEachStmt(F.Body, [&](Stmt *S) {
    const Type *T = S->K == StmtKind::Resize && S->V ? &S->V->Ty : nullptr;
    if (!Found && T && T->Rec && !T->Rec->ZeroWhenValueInitialised)
      Found = T->Rec;
  });
  return Found;
}

std::string adgen::graph::qualifiedName(llvm::ArrayRef<std::string> Namespaces,
                                        llvm::StringRef Name) {
  std::string S = "::";
  for (const std::string &NS : Namespaces)
    if (!NS.empty())
      S += NS + "::";
  return S + Name.str();
}

std::string Function::qualifiedName() const {
  return adgen::graph::qualifiedName(Namespaces, Name);
}

bool adgen::graph::sameExpr(const Expr *A, const Expr *B) {
  if (A == B)
    return true;
  if (A->K != B->K || A->V != B->V || A->Text != B->Text || A->Ops.size() != B->Ops.size())
    return false;
  for (size_t I = 0; I < A->Ops.size(); ++I)
    if (!sameExpr(A->Ops[I], B->Ops[I]))
      return false;
  return true;
}
