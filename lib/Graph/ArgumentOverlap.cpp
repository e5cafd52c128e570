//===- Graph/ArgumentOverlap.cpp - Arguments that reach the same storage --===//
//
// See ArgumentOverlap.h for why. An argument reaches storage when its
// parameter is a reference, a pointer or an array; by-value parameters get
// copies (GraphBuilder::copyAliasedArgs). Two arguments overlap when they
// have the same root variable and their paths from it (element indices,
// field names) do not differ at some step by two different constants.
//
//===----------------------------------------------------------------------===//

#include "Graph/ArgumentOverlap.h"

using namespace adgen;
using namespace adgen::graph;

namespace {

/// The steps from an argument to its root variable, outermost first: the
/// index of each element or field read, or null for a pointer offset.
struct Path {
  Var *Root = nullptr;
  std::vector<const Expr *> Steps;
};

Path pathOf(const Expr *E) {
  Path P;
  while (E) {
    if (E->K == Op::Load) {
      P.Steps.push_back(E->Ops[1]);
      E = E->Ops[0];
    } else if (E->K == Op::PtrAdd) {
      P.Steps.push_back(nullptr); // from here on: anywhere in the array
      E = E->Ops[0];
    } else if (E->K == Op::Cast && E->Ty.IsPointer) {
      E = E->Ops[0];
    } else {
      break;
    }
  }
  if (E && (E->K == Op::VarRef || E->K == Op::AddrOf || E->K == Op::Deref) && E->V)
    P.Root = E->V->Root ? E->V->Root : E->V;
  return P;
}

/// Two different constants (indices or field names) at the same step from
/// the root: separate elements or fields.
bool separate(const Path &A, const Path &B) {
  size_t NA = A.Steps.size(), NB = B.Steps.size();
  for (size_t I = 0; I < NA && I < NB; ++I) {
    const Expr *SA = A.Steps[NA - 1 - I], *SB = B.Steps[NB - 1 - I];
    if (!SA || !SB)
      return false; // a pointer: it may reach any element after it
    bool FA = SA->K == Op::FieldName, FB = SB->K == Op::FieldName;
    if (FA && FB && SA->Text != SB->Text)
      return true;
    if (!FA && !FB && SA->K == Op::Const && SB->K == Op::Const && SA->Text != SB->Text)
      return true;
  }
  return false;
}

bool reaches(const Type &PT) { return PT.IsReference || PT.IsPointer || PT.ArraySize; }

std::string nameOf(const Callee &C, size_t I) {
  if (I < C.ParamNames.size() && !C.ParamNames[I].empty())
    return "'" + C.ParamNames[I] + "'";
  return "argument " + std::to_string(I + 1);
}

} // namespace

std::string adgen::overlappingArguments(const Callee &C, const std::vector<const Expr *> &Args,
                                        const std::string &Shown) {
  size_t N = std::min(Args.size(), C.ParamTypes.size());
  for (size_t I = 0; I < N; ++I) {
    if (!C.ParamTypes[I].isWritable() && !(C.ParamTypes[I].Rec && C.ParamTypes[I].IsReference &&
                                           !C.ParamTypes[I].IsConst))
      continue;
    Path W = pathOf(Args[I]);
    if (!W.Root)
      continue;
    for (size_t J = 0; J < N; ++J) {
      if (J == I || !reaches(C.ParamTypes[J]))
        continue;
      Path R = pathOf(Args[J]);
      if (R.Root != W.Root || separate(W, R))
        continue;
      return "'" + W.Root->Name + "' is reached by two arguments of '" + Shown + "' (" +
             nameOf(C, I) + " and " + nameOf(C, J) + "), and '" + Shown +
             "' may write through " + nameOf(C, I) +
             ": adgen differentiates a call as if its reference and pointer arguments did "
             "not overlap; copy the value into a separate variable or array first";
    }
  }
  return "";
}
