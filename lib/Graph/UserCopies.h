//===- Graph/UserCopies.h - Classes with user-written copies ----*- C++ -*-===//
///
/// \file
/// adgen copies objects itself, field by field and, on its tape, byte by
/// byte; it makes derivative objects of its own and lets them go out of
/// scope. For a class whose copy constructor, move constructor, copy or move
/// assignment or destructor the user wrote:
///  - a copy or move constructor that gives every field the value of the
///    same field of its argument (`x(o.x)`, `x(std::move(o.x))`, `x = o.x;`
///    in its body; operations that keep the value: `o.v * 1.0`, `o.v / 1`,
///    `o.v + 0.0`, `+o.v`, a cast to its own type), and a copy or move
///    assignment whose body assigns every field so (optionally inside
///    `if (this != &o) {...}` or after `if (this == &o) return *this;`, then
///    `return *this;`), is adgen's own copy: the graph copies field by field;
///  - any other copy or move with a body adgen can see changes values
///    (`x(2 * o.x)`, a copy counter): the program's copies run it in place
///    like any constructor, or call the assignment like any member function,
///    and generated code makes, zeroes and copies objects of the class as
///    bytes, never through it (copiesChangeValues; Graph/ValueCopies.h);
///  - a destructor must change no value: an empty body, or one that only
///    prints or asserts.
/// Refused, with the reason and where the member is: deleted copies
/// (move-only classes), copies or destructors without a body adgen can see,
/// destructors with effects.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_USERCOPIES_H
#define ADGEN_GRAPH_USERCOPIES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include <string>

namespace adgen {

/// Why adgen cannot copy, make and destroy objects of \p RD (not trivially
/// copyable) as it does; "" when its user-written copies have bodies adgen
/// can see and its destructor has no effects.
std::string userCopyProblem(const clang::CXXRecordDecl *RD, const clang::ASTContext &Ctx);

/// Whether a user-written copy or move constructor or assignment of \p RD
/// does something other than copy each field (`x(2 * o.x)`, a copy counter):
/// the source's copies run it in place (a constructor, Constructors.cpp; an
/// assignment, a member function), and generated code copies, makes and
/// restores objects of \p RD without it (ValueCopies.h).
bool copiesChangeValues(const clang::CXXRecordDecl *RD);
/// Whether \p MD is such a copy or move constructor or assignment.
bool copyChangesValues(const clang::CXXMethodDecl *MD);

/// Whether copy or move constructor or assignment \p MD copies each field
/// and nothing else: a trivial one, or a user-written one of a class that
/// userCopyProblem accepts. adgen builds such a copy as one assignment per
/// field.
bool copiesFields(const clang::CXXMethodDecl *MD, const clang::ASTContext &Ctx);

} // namespace adgen

#endif
