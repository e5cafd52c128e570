//===- Graph/LocalTypeDecls.h - Types declared inside a function -*- C++ -*-===//
///
/// \file
/// The front end's half of local types (Graph/LocalTypes.h has the table and
/// why): a struct, class, enum or type alias declared in a differentiated
/// function's body is recorded with its source text, which every function
/// generated from that function declares again at its top. What the text
/// names must mean the same there: a variable of the enclosing function
/// (`constexpr int N = 3; struct P { double a[N]; };`) is not declared
/// there, so such a type is refused, as is one whose text is not the
/// type's (a macro, a template's instance, an unnamed struct).
///
/// A function whose signature names a local type (a member function of a
/// local class, `template <class T> double g(const T &)` called with one)
/// cannot have helpers at namespace scope: the builder inlines its calls.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_GRAPH_LOCALTYPEDECLS_H
#define ADGEN_GRAPH_LOCALTYPEDECLS_H

#include "Graph/GraphBuilder.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include <string>

namespace adgen {

/// A struct, class, enum or type alias declaration in a function body.
bool isLocalTypeDecl(const clang::Decl *D);

/// Records local type \p D of the function whose graph has identity
/// \p Owner (graph::Function::Decl); false after an error located at it.
bool recordLocalType(const clang::Decl *D, const void *Owner, clang::ASTContext &Ctx,
                     Diagnoser &Diags);

/// True when \p FD is a member function of a class defined inside a
/// function (a lambda's aside), or its parameters or result name such a type
/// (a template's instance): its calls are inlined, never given helpers.
bool namesLocalType(const clang::FunctionDecl *FD);

/// Why a call of \p FD (namesLocalType) cannot be differentiated at all:
/// no body to inline, or recursive.
std::string localTypeCallProblem(const clang::FunctionDecl *FD, bool Recursive);

/// Enumerator \p EC of an enum declared inside a function, named from the
/// function's scope: `Mode::Mul`, `Buf::N` (an unnamed enum of local `Buf`).
std::string localEnumeratorName(const clang::EnumConstantDecl *EC);

/// A name for the result of an inlined call of \p FD: its name, or
/// `call` for `operator()` (`op_<word>` for other operators).
std::string inlinedCallName(const clang::FunctionDecl *FD);

/// Why \p FD (namesLocalType), differentiated itself, cannot be: the
/// generated functions' signatures, at namespace scope, would name the type.
std::string localSignatureProblem(const clang::FunctionDecl *FD);

} // namespace adgen

#endif
