//===- Emit/MatrixEmitter.cpp - The C++ of f_jacobian and f_hessian -------===//

#include "Emit/MatrixEmitter.h"

using namespace adgen;
using namespace adgen::graph;

std::string adgen::matrixDriverBody(const MatrixDriver &D) {
  return D.K == MatrixDriver::Kind::Hessian ? hessianDriverBody(D) : jacobianDriverBody(D);
}
