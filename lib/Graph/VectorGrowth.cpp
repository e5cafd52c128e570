//===- Graph/VectorGrowth.cpp - Local std::vectors that change size -------===//
//
// A local std::vector may change its size: `push_back`, `emplace_back`,
// `resize`, `assign(n, x)`, `clear`, `pop_back` (and `reserve`, which changes
// nothing adgen tracks). Each becomes a Resize statement, which the
// transforms know (the derivative vector is resized with the vector; in
// reverse mode the backward sweep undoes each Resize from the tape, see
// adgen::Tape::pushResize), followed by ordinary assignments of the new
// elements:
//
//   v.push_back(e);   ->   std::size_t v_end = v.size(); v.resize(v_end + 1); v[v_end] = e;
//
// Declarations: `std::vector<double> v;`, `v(n)`, `v(n, x)`, `v{a, b, c}`,
// with or without an allocator argument; `w = v`, `w(first, last)` and
// `w.assign(first, last)` in VectorCopies.cpp.
// Only vectors declared in the function (outside loops) may change size:
// a parameter's size belongs to the caller, and so does its adjoint's.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include <algorithm>

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

namespace {
/// Does a Clang expression mention declaration D?
struct Mentions : clang::RecursiveASTVisitor<Mentions> {
  const clang::Decl *D;
  bool Found = false;
  bool VisitDeclRefExpr(clang::DeclRefExpr *E) {
    Found |= E->getDecl() == D;
    return true;
  }
};
} // namespace

static bool readsVar(const Expr *E, const Var *V) {
  bool Found = false;
  forEachExpr(E, [&](const Expr *N) { Found |= N->V == V; });
  return Found;
}

static graph::Type sizeType() { return graph::Type::scalar(ScalarKind::Int, "std::size_t"); }

/// for (std::size_t k = From; k < V.size(); ++k) V[k] = Value;
static Stmt *fillLoop(Module &M, Var *V, Var *K, const Expr *From, const Expr *Value, Loc L) {
  graph::Type B = graph::Type::scalar(ScalarKind::Bool, "bool");
  const Expr *Elem = M.load(M.ref(V), M.ref(K));
  Block Body{M.assign(Elem, Value, L)};
  Block Inc{M.assign(M.ref(K), M.binary(Op::Add, M.ref(K), M.constant("1", K->Ty), K->Ty), L)};
  return M.loop(LoopKind::For, {M.decl(K, From, L)},
                M.binary(Op::Lt, M.ref(K), M.sizeOf(M.ref(V)), B), std::move(Body),
                std::move(Inc), L);
}

/// The value \p A of a new element, evaluated before the vector changes:
/// in a local of its own when it reads the vector (`v.push_back(v.back())`).
const Expr *GraphBuilder::Impl::elementValue(const clang::Expr *A, Var *V) {
  const Expr *Val = expr(A);
  if (!Val)
    return nullptr;
  graph::Type ET = V->Ty.element();
  if (Val->Ty.Scalar != ET.Scalar)
    Val = M.cast(Val, ET);
  if (!readsVar(Val, V))
    return Val;
  Var *T = temp(V->Name + "_value", ET, A->getBeginLoc());
  emit(M.decl(T, Val, loc(A->getBeginLoc())));
  return M.ref(T);
}

bool GraphBuilder::Impl::isGrowth(llvm::StringRef Name) {
  return Name == "push_back" || Name == "emplace_back" || Name == "resize" ||
         Name == "assign" || Name == "clear" || Name == "reserve" || Name == "pop_back" ||
         Name == "=";
}

const Expr *GraphBuilder::Impl::vectorGrowth(const clang::CallExpr *CE, const Expr *Obj,
                                             llvm::StringRef Name, unsigned First) {
  std::string What = "'std::vector::" + Name.str() + "'";
  clang::SourceLocation Where = CE->getBeginLoc();
  Loc L = loc(Where);
  if (Obj->K != Op::VarRef || Obj->V->Kind != VarKind::Local || !Obj->V->Ty.IsVector ||
      Obj->V->Ty.IsPointer || Obj->V->Ty.IsReference)
    return fail(Where, What + " changes the size of a std::vector that the function does "
                              "not own; adgen changes the size only of a std::vector declared "
                              "in the function (a parameter's size, and its adjoint's, belong "
                              "to the caller): build the result in a local vector, or size "
                              "the parameter before the call");
  Var *V = Obj->V;
  if (isObjectArray(V->Ty) && Name != "reserve") // ObjectArrays.cpp
    return fail(Where, What + " on std::vector '" + V->Name + "' of '" + V->Ty.Rec->Spelling +
                           "', a class with a constructor or default member initialisers, is "
                           "not supported (the derivatives' vectors would get elements built "
                           "by the constructor rather than zero); size the vector where it is "
                           "declared");
  graph::Type ET = V->Ty.element();
  unsigned NArgs = CE->getNumArgs() - First;
  auto arg = [&](unsigned I) { return CE->getArg(First + I); };
  auto refuseArgs = [&]() {
    return fail(Where, What + " with these arguments is not supported in differentiated "
                              "code (supported: push_back(x), emplace_back(x), resize(n), "
                              "resize(n, x), assign(n, x), assign(first, last), clear(), "
                              "pop_back(), reserve(n), = w)");
  };
  if (Name == "reserve") { // no effect on values or sizes
    if (NArgs != 1)
      return refuseArgs();
    return expr(arg(0)) ? Obj : nullptr;
  }
  if (Name == "clear") {
    emit(M.resize(V, M.constant("0", sizeType()), L));
    return Obj;
  }
  if (Name == "pop_back") {
    emit(M.resize(V, M.binary(Op::Sub, M.sizeOf(Obj), M.constant("1", sizeType()), sizeType()),
                  L));
    return Obj;
  }
  if (Name == "push_back" || Name == "emplace_back") {
    if (NArgs != 1)
      return refuseArgs();
    const clang::Expr *A = arg(0);
    const Expr *Val = nullptr;
    if (!ET.Rec) {
      Val = elementValue(A, V);
      if (!Val)
        return nullptr;
    } else {
      Mentions Mn;
      Mn.D = nullptr;
      for (auto &KV : Vars)
        if (KV.second == V)
          Mn.D = KV.first;
      Mn.TraverseStmt(const_cast<clang::Expr *>(A));
      if (Mn.Found)
        return fail(A->getBeginLoc(), What + " of a struct built from the same vector is not "
                                            "supported; copy the element into a local first");
    }
    Var *End = temp(V->Name + "_end", sizeType(), Where);
    emit(M.decl(End, M.sizeOf(Obj), L));
    emit(M.resize(V, M.binary(Op::Add, M.ref(End), M.constant("1", sizeType()), sizeType()), L));
    const Expr *Elem = M.load(Obj, M.ref(End));
    if (Val)
      emit(M.assign(Elem, Val, L));
    else if (!initInto(Elem, ET, A))
      return nullptr;
    return Elem;
  }
  if (Name == "=" || (Name == "assign" && NArgs == 2 && !arg(0)->getType()->isIntegerType()))
    return vectorCopyAssign(CE, V, Name, First); // w = v, w.assign(first, last)
  if (Name == "resize" || Name == "assign") {
    if (NArgs < 1 || NArgs > 2 || !arg(0)->getType()->isIntegerType() ||
        (Name == "assign" && NArgs != 2) || (ET.Rec && NArgs == 2))
      return refuseArgs();
    const Expr *N = expr(arg(0));
    if (!N)
      return nullptr;
    const Expr *Val = NArgs == 2 ? elementValue(arg(1), V) : nullptr;
    if (NArgs == 2 && !Val)
      return nullptr;
    if (readsVar(N, V)) { // v.resize(v.size() + 1): the size before it changes
      Var *T = temp(V->Name + "_size", sizeType(), Where);
      emit(M.decl(T, N, L));
      N = M.ref(T);
    }
    Var *Old = nullptr;
    if (Name == "resize" && Val) { // only the new elements get the value
      Old = temp(V->Name + "_end", sizeType(), Where);
      emit(M.decl(Old, M.sizeOf(Obj), L));
    }
    emit(M.resize(V, N, L));
    if (Val)
      emit(fillLoop(M, V, temp("k", sizeType(), Where),
                    Old ? M.ref(Old) : M.constant("0", sizeType()), Val, L));
    return Obj;
  }
  return refuseArgs();
}

/// `std::vector<double> v;`, `v(n)`, `v(n, x)`, `v{a, b, c}`, `v = {a, b, c}`
/// (allocator arguments ignored); copies of a vector or a range in
/// VectorCopies.cpp. False with \p Handled unset when \p Init is none of
/// them.
bool GraphBuilder::Impl::vectorDecl(const clang::VarDecl *VD, Var *V, const clang::Expr *Init,
                                    bool &Handled) {
  Handled = true;
  Loc L = loc(VD->getLocation());
  const auto *CE = dyn_cast<clang::CXXConstructExpr>(stripCopies(Init));
  unsigned NArgs = CE ? vectorConstructorArgs(CE) : 0;
  if (!CE || (NArgs >= 1 && !CE->getArg(0)->getType()->isIntegerType() &&
              !isa<clang::CXXStdInitializerListExpr>(stripCopies(CE->getArg(0)))))
    return vectorCopyDecl(VD, V, Init, Handled); // w = v, w(first, last)
  if (NArgs == 0) {
    emit(M.decl(V, M.constant("0", sizeType()), L));
    return true;
  }
  if (const auto *IL = dyn_cast<clang::CXXStdInitializerListExpr>(stripCopies(CE->getArg(0)))) {
    const auto *List = dyn_cast<clang::InitListExpr>(stripCopies(IL->getSubExpr()));
    if (!List || NArgs != 1)
      return failStmt(VD->getLocation(), "this initialiser of a local std::vector is not "
                                         "supported");
    if (List->isSyntacticForm() && List->getSemanticForm())
      List = List->getSemanticForm();
    emit(M.decl(V, M.constant(std::to_string(List->getNumInits()), sizeType()), L));
    for (unsigned I = 0; I < List->getNumInits(); ++I)
      if (!initInto(M.load(M.ref(V), M.intConst(I)), V->Ty.element(), List->getInit(I)))
        return false;
    return true;
  }
  if (NArgs == 2 && CE->getArg(0)->getType()->isIntegerType() && !V->Ty.Rec &&
      CE->getArg(1)->getType()->isArithmeticType()) {
    const Expr *N = expr(CE->getArg(0));
    const Expr *Val = N ? expr(CE->getArg(1)) : nullptr;
    if (!Val)
      return false;
    if (Val->Ty.Scalar != V->Ty.Scalar)
      Val = M.cast(Val, V->Ty.element());
    emit(M.decl(V, N, L));
    emit(fillLoop(M, V, temp("k", sizeType(), VD->getLocation()), M.constant("0", sizeType()),
                  Val, L));
    return true;
  }
  if (NArgs == 1 && CE->getArg(0)->getType()->isIntegerType()) {
    const Expr *N = expr(CE->getArg(0)); // v(n): zero-filled
    if (!N)
      return false;
    // The size is the declaration's value (printed as `v(n)`); the
    // transforms give derivative vectors the same size.
    emit(M.decl(V, N, L));
    return true;
  }
  Handled = false;
  return false;
}

/// The rules that keep a changing size sound (see the file comment): the
/// vectors that change size are not handed to calls that may write them
/// (a helper's restores would be saved at addresses that a later resize
/// moves), and no pointer local points into them (it would dangle, and so
/// would its adjoint pointer).
bool GraphBuilder::Impl::checkVectorGrowth(Function &G) {
  std::vector<Var *> Resized;
  forEachStmt(G.Body, [&](Stmt *S) {
    if (S->K == StmtKind::Resize &&
        std::find(Resized.begin(), Resized.end(), S->V) == Resized.end())
      Resized.push_back(S->V);
  });
  if (Resized.empty())
    return true;
  auto resized = [&](Var *R) {
    return R && std::find(Resized.begin(), Resized.end(), R) != Resized.end();
  };
  auto rootOfExpr = [](const Expr *E) -> Var * {
    while (E && (E->K == Op::Load || E->K == Op::PtrAdd))
      E = E->Ops[0];
    if (E && (E->K == Op::VarRef || E->K == Op::Deref))
      return E->V->Root ? E->V->Root : E->V;
    return nullptr;
  };
  bool OK = true;
  forEachStmt(G.Body, [&](Stmt *S) {
    if (!OK)
      return;
    if (S->K == StmtKind::Decl && S->V->Ty.IsPointer && resized(S->V->Root)) {
      Diags.error(S->Where, "pointer '" + S->V->Name + "' into std::vector '" +
                                S->V->Root->Name + "', whose size changes, is not supported "
                                "(a change of size may move the elements); use an index");
      OK = false;
    }
    if (S->K == StmtKind::Call && !S->V)
      for (size_t I = 0; I < S->Args.size() && I < S->Fn->ParamTypes.size() && OK; ++I)
        if (S->Fn->ParamTypes[I].isWritable() && resized(rootOfExpr(S->Args[I]))) {
          Diags.error(S->Where, "std::vector '" + rootOfExpr(S->Args[I])->Name +
                                    "', whose size changes, is passed to '" + S->Fn->BaseName +
                                    "', which may write it; this is not supported yet (pass "
                                    "it as 'const &', or use a vector of a fixed size)");
          OK = false;
        }
  });
  return OK;
}
