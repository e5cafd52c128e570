//===- adgen/snapshot.h - Globals put back between runs ----------*- C++ -*-===//
///
/// \file
/// f_jacobian and f_hessian run a derivative of f several times (one run per
/// column or row), yet must leave f's effects once. Each run starts from the
/// inputs as they were on entry; globals that f writes (a call counter, a
/// cache) are saved on entry and put back before each run:
///
/// \code
///   auto adgen_calls_on_entry = adgen::snapshot(::hx::calls);
///   for (...) {
///     adgen_calls_on_entry.restore(::hx::calls);
///     ... one run ...
///   }
/// \endcode
///
/// The bytes are copied (adgen differentiates trivially copyable types
/// only), so this works for scalars, structs and arrays alike.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_SNAPSHOT_H
#define ADGEN_SNAPSHOT_H

#include <cstring>
#include <type_traits>

namespace adgen {

/// The bytes of a T, taken once, written back on request.
template <typename T> class Snapshot {
  static_assert(std::is_trivially_copyable<T>::value, "adgen copies plain values only");

public:
  explicit Snapshot(const T &Value) { std::memcpy(Bytes, &Value, sizeof(T)); }
  void restore(T &Value) const { std::memcpy(&Value, Bytes, sizeof(T)); }

private:
  unsigned char Bytes[sizeof(T)];
};

/// A snapshot of \p Value (a variable, a struct, an array).
template <typename T> Snapshot<T> snapshot(const T &Value) { return Snapshot<T>(Value); }

} // namespace adgen

#endif // ADGEN_SNAPSHOT_H
