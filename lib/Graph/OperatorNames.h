//===- Graph/OperatorNames.h - Words for overloaded operators ---*- C++ -*-===//
///
/// \file
/// `operator+` cannot be part of a function's name, so generated functions
/// use a word for each operator (interface.md §4): `S::operator()` gives
/// `S_call_grad`, `S::operator+` gives `S_plus_grad`, unary `S::operator-`
/// gives `S_negate_grad`. One table serves both the public names of marked
/// operators and the helpers of operators called from differentiated code
/// (`adgen_detail::S_operator_plus_eq_fwd`).
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_OPERATORNAMES_H
#define ADGEN_GRAPH_OPERATORNAMES_H

#include "clang/AST/Decl.h"
#include <string>

namespace adgen {

/// The word for overloaded operator \p FD (`plus`, `negate`, `call`,
/// `subscript`, `plus_eq`, ...); "" when \p FD is not an overloaded operator.
std::string operatorWord(const clang::FunctionDecl *FD);

/// The name the public derivatives of marked function \p FD start with
/// (before `_fwd`, `_pullback`, ...): `f` for a function, `S_m` for a member
/// function, `S_plus` for `S::operator+`, and for an operator written as a
/// free function, the word after the class of its first parameter of class
/// type (`Vec operator*(double, const Vec &)` gives `Vec_times`), so that a
/// member operator and a friend one get the same names.
std::string publicBaseName(const clang::FunctionDecl *FD);

} // namespace adgen

#endif
