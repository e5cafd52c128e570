//===- adgen/objects.h - Objects made without their constructors -*- C++ -*-===//
///
/// \file
/// Derivatives of a class are values of the same class whose numbers start at
/// zero. A class with a constructor or default member initialisers cannot be
/// made zero by `S{}` (that runs the user's constructor, or does not compile
/// when there is no default constructor), so generated code writes
/// `S d_s = adgen::zeroed<S>();`: the bytes of a zero, copied into an S
/// without running any constructor. adgen differentiates only classes for
/// which copying bytes makes a valid object (trivially copyable ones, and
/// classes whose user-written copies copy each field and whose destructor
/// changes nothing, which adgen checks), and all-zero bytes are 0.0 and 0 in
/// every field.
///
/// \code
///   struct Body { double m, v; explicit Body(double m) : m(m), v(0) {} };
///   Body d_b = adgen::zeroed<Body>(); // d_b.m == 0, d_b.v == 0
/// \endcode
//===----------------------------------------------------------------------===//
#ifndef ADGEN_OBJECTS_H
#define ADGEN_OBJECTS_H

#include <cstddef>
#include <cstring>
#include <type_traits>

namespace adgen {
namespace detail {
/// Whether adgen may copy a T as its bytes: a trivially copyable T, or a
/// class adgen checked (Graph/UserCopies.h: user-written copies that copy
/// each field, a destructor that changes nothing).
template <typename T>
struct CopiesAsBytes
    : std::integral_constant<bool, std::is_trivially_copyable<T>::value ||
                                       (std::is_class<T>::value &&
                                        !std::is_polymorphic<T>::value)> {};

/// Storage for a T whose constructor is never run: the bytes start at zero,
/// and Value is read as the T they make (copying a trivially copyable T is
/// copying its bytes).
template <typename T> union Bytes {
  unsigned char Raw[sizeof(T)] = {};
  T Value;
  Bytes() {}
  ~Bytes() {} // Value is never constructed, so never destroyed
};
} // namespace detail

/// A T made from the sizeof(T) bytes at \p P, without running a constructor.
template <typename T> T fromBytes(const void *P) noexcept {
  static_assert(detail::CopiesAsBytes<T>::value, "adgen copies plain values only");
  detail::Bytes<T> B;
  std::memcpy(static_cast<void *>(B.Raw), P, sizeof(T));
  return B.Value;
}

/// A T whose every byte is zero (every number 0), made without running any of
/// T's constructors.
template <typename T> T zeroed() noexcept {
  static_assert(detail::CopiesAsBytes<T>::value, "adgen copies plain values only");
  detail::Bytes<T> B;
  return B.Value;
}

/// Makes every element of \p A (a local array of a class with a constructor)
/// zero, as zeroed<T>() does. C++ has run T's default constructor on them
/// already; only the zero they are left with counts.
template <typename T, std::size_t N> void zeroFill(T (&A)[N]) noexcept {
  for (T &E : A)
    E = zeroed<T>();
}

} // namespace adgen

#endif // ADGEN_OBJECTS_H
