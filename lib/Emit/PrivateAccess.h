//===- Emit/PrivateAccess.h - Accessors for private members ------*- C++ -*-===//
///
/// \file
/// The generated functions reach a private or protected member through a
/// pointer to member that an explicit instantiation of
/// adgen::access::PointerTo (adgen/runtime.h) hands out: access is not
/// checked in explicit instantiations, so no class needs editing. This class
/// names those pointers while the functions are printed, and then writes
/// their declarations, which go before the functions:
///
/// \code
///   namespace adgen::access {
///   namespace {
///   // ::Spring::k_ (private)
///   struct Spring_k__tag { using type = MemberPointer<::Spring, double>; };
///   constexpr Spring_k__tag::type pointer(Spring_k__tag);
///   template struct PointerTo<Spring_k__tag, &::Spring::k_>;
///   [[maybe_unused]] constexpr Spring_k__tag::type Spring_k_ = pointer(Spring_k__tag{});
///   } // namespace
///   } // namespace adgen::access
/// \endcode
///
/// Only members the printed code uses are declared, once each, in the order
/// of first use, so the output stays deterministic.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_EMIT_PRIVATEACCESS_H
#define ADGEN_EMIT_PRIVATEACCESS_H

#include "Graph/Graph.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace adgen {

class PrivateAccess {
public:
  /// \p Prefix starts every name this instance declares, so that two
  /// instances writing into one file (the derivatives, and the checker of
  /// --emit=check) never declare the same name twice.
  explicit PrivateAccess(std::string Prefix = "") : Prefix(std::move(Prefix)) {}

  /// The expression that is the pointer to member \p A, e.g.
  /// "adgen::access::Spring_k_"; \p A will be declared.
  std::string pointer(const graph::MemberAccess &A);

  /// The declarations of every pointer named so far ("" when none).
  std::string declarations() const;

private:
  struct Entry {
    graph::MemberAccess Member;
    std::string Name; ///< of the constant; its tag is Name + "_tag"
  };
  std::string Prefix;
  std::vector<Entry> Entries;
  std::map<std::string, size_t> ByAddress;
  std::set<std::string> Taken; ///< names of constants and tags
};

} // namespace adgen

#endif
