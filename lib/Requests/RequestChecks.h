//===- Requests/RequestChecks.h - Requests against one another -*- C++ -*-===//
///
/// \file
/// The checks of one request against the others and against the names the
/// input already uses, made as the driver takes the requests in turn (so
/// that each error comes in the order of the requests).
///
/// \code
///   RequestChecks Checks(Ctx, Diags);
///   for (const Request &R : Requests.List)
///     if (Checks.firstOfItsMode(R) && ... && Checks.namesFree(R))
///       ...
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_REQUESTS_REQUESTCHECKS_H
#define ADGEN_REQUESTS_REQUESTCHECKS_H

#include "Requests/RequestFinder.h"
#include <set>
#include <utility>

namespace adgen {

class RequestChecks {
public:
  RequestChecks(clang::ASTContext &Ctx, Diagnoser &Diags) : Ctx(Ctx), Diags(Diags) {}

  /// False, after an error, when \p R's function was requested in \p R's
  /// mode before: one spec lists all inputs and outputs.
  bool firstOfItsMode(const Request &R);

  /// False, after errors, when a function of the input has a name that
  /// \p R's derivatives would get (Request::generatedNames), unless it is
  /// the user's own derivative (ADGEN_CUSTOM).
  bool namesFree(const Request &R);

private:
  clang::ASTContext &Ctx;
  Diagnoser &Diags;
  std::set<std::pair<const clang::FunctionDecl *, Mode>> Seen;
};

} // namespace adgen

#endif
