//===- Transforms/Jacobian.cpp - f_jacobian from forward and reverse mode -===//
//
// f_jacobian drives f's derivatives: forward mode gives a column of the
// Jacobian per run (or all columns in one vector sweep), reverse mode a row
// per run. This transform generates those derivatives and describes the
// driver (graph::MatrixDriver); Emit/MatrixEmitter.h writes its C++.
//
//===----------------------------------------------------------------------===//

#include "Analysis/MatrixLayout.h"
#include "Transforms/Differentiator.h"
#include "Transforms/ShareCalls.h"

#include <algorithm>
#include <cctype>
#include <functional>

using namespace adgen;
using namespace adgen::graph;

/// The driver of f_jacobian or f_hessian of \p F for \p P, before the
/// transform fills in the derivatives it calls.
MatrixDriver Differentiator::describe(const Function &F, const ActivityPattern &P,
                                      const std::vector<std::string> &Lengths,
                                      MatrixDriver::Kind K) {
  MatrixDriver D;
  D.K = K;
  D.Primal = &F;
  D.Inputs = P.Inputs;
  D.Outputs = P.Outputs;
  D.Return = P.Return;
  D.Lengths = Lengths;
  return D;
}

/// Puts a derivative that f_jacobian or f_hessian drives next to f's helpers
/// (static, in adgen_detail) and emits it; returns its qualified name.
std::string Differentiator::placeInternal(Function &G, const Function &F) {
  G.Namespaces.clear();
  for (const std::string &NS : F.Namespaces)
    if (!NS.empty())
      G.Namespaces.push_back(NS);
  G.Namespaces.push_back(DetailNamespace.str());
  G.IsStatic = true;
  G.IsInline = false;
  Generated.push_back(&G);
  return G.qualifiedName();
}

std::string Differentiator::helperStem(const Function &F, const std::string &Name,
                                      llvm::StringRef Suffix) {
  bool Identifier = !F.Name.empty() && !std::isdigit((unsigned char)F.Name[0]) &&
                    llvm::all_of(F.Name, [](char C) { return std::isalnum((unsigned char)C) || C == '_'; });
  if (Identifier || !llvm::StringRef(Name).ends_with(Suffix))
    return F.Name;
  return Name.substr(0, Name.size() - Suffix.size());
}

bool Differentiator::jacobian(Function &F, const ActivityPattern &P,
                              const std::vector<std::string> &Lengths, const std::string &Name,
                              JacobianMode Mode) {
  if (!checkInactiveWrites(F, P))
    return false;
  if (std::string Why = matrix::containerLengthProblem(F, Lengths, false); !Why.empty()) {
    Errors.error(F.Where, Why);
    return Failed = true, false;
  }
  // The derivatives it drives: internal, next to the helpers.
  auto internal = [&](Function *G) { return placeInternal(*G, F); };
  MatrixDriver Driver = describe(F, P, Lengths, MatrixDriver::Kind::Jacobian);
  const std::string Stem = helperStem(F, Name, "_jacobian");
  if (Mode != JacobianMode::Reverse) {
    // One sweep for all columns where possible; else one run per column.
    // (The driver's one sweep seeds and reads arrays of numbers only.)
    bool Numbers = F.ReturnsVoid || !F.ReturnType.Rec;
    for (const Var *V : F.Params)
      Numbers = Numbers && !V->Ty.Rec && !V->Ty.isContainer();
    Function *V = Numbers ? vectorForwardTransform(*this, F, P, Stem + "_jacobian_fwd_vec", true)
                          : nullptr;
    if (V) {
      V->Doc = "Forward mode of " + F.Name + " with k directions in one sweep, for " + Name + ".";
      internal(V);
      Driver.FwdVec = V;
    } else {
      Function *G = forwardTransform(*this, F, P, Stem + "_jacobian_fwd");
      if (!G)
        return Failed = true, false;
      shareRepeatedCalls(M, *G);
      G->Doc = "Forward mode of " + F.Name + " for " + Name + ".";
      internal(G);
      Driver.Fwd = G;
    }
  }
  if (Mode != JacobianMode::Forward) {
    Function *G = reverseTransform(*this, F, P, Stem + "_jacobian_pullback", ReverseShape::Joint);
    if (!G)
      return Failed = true, false;
    internal(G);
    Driver.Pullback = G;
  }
  drain();
  if (Failed)
    return false;

  Type JacT = matrix::jacobianElement(F, P.Outputs, P.Return);
  Function &J = newGenerated(M, F, Name, false);
  J.Params = F.Params;
  Type PT = Type::pointerTo(JacT.Scalar, JacT.Spelling, false);
  J.Params.push_back(J.addVar(J.freshName("jac"), PT, VarKind::Param));
  J.ReturnsVoid = true;
  J.Doc = "Jacobian of " + F.shownName() + ": jac[row * n_in + column], one row per output element "
          "(the return value first), one column per input element, in parameter order.\n" +
          std::string(Mode == JacobianMode::Forward ? "Forward mode, a column per run."
                      : Mode == JacobianMode::Reverse
                          ? "Reverse mode, a row per run."
                          : "Forward mode (a column per run) when there are no more inputs than "
                            "outputs, else reverse mode (a row per run).");
  J.Matrix = M.matrixDriver(std::move(Driver));
  Generated.push_back(&J);
  return true;
}

/// A local std::vector whose size \p F, or a function it calls, changes
/// (push_back, resize, clear, assign: StmtKind::Resize), or null.
static const Var *resizedVector(const Function &F) {
  std::vector<const Function *> Seen;
  std::function<const Var *(const Function &)> Visit = [&](const Function &G) -> const Var * {
    if (std::find(Seen.begin(), Seen.end(), &G) != Seen.end())
      return nullptr;
    Seen.push_back(&G);
    const Var *Found = nullptr;
    forEachStmt(G.Body, [&](Stmt *S) {
      if (Found)
        return;
      if (S->K == StmtKind::Resize)
        Found = S->V;
      else if (S->K == StmtKind::Call && S->Fn && S->Fn->Body)
        Found = Visit(*S->Fn->Body);
    });
    return Found;
  };
  return Visit(F);
}

/// Why f_jacobian / f_hessian of \p F cannot be generated, or "".
static std::string matrixUnsupported(const Function &F, const ActivityPattern &P,
                                     bool Hessian) {
  std::string What = Hessian ? "ADGEN_HESSIAN" : "ADGEN_JACOBIAN";
  for (size_t I = 0; I < F.Params.size(); ++I) {
    const Type &T = F.Params[I]->Ty;
    if (!(P.Inputs[I] || P.Outputs[I]) || !(T.Rec || T.isContainer()))
      continue;
    if (!T.Rec)
      continue; // a container of numbers: element by element
    std::vector<std::string> Leaves;
    std::string Why;
    if (!matrix::structLeaves(T.element(), "", T.Scalar, Leaves, Why))
      return What + " of a function whose parameter '" + F.Params[I]->Name +
             "' cannot be flattened into the matrix: " + Why +
             "; use ADGEN_FORWARD / ADGEN_REVERSE, or a wrapper taking arrays";
  }
  if (Hessian)
    if (const Var *V = resizedVector(F))
      return "ADGEN_HESSIAN of a function that changes the size of a std::vector ('" + V->Name +
             "') is not supported yet (forward over reverse would need the tangents of a "
             "vector that resizes on the tape); use ADGEN_FORWARD / ADGEN_REVERSE, or a "
             "std::vector sized once";
  if (F.Method == "(private)")
    return What + " of a private or protected member function is not supported; mark a "
                  "public one that calls it";
  if (Hessian && !F.ReturnsVoid && F.ReturnType.Rec)
    return "ADGEN_HESSIAN of a function that returns a struct is not supported: f_hessian needs "
           "one floating-point result; use ADGEN_JACOBIAN, or a wrapper returning one number";
  if (!F.ReturnsVoid && F.ReturnType.Rec && P.Return) {
    std::vector<std::string> Leaves;
    std::string Why;
    if (!matrix::structLeaves(F.ReturnType.element(), "", F.ReturnType.Scalar, Leaves, Why))
      return What + " of a function whose result cannot be flattened into the matrix: " + Why +
             "; use ADGEN_FORWARD / ADGEN_REVERSE, or a wrapper writing an array";
  }
  return "";
}


llvm::Error Differentiator::checkMatrix(const Function &F, const ActivityPattern &P,
                                        bool Hessian) {
  std::string Why = matrixUnsupported(F, P, Hessian);
  if (Why.empty())
    return llvm::Error::success();
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
}
