//===- Transforms/TransformContext.cpp - What a transform needs -----------===//
#include "Transforms/TransformContext.h"

// The anchor of the interface's vtable.
adgen::TransformContext::~TransformContext() = default;

std::string adgen::noDerivativeMessage(const graph::Callee &C, const std::string &Suffix) {
  std::string Other = Suffix == "_fwd" ? C.CustomPullback : C.CustomFwd;
  if (Other.rfind("::", 0) == 0)
    Other = Other.substr(2);
  std::string Want = "'" + C.BaseName + Suffix + "'";
  if (!Other.empty())
    return "no derivative for '" + C.BaseName + "' in this mode: its derivative '" + Other +
           "' is marked ADGEN_CUSTOM, so adgen does not differentiate its body; write " + Want +
           " too and mark it ADGEN_CUSTOM";
  return "no derivative for '" + C.BaseName +
         "': its body is not visible; define it in this file, or write " + Want +
         " and mark it ADGEN_CUSTOM";
}
