//===- Emit/MatrixEmitter.cpp - The C++ of f_jacobian and f_hessian -------===//

#include "Emit/MatrixEmitter.h"

using namespace adgen;
using namespace adgen::graph;

std::string adgen::matrixDriverBody(const Function &Driver) {
  return Driver.Matrix->K == MatrixDriver::Kind::Hessian ? hessianDriverBody(Driver)
                                                         : jacobianDriverBody(Driver);
}
