//===- Graph/InitializerLists.cpp - std::initializer_list -----------------===//
//
// Braced lists of numbers where the library takes a std::initializer_list:
// std::max({a, b, c}) and std::min({...}) become a chain of two-argument
// calls, std::max(std::max(a, b), c), whose derivative follows the chosen
// argument and, on ties, the first one, as the library picks it;
// `for (double v : {a, b, c})` walks a local array holding the list; and a
// variable holding a list (`auto &&r = {1., x};`, `std::initializer_list<double>
// r = {...}`) is that array, named after it, so range-for, `r.size()` and
// iterators (`r.begin()`, IteratorLocals.cpp) work on it as on an array.
//
//===----------------------------------------------------------------------===//

#include "Graph/Comparators.h"
#include "Graph/GraphBuilderImpl.h"
#include "clang/Basic/SourceManager.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;

/// The elements of a braced list that became a std::initializer_list.
static const clang::InitListExpr *listOf(const clang::Expr *E) {
  const auto *SIL = dyn_cast<clang::CXXStdInitializerListExpr>(stripCopies(E));
  if (!SIL)
    return nullptr;
  return dyn_cast<clang::InitListExpr>(stripCopies(SIL->getSubExpr()));
}

bool GraphBuilder::Impl::isInitializerListCall(const clang::CallExpr *CE) {
  const clang::FunctionDecl *FD = CE->getDirectCallee();
  if (!FD || !FD->getIdentifier() || CE->getNumArgs() < 1 ||
      !FD->getDeclContext()->getRedeclContext()->isStdNamespace() ||
      !Ctx.getSourceManager().isInSystemHeader(FD->getLocation()))
    return false;
  if (FD->getName() != "max" && FD->getName() != "min")
    return false;
  // std::max(a, b, comp): a comparison (Comparators.cpp).
  return listOf(CE->getArg(0)) || CE->getNumArgs() == 3;
}

const Expr *GraphBuilder::Impl::initializerListCall(const clang::CallExpr *CE) {
  std::string Name = CE->getDirectCallee()->getName().str();
  const clang::InitListExpr *IL = listOf(CE->getArg(0));
  std::vector<const clang::Expr *> Items;
  if (IL)
    Items.assign(IL->inits().begin(), IL->inits().end());
  else
    Items = {CE->getArg(0), CE->getArg(1)};
  if (CE->getNumArgs() == (IL ? 2u : 3u)) {
    std::string Why;
    switch (comparatorOrder(CE->getArg(CE->getNumArgs() - 1),
                            CE->getType().getNonReferenceType(), Ctx, Why)) {
    case ComparatorOrder::Less:
      break;
    case ComparatorOrder::Greater: // the largest by '>' is the smallest
      Name = Name == "max" ? "min" : "max";
      break;
    case ComparatorOrder::Unknown:
      return fail(CE->getArg(CE->getNumArgs() - 1)->getBeginLoc(),
                  "std::" + CE->getDirectCallee()->getName() + " with " + Why);
    }
  } else if (IL && CE->getNumArgs() != 1) {
    return fail(CE->getBeginLoc(), "this form of std::" + Name + " is not supported");
  }
  graph::Type T;
  if (!typeOf(CE->getType().getNonReferenceType(), CE->getBeginLoc(), T, "the result of this call"))
    return nullptr;
  if (T.Rec || T.isMemory())
    return fail(CE->getBeginLoc(), "std::" + Name + " of a list of structs is not supported");
  T.IsConst = T.IsReference = false;
  const Expr *Acc = nullptr;
  for (const clang::Expr *I : Items) {
    const Expr *V = expr(I);
    if (!V)
      return nullptr;
    if (V->Ty.Scalar != T.Scalar)
      V = M.cast(V, T);
    // Left to right, the earlier value winning ties: what the library does.
    Acc = Acc ? M.math(Name, {Acc, V}, T) : V;
  }
  if (!Acc)
    return fail(CE->getBeginLoc(), "std::" + Name + " of an empty list");
  return Acc;
}

const Expr *GraphBuilder::Impl::initializerListArray(const clang::Expr *Range, bool &Handled,
                                                     const clang::VarDecl *Named) {
  const clang::InitListExpr *IL = listOf(Range);
  Handled = IL != nullptr;
  if (!IL)
    return nullptr;
  const auto *AT = Ctx.getAsConstantArrayType(IL->getType());
  graph::Type T;
  if (!AT || !typeOf(AT->getElementType(), Range->getBeginLoc(), T, "this list"))
    return nullptr;
  if (T.isMemory() && !T.Rec)
    return fail(Range->getBeginLoc(), "range-for over a list of arrays or pointers is not "
                                      "supported");
  T.IsConst = false;
  T.ArraySize = IL->getNumInits();
  if (!T.ArraySize)
    return fail(Range->getBeginLoc(), "range-for over an empty list");
  Var *V = Named ? newVar(Named->getName(), T, VarKind::Local, Named->getLocation())
                 : temp("values", T, Range->getBeginLoc());
  if (Named)
    Vars[Named] = V;
  emit(M.decl(V, nullptr, loc(Range->getBeginLoc())));
  graph::Type E = T;
  E.ArraySize = 0;
  for (unsigned I = 0; I < IL->getNumInits(); ++I)
    if (!initInto(M.load(M.ref(V), M.intConst(I)), E, IL->getInit(I)))
      return nullptr;
  return M.ref(V);
}

bool adgen::isInitializerListType(clang::QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() && RD->getName() == "initializer_list" && RD->isInStdNamespace();
}
