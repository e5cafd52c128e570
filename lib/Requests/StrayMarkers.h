//===- Requests/StrayMarkers.h - Markers on things that are not functions -*- C++ -*-===//
///
/// \file
/// A marker (ADGEN_FORWARD, ADGEN_REVERSE, ADGEN_JACOBIAN, ADGEN_HESSIAN,
/// ADGEN_CUSTOM) can be written wherever C++ accepts an attribute: before a
/// variable (a lambda stored in one, say), a field, a class, a parameter, a
/// namespace. Only functions get derivatives; every other marker would
/// silently yield nothing, so each is a located error at the marker.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_REQUESTS_STRAYMARKERS_H
#define ADGEN_REQUESTS_STRAYMARKERS_H

#include "Graph/GraphBuilder.h"
#include "clang/AST/ASTContext.h"

namespace adgen {

/// Reports every marker of the translation unit that stands on a declaration
/// other than a function. Returns the number of errors.
unsigned reportStrayMarkers(clang::ASTContext &Ctx, Diagnoser &Diags);

} // namespace adgen

#endif
