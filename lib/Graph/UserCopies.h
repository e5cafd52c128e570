//===- Graph/UserCopies.h - Classes with user-written copies ----*- C++ -*-===//
///
/// \file
/// adgen copies objects itself, field by field and, on its tape, byte by
/// byte; it makes derivative objects with adgen::zeroed and lets them go out
/// of scope. For a class whose copy constructor, move constructor, copy or
/// move assignment or destructor the user wrote, that is right only when the
/// user's member does what adgen does instead:
///  - a copy or move constructor that initialises every field from the same
///    field of its argument (`x(o.x)`, `x(std::move(o.x))`), with an empty
///    body;
///  - a copy or move assignment whose body assigns every field from the same
///    field of its argument (`x = o.x;`), then `return *this;`;
///  - a destructor that changes no value: an empty body, or one that only
///    prints or asserts.
/// Anything else is refused, with the reason and where the member is.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_USERCOPIES_H
#define ADGEN_GRAPH_USERCOPIES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include <string>

namespace adgen {

/// Why adgen cannot copy, make and destroy objects of \p RD (not trivially
/// copyable) as it does; "" when its user-written members are plain copies
/// and a destructor without effects.
std::string userCopyProblem(const clang::CXXRecordDecl *RD, const clang::ASTContext &Ctx);

/// Whether copy or move constructor or assignment \p MD copies each field
/// and nothing else: a trivial one, or a user-written one of a class that
/// userCopyProblem accepts. adgen builds such a copy as one assignment per
/// field.
bool copiesFields(const clang::CXXMethodDecl *MD, const clang::ASTContext &Ctx);

} // namespace adgen

#endif
