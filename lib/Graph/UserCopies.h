//===- Graph/UserCopies.h - Classes with user-written copies ----*- C++ -*-===//
///
/// \file
/// adgen copies objects itself, field by field and, on its tape, byte by
/// byte; it makes derivative objects with adgen::zeroed and lets them go out
/// of scope. For a class whose copy constructor, move constructor, copy or
/// move assignment or destructor the user wrote, that is right only when the
/// user's member does what adgen does instead:
///  - a copy or move constructor that gives every field the value of the
///    same field of its argument: `x(o.x)`, `x(std::move(o.x))`, or
///    `x = o.x;` in its body;
///  - a copy or move assignment whose body assigns every field from the same
///    field of its argument (`x = o.x;`), optionally inside
///    `if (this != &o) {...}` or after `if (this == &o) return *this;`, then
///    `return *this;`;
///  - a destructor that changes no value: an empty body, or one that only
///    prints or asserts.
/// A field's copy may use operations that keep its value (`o.v * 1.0`,
/// `o.v / 1`, `o.v + 0.0`, `+o.v`, a cast to its own type).
/// Copies that change a value are not run like other constructors: the
/// generated code copies tangents and adjoints field by field (the
/// derivative of a value-keeping copy), and it makes zero derivative objects
/// and restores tape values through the class's own copy constructor (adgen::zeroed,
/// adgen::fromBytes in include/adgen/objects.h), which is right only when
/// that constructor keeps every value.
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
