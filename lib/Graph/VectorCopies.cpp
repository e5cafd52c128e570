//===- Graph/VectorCopies.cpp - Vectors copied from a vector or a range ---===//
//
// A local std::vector made as a copy, of another vector or of a range that
// the algorithms read (IteratorRanges.cpp: `a.begin(), a.end()`, `a, a + n`,
// `it, v.end()` with an iterator local):
//
//   std::vector<double> w = v;            w(v), w{v}, w(v, alloc)
//   std::vector<double> w(first, last);   w(first, last, alloc)
//   w = v;   w.assign(first, last);       w a local vector (VectorGrowth.cpp)
//
// is sized to the source's length (declared with it when that reads only
// parameters the function cannot change, else declared empty and resized, a
// Resize statement) and filled by a counted loop of element assignments,
//
//   std::vector<double> w(last - first);
//   for (std::size_t k = 0; k < w.size(); ++k) w[k] = a[k + first];
//
// so the transforms see a declaration and a loop of copies. Allocator
// arguments (`v(n, x, alloc)`, `v(alloc)`) carry no numbers and are ignored.
//
// Refused, naming the construct: the copy of a call's result or of a moved
// vector (`std::move(v)`: the moved-from vector would differ), copying a
// vector's elements into itself, vectors of containers or pointers.
//
//===----------------------------------------------------------------------===//

#include "Graph/GraphBuilderImpl.h"

using namespace adgen;
using namespace adgen::graph;
using clang::dyn_cast;
using clang::isa;

static graph::Type sizeType() { return graph::Type::scalar(ScalarKind::Int, "std::size_t"); }

/// Constructor parameter \p I of \p CE is the allocator.
static bool allocatorParam(const clang::CXXConstructExpr *CE, unsigned I) {
  const clang::CXXConstructorDecl *C = CE->getConstructor();
  if (!C || I >= C->getNumParams())
    return false;
  clang::QualType T = C->getParamDecl(I)->getType().getNonReferenceType();
  if (const auto *TT = T->getAs<clang::TypedefType>())
    if (TT->getDecl()->getName() == "allocator_type")
      return true;
  const auto *RD = T->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() && RD->getName().contains("allocator");
}

unsigned adgen::vectorConstructorArgs(const clang::CXXConstructExpr *CE) {
  unsigned N = CE->getNumArgs();
  while (N && (isa<clang::CXXDefaultArgExpr>(CE->getArg(N - 1)) || allocatorParam(CE, N - 1)))
    --N;
  return N;
}

bool GraphBuilder::Impl::vectorCopyDecl(const clang::VarDecl *VD, Var *V,
                                        const clang::Expr *Init, bool &Handled) {
  Handled = true;
  const clang::Expr *Src = stripCopies(Init);
  IterRange R;
  if (const auto *CE = dyn_cast<clang::CXXConstructExpr>(Src)) {
    unsigned N = vectorConstructorArgs(CE);
    if (N == 2) { // w(first, last)
      if (!iteratorRange("'std::vector(first, last)'", CE->getBeginLoc(), CE->getArg(0),
                         CE->getArg(1), R))
        return false;
      return copyRangeInto(V, R, /*Declare=*/true, VD->getLocation());
    }
    if (N != 1 || isa<clang::InitListExpr>(stripCopies(CE->getArg(0)))) {
      Handled = false; // not a copy
      return false;
    }
    Src = stripCopies(CE->getArg(0)); // w(v, alloc)
  }
  if (!vectorSource(Src, V, R))
    return false;
  return copyRangeInto(V, R, /*Declare=*/true, VD->getLocation());
}

bool GraphBuilder::Impl::vectorSource(const clang::Expr *E, Var *V, IterRange &R) {
  if (!E->isLValue())
    return failStmt(E->getBeginLoc(), "a std::vector is copied only from a variable or a "
                                      "field ('w = v'); copying the result of a call, or a "
                                      "vector moved with std::move, is not supported (copy "
                                      "from a variable)");
  const Expr *S = expr(E);
  if (!S)
    return false;
  if (!S->Ty.IsVector || S->Ty.IsPointer)
    return failStmt(E->getBeginLoc(), "copying this into std::vector '" + V->Name +
                                          "' is not supported; copy from a std::vector");
  R.Base = S;
  R.First = nullptr;
  R.Last = M.sizeOf(S);
  return true;
}

bool GraphBuilder::Impl::copyRangeInto(Var *V, IterRange &R, bool Declare,
                                       clang::SourceLocation L) {
  graph::Type ET = V->Ty.element();
  if (ET.isContainer() || ET.IsPointer)
    return failStmt(L, "copying into std::vector '" + V->Name + "' of containers or "
                       "pointers is not supported; copy element by element");
  if (R.Base->K == Op::VarRef && R.Base->V == V)
    return failStmt(L, "copying std::vector '" + V->Name + "' or its elements into itself "
                       "is not supported; copy through a second vector");
  graph::Type ST = sizeType();
  const Expr *Count = toIndexType(R.Last, ST);
  if (R.First)
    Count = toIndexType(M.binary(Op::Sub, R.Last, toIndexType(R.First, R.Last->Ty),
                                 R.Last->Ty),
                        ST);
  // A declared size must be known on entry (checkVectorSizes): read only
  // parameters and globals that the function cannot change; otherwise the
  // vector is declared empty and resized.
  bool Fixed = true;
  forEachExpr(Count, [&](const Expr *N) {
    if (N->V && !((N->V->Kind == VarKind::Param || N->V->Kind == VarKind::Global) &&
                  (!N->V->Ty.isMemory() || N->V->Ty.IsConst)))
      Fixed = false;
  });
  if (Declare && !Fixed)
    emit(M.decl(V, M.constant("0", ST), loc(L)));
  emit(Declare && Fixed ? M.decl(V, Count, loc(L)) : M.resize(V, Count, loc(L)));
  // for (k = 0; k < w.size(); ++k) w[k] = source[k + first];
  IterRange Dst;
  Dst.Base = M.ref(V);
  Dst.Last = M.sizeOf(M.ref(V));
  Var *K = temp("k", ST, L);
  Block Body;
  Block *Saved = Cur;
  Cur = &Body;
  ++LoopDepth;
  assignElement(M.load(Dst.Base, M.ref(K)), rangeElement(R, Dst, K), ET, L);
  --LoopDepth;
  Cur = Saved;
  countedLoop(K, nullptr, Dst.Last, std::move(Body), L);
  return true;
}

const Expr *GraphBuilder::Impl::vectorCopyAssign(const clang::CallExpr *CE, Var *V,
                                                 llvm::StringRef Name, unsigned First) {
  clang::SourceLocation L = CE->getBeginLoc();
  const clang::Expr *A = CE->getArg(First);
  IterRange R;
  if (Name == "=") {
    if (isa<clang::CXXStdInitializerListExpr>(stripCopies(A)) ||
        isa<clang::InitListExpr>(stripCopies(A)))
      return fail(L, "assigning a braced list to std::vector '" + V->Name + "' is not "
                     "supported; assign the elements, or declare the vector with the list");
    if (!vectorSource(stripCopies(A), V, R))
      return nullptr;
  } else if (!iteratorRange("'std::vector::assign'", L, A, CE->getArg(First + 1), R)) {
    return nullptr;
  }
  if (!copyRangeInto(V, R, /*Declare=*/false, L))
    return nullptr;
  return M.ref(V);
}
