//===- Graph/Comparators.h - std::less / std::greater as comparisons -*- C++ -*-===//
///
/// \file
/// The comparison argument of std::max and std::min (`std::max(a, b,
/// std::greater<double>())`, `std::min({a, b, c}, std::less<>())`): what
/// it means for the value chosen. Used by InitializerLists.cpp.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_COMPARATORS_H
#define ADGEN_GRAPH_COMPARATORS_H

#include "clang/AST/Expr.h"
#include <string>

namespace adgen {

enum class ComparatorOrder {
  Less,    ///< std::less: std::max stays std::max
  Greater, ///< std::greater: std::max(a, b, greater) is std::min(a, b), ties too
  Unknown, ///< anything else: refused with the reason
};

/// What comparison \p Comp is for values of type \p Value: std::less<T> or
/// std::greater<T> with T the values' type or void (transparent). Sets \p Why
/// for Unknown.
ComparatorOrder comparatorOrder(const clang::Expr *Comp, clang::QualType Value,
                                const clang::ASTContext &Ctx, std::string &Why);

} // namespace adgen

#endif // ADGEN_GRAPH_COMPARATORS_H
