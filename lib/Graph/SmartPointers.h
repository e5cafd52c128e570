//===- Graph/SmartPointers.h - One number behind a smart pointer -*- C++ -*-===//
///
/// \file
/// `auto p = std::make_shared<double>(x);`, `std::make_unique<double>(x)`,
/// `std::unique_ptr<double> p(new double(x));`: one number the function
/// allocates. The graph builder makes it a local scalar, and `*p` names it
/// (ScalarPointers.cpp); these helpers read the declarations.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_SMARTPOINTERS_H
#define ADGEN_GRAPH_SMARTPOINTERS_H

#include "clang/AST/Expr.h"

namespace adgen {

/// std::shared_ptr<T> or std::unique_ptr<T> (default deleter) of an
/// arithmetic T: sets \p Elem.
bool smartScalarOf(clang::QualType QT, clang::QualType &Elem);

/// What a smart pointer to one number is initialised with. Returns false if
/// adgen does not know the form; else sets \p Value to the number's initial
/// value (null: value-initialised, zero) or \p Copy to another smart
/// pointer it shares or takes the number of (`auto q = p;`,
/// `std::move(u)`).
bool smartScalarInit(const clang::Expr *Init, const clang::Expr *&Value,
                     const clang::DeclRefExpr *&Copy);

} // namespace adgen

#endif // ADGEN_GRAPH_SMARTPOINTERS_H
