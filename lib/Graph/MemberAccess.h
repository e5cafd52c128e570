//===- Graph/MemberAccess.h - Private and protected members -----*- C++ -*-===//
///
/// \file
/// The generated derivatives are free functions: outside the class, they may
/// not name its private or protected members, and the user often cannot edit
/// the class (a third-party header). They need not: C++ checks no access in
/// explicit instantiations ([temp.explicit]/12 in C++17), so
/// `template struct adgen::access::PointerTo<Tag, &S::k_>;` may name a
/// private member and hand its pointer to code that may not (the template is
/// in adgen/runtime.h; the emitter writes one tag and one instantiation per
/// member, Emit/PrivateAccess.h).
///
/// This file describes such members for the graph (graph::MemberAccess), and
/// says which types the technique cannot reach: a pointer to member gives
/// access to a member's value, not to a private nested *type*, so generated
/// code that would have to spell one is refused with an error naming it.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_MEMBERACCESS_H
#define ADGEN_GRAPH_MEMBERACCESS_H

#include "Graph/Graph.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include <string>

namespace adgen {

/// How generated code reaches \p D (a field, static data member or member
/// function) when it is private or protected; empty when it is public or not
/// a class member.
graph::MemberAccess memberAccess(const clang::ValueDecl *D, const clang::ASTContext &Ctx);

/// "" when generated code can spell type \p D; otherwise why not: it, or a
/// class it is nested in, is a private or protected member ("'Spring::Part'
/// is a private member of 'Spring': ...").
std::string hiddenTypeReason(const clang::TypeDecl *D, const clang::ASTContext &Ctx);

} // namespace adgen

#endif
