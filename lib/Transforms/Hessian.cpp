//===- Transforms/Hessian.cpp - f_hessian, forward over reverse ----------===//
//
// f_hessian is forward mode applied to the reverse-mode code adgen generated
// for f (f_pullback and its helpers): one run per input element gives one
// column of second derivatives. This transform generates them and describes
// the driver (graph::MatrixDriver); Emit/MatrixEmitter.h writes its C++.
//
//===----------------------------------------------------------------------===//

#include "Analysis/MatrixLayout.h"
#include "Transforms/Differentiator.h"
#include "Transforms/ShareCalls.h"

using namespace adgen;
using namespace adgen::graph;

bool Differentiator::hessian(Function &F, const ActivityPattern &P,
                             const std::vector<std::string> &Lengths, const std::string &Name) {
  if (!checkInactiveWrites(F, P))
    return false;
  if (std::string Why = matrix::containerLengthProblem(F, Lengths, true); !Why.empty()) {
    Errors.error(F.Where, Why);
    return Failed = true, false;
  }
  auto internal = [&](Function *G) { return placeInternal(*G, F); };
  const std::string Stem = helperStem(F, Name, "_hessian");
  // The gradient, as code: f_pullback.
  Function *G = reverseTransform(*this, F, P, Stem + "_hessian_pullback", ReverseShape::Joint,
                                 /*UseCheckpoints=*/false);
  if (!G)
    return Failed = true, false;
  // Only the input of the forward transform: placed, but not emitted itself.
  placeInternal(*G, F);
  Generated.pop_back();
  drain();
  if (Failed)
    return false;
  // Its tangent along the inputs: forward over reverse. The pullback's
  // parameters are f's, d_ret, then the adjoints of f's active parameters.
  ActivityPattern GP;
  size_t NF = F.Params.size();
  for (size_t I = 0; I < G->Params.size(); ++I) {
    bool FParam = I < NF;
    bool Adjoint = I > NF;
    GP.Inputs.push_back(FParam && P.Inputs[I]);
    GP.Outputs.push_back(Adjoint || (FParam && P.Outputs[I]));
  }
  GP.Return = false;
  Function *H = forwardTransform(*this, *G, GP, Stem + "_hessian_fwd");
  if (!H)
    return Failed = true, false;
  shareRepeatedCalls(M, *H);
  H->Doc = "Forward mode of " + G->Name + " (forward over reverse) for " + Name + ".";
  std::string Fwd = internal(H);
  drain();
  if (Failed)
    return false;

  MatrixDriver Driver = describe(F, P, Lengths, MatrixDriver::Kind::Hessian);
  Driver.Fwd = H;
  Function &J = newGenerated(M, F, Name, false);
  J.Params = F.Params;
  Type HT = Type::pointerTo(F.ReturnType.Scalar, F.ReturnType.Spelling, false);
  J.Params.push_back(J.addVar(J.freshName("hess"), HT, VarKind::Param));
  J.ReturnsVoid = true;
  J.Doc = "Hessian of " + F.shownName() + ": hess[i * n + j] = d2 " + F.Name +
          " / d input_i d input_j (inputs in parameter order, arrays flattened).\n"
          "Forward over reverse: " + Fwd.substr(2) + " is forward mode applied to the reverse-mode "
          "code of " + F.Name + "; one run per input gives one column.";
  J.Matrix = M.matrixDriver(std::move(Driver));
  Generated.push_back(&J);
  return true;
}
