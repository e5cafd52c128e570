//===- Graph/TemplateNames.h - Names of function template specializations -*- C++ -*-===//
///
/// \file
/// How generated code names an instantiation of a function template
/// (`sq<double>`, `powi<3>`): the explicit template arguments that call
/// exactly that instantiation, and the base name of the helpers adgen
/// generates for it in adgen_detail. Instantiations with different parameter
/// types share the helpers' name as overloads (`sq_fwd(double, double)`,
/// `sq_fwd(float, float)`); instantiations that overloads could not tell
/// apart (`powi<2>` and `powi<3>`, both `double (double)`) get names of their
/// own (`powi_2_fwd`, `powi_3_fwd`).
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_TEMPLATENAMES_H
#define ADGEN_GRAPH_TEMPLATENAMES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include <string>

namespace adgen {

/// "<double>", "<3>", "<ns::E::B, float>" for a function template
/// specialization (instantiation or explicit specialization); "" for any
/// other function.
std::string templateArgs(const clang::FunctionDecl *FD, const clang::ASTContext &Ctx);

/// "Poly<double>::operator()" for a member function of a class template
/// specialization (the class's template arguments say which one); "" for
/// any other function.
std::string classTemplateMemberName(const clang::FunctionDecl *FD, const clang::ASTContext &Ctx);

/// The base name of the helpers of \p FD: its own name, unless \p FD is a
/// specialization that another function of that name in its scope shares
/// its parameter types with; then a name made unique from the template
/// arguments (`powi_3`), which no declaration in the scope has.
std::string helperBaseName(const clang::FunctionDecl *FD, clang::ASTContext &Ctx);

/// Where the input uses specialization \p FD (its point of instantiation),
/// or defines it (an explicit specialization).
clang::SourceLocation whereUsed(const clang::FunctionDecl *FD);

/// Whether \p A and \p B take the same parameter types (as overloads see
/// them: top-level const ignored).
bool sameParameterTypes(const clang::FunctionDecl *A, const clang::FunctionDecl *B,
                        const clang::ASTContext &Ctx);

} // namespace adgen

#endif
