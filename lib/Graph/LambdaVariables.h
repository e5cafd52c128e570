//===- Graph/LambdaVariables.h - Variables holding a lambda -*- C++ -*-===//
///
/// \file
/// `ADGEN_HESSIAN("i, j") auto lambda = [](double i, double j) {...};` at
/// namespace scope: the lambda's call operator is differentiated as a free
/// function named after the variable (lambda_grad, lambda_hessian, ... in
/// the variable's namespace, no `self`); the primal call is `lambda(i, j)`.
/// A lambda that captures something, a generic lambda, and a lambda variable
/// inside a function or a class are refused (lambdaVariableProblem).
///
/// \code
///   if (const clang::VarDecl *V = lambdaVariable(FD))
///     Name = V->getNameAsString();
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_LAMBDAVARIABLES_H
#define ADGEN_GRAPH_LAMBDAVARIABLES_H

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include <string>

namespace adgen {

/// The lambda \p VD is initialised with (`auto g = [](double t) {...};`),
/// or null.
const clang::LambdaExpr *heldLambda(const clang::VarDecl *VD);

/// Why derivatives of the lambda \p VD holds cannot be generated, as the end
/// of "ADGEN_REVERSE on variable 'g', which holds a lambda ...": "" when
/// they can (namespace scope, no captures, not generic).
std::string lambdaVariableProblem(const clang::VarDecl *VD);

/// For the call operator \p FD of a lambda that a namespace-scope variable
/// holds and whose derivatives can be generated: that variable. Else null.
const clang::VarDecl *lambdaVariable(const clang::FunctionDecl *FD);

} // namespace adgen

#endif
