//===- adgen/objects.h - Objects made without their constructors -*- C++ -*-===//
///
/// \file
/// Derivatives of a class are values of the same class whose numbers start at
/// zero. A class with a constructor or default member initialisers cannot be
/// made zero by `S{}` (that runs the user's constructor, or does not compile
/// when there is no default constructor), so generated code writes
/// `S d_s = adgen::zeroed<S>();`: the bytes of a zero, copied into an S
/// without running any other constructor than its copy. adgen
/// differentiates only classes for which copying bytes makes a valid object
/// (trivially copyable ones, and classes whose user-written copies have
/// bodies adgen can see and whose destructor changes nothing, which adgen
/// checks), and all-zero bytes are 0.0 and 0 in every field. For a class
/// whose user-written copy changes values, generated code uses Blank, zero
/// and copyBytes below instead, which run no member of it at all.
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
/// zero, as zeroed<T>() does, without running T's copy assignment. C++ has
/// run T's default constructor on them already; only the zero they are left
/// with counts.
template <typename T, std::size_t N> void zeroFill(T (&A)[N]) noexcept {
  static_assert(detail::CopiesAsBytes<T>::value, "adgen copies plain values only");
  std::memset(static_cast<void *>(A), 0, sizeof(A));
}

/// Objects of a class whose user-written copy constructor or assignment
/// changes values (`S(const S &o) : v(2 * o.v) {}`, a copy counter). adgen
/// runs those copies where the program does; its own objects (derivatives,
/// temporaries) are made, zeroed and copied as bytes, never through them:
///
/// \code
///   Scaled &&d_s = adgen::Blank<Scaled>().Value;    // every byte zero
///   Scaled &&d_1 = adgen::Blank<Scaled>(d_s).Value; // the bytes of d_s
///   adgen::zero(d_s);
///   adgen::copyBytes(d_s, d_1);
/// \endcode
///
/// (The reference keeps the Blank alive to the end of its scope; the
/// object's constructor and destructor never run, as for zeroed<T>().)
template <typename T> union Blank {
  static_assert(detail::CopiesAsBytes<T>::value, "adgen copies plain values only");
  unsigned char Raw[sizeof(T)];
  T Value;
  Blank() : Raw() {}
  explicit Blank(const T &From) : Raw() {
    std::memcpy(static_cast<void *>(Raw), static_cast<const void *>(&From), sizeof(T));
  }
  ~Blank() {} // Value is never constructed, so never destroyed
};

/// Sets every byte of \p V to zero (every number 0).
template <typename T> void zero(T &V) noexcept {
  static_assert(detail::CopiesAsBytes<T>::value, "adgen copies plain values only");
  std::memset(static_cast<void *>(&V), 0, sizeof(T));
}

/// Copies the bytes of \p From into \p To.
template <typename T> void copyBytes(T &To, const T &From) noexcept {
  static_assert(detail::CopiesAsBytes<T>::value, "adgen copies plain values only");
  std::memmove(static_cast<void *>(&To), static_cast<const void *>(&From), sizeof(T));
}

} // namespace adgen

#endif // ADGEN_OBJECTS_H
