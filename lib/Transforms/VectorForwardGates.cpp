//===- Transforms/VectorForwardGates.cpp - Where f_fwd_vec is generated ---===//
//
// f_fwd_vec is an extra: f_fwd is always generated, f_fwd_vec only where
// its k-direction layout is defined and the widening in VectorForward.cpp
// is known to be right. The same holds for every function f calls: their
// vector helpers are generated on demand, so f_fwd_vec is generated only
// when each of them can be. What is left out (each with its reason):
//
//  - a call of a function whose forward mode is the user's (ADGEN_CUSTOM)
//    and that returns no number, or takes a pointer, reference, array,
//    container or struct, or writes a global: f_fwd_vec calls the user's
//    g_fwd once per direction (and g once for the value), which is right
//    only where g_fwd has no effect but its result;
//  - a call that hands a callee a pointer into a field of a struct
//    (`h(s.q + 1)`, `h(&s.x)`): the k tangents of a field are not
//    contiguous. A field passed to a `double&` (`g(s.x)`) or a whole array
//    field to a pointer (`h(s.q)`, `h(s.a.data())`) goes through a buffer
//    of its k tangents, copied back after the call, unless another
//    argument reaches the same variable (`g(s.x, s)`) or it is a global's;
//  - structs holding containers, std::complex, std::tuple; classes whose
//    user-written copies change values (the tangents' std::vector would
//    copy them; Graph/ValueCopies.h);
//  - a container passed by value that f writes;
//  - parallel loops together with calls or containers;
//  - a static function or one in an anonymous namespace (f_fwd_vec itself
//    would be an unused internal function); their vector helpers are made.
//
//===----------------------------------------------------------------------===//

#include "Analysis/Activity.h"
#include "Analysis/GlobalEffects.h"
#include "Graph/ValueCopies.h"
#include "Transforms/TransformContext.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace adgen;
using namespace adgen::graph;

namespace {

/// Structs whose k tangents VectorForward.cpp can hold: fields that are
/// numbers, arrays of them and such structs. (Classes with constructors
/// are fine: generated code declares their tangents with adgen::zeroed.)
bool plainRecord(const Record *R) {
  if (R->Complex || R->Tuple || copiesChangeValues(R))
    return false; // (a class whose copies change values: std::vector would copy it)
  for (const Record::Field &Fd : R->Fields)
    if (Fd.Ty.IsVector || (Fd.Ty.Rec && !plainRecord(Fd.Ty.Rec)))
      return false;
  return true;
}

/// A place whose k tangents per element lie together in memory: a
/// variable, an element of an array or container (not of a field), a
/// pointer into one.
bool contiguousPlace(const Expr *E) {
  if (E->K == Op::Const && E->Text == "nullptr")
    return true; // g(x, nullptr): an inactive argument (Graph/NullPointers.cpp)
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
    if (!C.CustomFwd.empty()) {
      Calls = true; // its buffers are shared: not in a parallel loop
      return customCall(C);
    }
    if (!C.Body)
      return "";
    Calls = true;
    for (size_t I = 0; I < S.Args.size() && I < C.ParamTypes.size(); ++I)
      if (C.ParamTypes[I].isFloating() && placeParam(C.ParamTypes[I]) &&
          !contiguousPlace(S.Args[I]) && !bufferedField(S, C, I))
        return " passes '" + C.BaseName + "' a pointer into a field of a struct, or a field " +
               "that another argument also reaches";
    std::string Why = check(*C.Body, /*Internal=*/true);
    return Why.empty() ? "" : " calls " + Why.substr(0, Why.find(' ')) + ", which" +
                                  Why.substr(Why.find(' '));
  }

  /// A field of a struct passed to a `double&` or `S&` parameter (`g(s.x)`,
  /// `s.vel += v` for a member operator+=):
  /// f_fwd_vec copies its k tangents into a buffer for the call and back
  /// after it. Right only where the callee reaches the field through that
  /// parameter alone: not for a global's field, nor when another argument
  /// that the callee may read or write through reaches the same variable.
  static bool bufferedField(const Stmt &S, const Callee &C, size_t I) {
    uint64_t N = 0;
    const Expr *Field = arrayFieldArgument(S.Args[I], N);
    bool Array = Field && (C.ParamTypes[I].IsPointer || C.ParamTypes[I].ArraySize) &&
                 !C.ParamTypes[I].Rec && !C.ParamTypes[I].isContainer();
    if (!scalarRef(C.ParamTypes[I]) && !Array)
      return false;
    Var *Root = rootOf(S.Args[I]);
    if (!Root || Root->Kind == VarKind::Global)
      return false;
    std::string Path = fieldPath(Array ? Field : S.Args[I]);
    for (size_t A = 0; A < S.Args.size(); ++A) {
      if (A == I)
        continue;
      bool Mentions = false;
      forEachExpr(S.Args[A], [&](const Expr *N) { Mentions |= N->V && rootOf(N->V) == Root; });
      if (!Mentions || A >= C.ParamTypes.size())
        continue;
      const Type &T = C.ParamTypes[A];
      if (!placeParam(T) && !T.IsReference)
        continue; // a value: read before the call
      // Another field by `double&` (`g(s.x, s.y)`): distinct, so fine.
      uint64_t M = 0;
      const Expr *OtherField = arrayFieldArgument(S.Args[A], M);
      std::string Other = fieldPath(OtherField ? OtherField : S.Args[A]);
      if (!(scalarRef(T) || (OtherField && T.IsPointer)) || Path.empty() || Other.empty() ||
          Other == Path)
        return false;
    }
    return true;
  }
  /// `double&` or `S&`: one element.
  static bool scalarRef(const Type &T) {
    return T.IsReference && !T.IsConst && !T.IsPointer && !T.ArraySize && !T.isContainer();
  }
  /// "x.y" for `s.x.y` (fields down to a variable), else empty.
  static std::string fieldPath(const Expr *E) {
    std::string Out;
    for (; E && isFieldLoad(E); E = E->Ops[0])
      Out = E->Ops[1]->Text + "." + Out;
    return E && E->K == Op::VarRef ? Out : "";
  }

  /// A call of g whose forward mode is the user's g_fwd (ADGEN_CUSTOM):
  /// f_fwd_vec calls g once for the value and g_fwd once per direction,
  /// so g must return a number, take numbers by value or const& (no place
  /// it could write) and, where its body is visible, write no global.
  static std::string customCall(const Callee &C) {
    std::string Why = " calls '" + C.BaseName + "', whose forward mode is your " + C.BaseName +
                      "_fwd (ADGEN_CUSTOM), one direction at a time, ";
    if (C.ReturnsVoid || !C.ReturnType.isFloatScalar() || C.ReturnType.Rec)
      return Why + "and returns no number";
    if (!C.Private.empty())
      return Why + "and is private";
    for (const Type &T : C.ParamTypes)
      if (placeParam(T) || T.Rec)
        return Why + "and takes a pointer, reference, array, container or struct";
    if (C.Body && !adgen::writtenGlobals(*C.Body).empty())
      return Why + "and writes a global";
    return "";
  }

  llvm::SmallPtrSet<const Function *, 8> Seen;
};

} // namespace

const Expr *adgen::arrayFieldArgument(const Expr *E, uint64_t &N) {
  if (E && E->K == Op::PtrAdd && E->Ops[1]->isConst(0)) // s.a.data()
    E = E->Ops[0];
  if (!E || !isFieldLoad(E) || E->Ty.Rec || E->Ty.IsVector)
    return nullptr;
  N = E->Ty.ArraySize ? E->Ty.ArraySize : E->Ty.StdArray;
  return N ? E : nullptr;
}

std::string adgen::vectorForwardUnsupported(const Function &F, bool Internal) {
  return Gate().check(F, Internal);
}
