//===- Transforms/VectorForwardGates.cpp - Where f_fwd_vec is generated ---===//
//
// f_fwd_vec is an extra: f_fwd is always generated, f_fwd_vec only where
// its k-direction layout is defined and the widening in VectorForward.cpp
// is known to be right. The same holds for every function f calls: their
// vector helpers are generated on demand, so f_fwd_vec is generated only
// when each of them can be. What is left out (each with its reason):
//
//  - a call of a function whose forward mode is the user's (ADGEN_CUSTOM):
//    the user's g_fwd takes one direction;
//  - a call that hands a callee a place the callee may write, or an array,
//    that is a field of a struct (`g(s.x)` for `double&`, `h(s.q)`): the k
//    tangents of a field are not contiguous;
//  - structs holding containers, std::complex, std::tuple;
//  - a container passed by value that f writes;
//  - parallel loops together with calls or containers;
//  - a static function or one in an anonymous namespace (f_fwd_vec itself
//    would be an unused internal function); their vector helpers are made.
//
//===----------------------------------------------------------------------===//

#include "Transforms/TransformContext.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace adgen;
using namespace adgen::graph;

namespace {

/// Structs whose k tangents VectorForward.cpp can hold: fields that are
/// numbers, arrays of them and such structs. (Classes with constructors
/// are fine: generated code declares their tangents with adgen::zeroed.)
bool plainRecord(const Record *R) {
  if (R->Complex || R->Tuple)
    return false;
  for (const Record::Field &Fd : R->Fields)
    if (Fd.Ty.isContainer() || (Fd.Ty.Rec && !plainRecord(Fd.Ty.Rec)))
      return false;
  return true;
}

/// A place whose k tangents per element lie together in memory: a
/// variable, an element of an array or container (not of a field), a
/// pointer into one.
bool contiguousPlace(const Expr *E) {
  while (E && (E->K == Op::PtrAdd || E->K == Op::Load)) {
    if (isFieldLoad(E))
      return false;
    E = E->Ops[0];
  }
  return E && E->K == Op::VarRef;
}

/// A parameter through which the callee sees the caller's storage.
bool placeParam(const Type &T) {
  return T.IsPointer || T.ArraySize || T.isContainer() || T.isWritable();
}

class Gate {
public:
  std::string check(const Function &F, bool Internal) {
    if (!Seen.insert(&F).second)
      return "";
    std::string Of = "'" + F.Name + "'";
    if (F.IsStatic && !Internal)
      return Of + " is static";
    for (const std::string &NS : F.Namespaces)
      if (NS.empty() && !Internal)
        return Of + " is in an anonymous namespace";
    bool Containers = false;
    for (const Var &V : F.Vars) {
      if (V.Ty.Rec && !plainRecord(V.Ty.Rec))
        return Of + " uses '" + V.Ty.Rec->Spelling + "'";
      Containers |= V.Ty.isContainer();
    }
    if (!F.ReturnsVoid && F.ReturnType.Rec && !plainRecord(F.ReturnType.Rec))
      return Of + " returns '" + F.ReturnType.Rec->Spelling + "'";
    bool Parallel = false, Calls = false;
    std::string Why;
    forEachStmt(F.Body, [&](Stmt *S) {
      Parallel |= S->Omp != nullptr;
      if (!Why.empty())
        return;
      if (S->K == StmtKind::Assign || S->K == StmtKind::AddAssign)
        Why = writesValueContainer(F, S->Target);
      if (S->K == StmtKind::Call && !S->V && S->Fn->Print == PrintKind::None)
        Why = call(*S, Calls);
    });
    if (!Why.empty())
      return Of + Why;
    if (Parallel && (Calls || Containers))
      return Of + " has a parallel loop and calls or containers";
    return "";
  }

private:
  /// A container parameter passed by value that f writes: its k tangents
  /// are the caller's.
  static std::string writesValueContainer(const Function &F, const Expr *Target) {
    Var *Root = rootOf(Target);
    if (!Root || Root->Kind != VarKind::Param || !Root->Ty.isContainer() ||
        Root->Ty.IsReference || Root->Ty.IsPointer)
      return "";
    (void)F;
    return " writes '" + Root->Name + "', a container passed by value";
  }

  std::string call(const Stmt &S, bool &Calls) {
    const Callee &C = *S.Fn;
    if (!C.CustomFwd.empty())
      return " calls '" + C.BaseName + "', whose forward mode is your " + C.BaseName +
             "_fwd (ADGEN_CUSTOM), one direction at a time";
    if (!C.Body)
      return "";
    Calls = true;
    for (size_t I = 0; I < S.Args.size() && I < C.ParamTypes.size(); ++I)
      if (C.ParamTypes[I].isFloating() && placeParam(C.ParamTypes[I]) &&
          !contiguousPlace(S.Args[I]))
        return " passes a field of a struct to '" + C.BaseName + "' by reference or pointer";
    std::string Why = check(*C.Body, /*Internal=*/true);
    return Why.empty() ? "" : " calls " + Why.substr(0, Why.find(' ')) + ", which" +
                                  Why.substr(Why.find(' '));
  }

  llvm::SmallPtrSet<const Function *, 8> Seen;
};

} // namespace

std::string adgen::vectorForwardUnsupported(const Function &F, bool Internal) {
  return Gate().check(F, Internal);
}
