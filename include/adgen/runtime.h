//===- adgen/runtime.h - What generated derivative code uses -----*- C++ -*-===//
///
/// \file
/// Included by the files adgen writes, not by user code: the tape
/// (adgen/tape.h), the few derivative functions <cmath> lacks, and the
/// access the derivatives need to private and protected members.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_RUNTIME_H
#define ADGEN_RUNTIME_H

#include <adgen/checkpoint.h>
#include <adgen/snapshot.h>
#include <adgen/tape.h>
#include <cmath>
#include <limits>

namespace adgen {

/// sin(x) and cos(x) from one call: generated code uses it where it needs
/// both of one value (the compiler may not merge std::sin and std::cos under
/// -fmath-errno, the default). With glibc, its sincos (a GNU extension,
/// declared under _GNU_SOURCE, which g++ and clang++ define for C++), which
/// computes the same values as sin and cos; elsewhere the two calls.
template <typename T> struct SinCos {
  T sin, cos;
};
inline SinCos<double> sincos(double x) {
  SinCos<double> R;
#if defined(__GLIBC__) && defined(_GNU_SOURCE)
  ::sincos(x, &R.sin, &R.cos);
#else
  R.sin = std::sin(x);
  R.cos = std::cos(x);
#endif
  return R;
}

/// The digamma function psi(x) = d/dx lgamma(x): the derivative of lgamma.
/// Recurrence up to x >= 6, then the asymptotic series; reflection for
/// negative x. Accurate to a few ulps for double.
template <typename T> T digamma(T x) {
  const T Pi = T(3.14159265358979323846264338327950288L);
  T Result = 0;
  if (x <= 0) {
    if (x == std::floor(x))
      return std::numeric_limits<T>::quiet_NaN();
    // psi(1 - x) - psi(x) = pi cot(pi x)
    Result = -Pi / std::tan(Pi * x);
    x = 1 - x;
  }
  while (x < 12) {
    Result -= 1 / x;
    x += 1;
  }
  // psi(x) ~ log x - 1/(2x) - sum B_2k / (2k x^2k)
  T Inv = 1 / x, Inv2 = Inv * Inv;
  T Series = Inv2 * (T(1) / 12 -
             Inv2 * (T(1) / 120 -
             Inv2 * (T(1) / 252 -
             Inv2 * (T(1) / 240 -
             Inv2 * (T(1) / 132 -
             Inv2 * (T(691) / 32760 -
             Inv2 * (T(1) / 12)))))));
  return Result + std::log(x) - T(0.5) * Inv - Series;
}

/// The trigamma function psi'(x): the derivative of digamma, so the second
/// derivative of lgamma. Recurrence up to x >= 12, then the asymptotic
/// series; reflection for negative x.
template <typename T> T trigamma(T x) {
  const T Pi = T(3.14159265358979323846264338327950288L);
  if (x <= 0) {
    if (x == std::floor(x))
      return std::numeric_limits<T>::quiet_NaN();
    // psi'(1 - x) + psi'(x) = pi^2 / sin^2(pi x)
    T S = std::sin(Pi * x);
    return Pi * Pi / (S * S) - trigamma(1 - x);
  }
  T Result = 0;
  while (x < 12) {
    Result += 1 / (x * x);
    x += 1;
  }
  // psi'(x) ~ 1/x + 1/(2x^2) + sum B_2k / x^(2k+1)
  T Inv = 1 / x, Inv2 = Inv * Inv;
  T Series = Inv * (1 + Inv / 2 +
             Inv2 * (T(1) / 6 -
             Inv2 * (T(1) / 30 -
             Inv2 * (T(1) / 42 -
             Inv2 * (T(1) / 30 -
             Inv2 * (T(5) / 66))))));
  return Result + Series;
}

/// The parts of a std::complex<T> as lvalues: the standard lays it out as
/// an array T[2] of its real and imaginary parts ([complex.numbers]), so
/// generated code writes `adgen::re(z) = ...` where the source has
/// `z.real(...)` (and reads z.real(), z.imag() as the source does).
template <typename C> typename C::value_type &re(C &z) {
  return static_cast<typename C::value_type *>(static_cast<void *>(&z))[0];
}
template <typename C> typename C::value_type &im(C &z) {
  return static_cast<typename C::value_type *>(static_cast<void *>(&z))[1];
}
template <typename C> const typename C::value_type &re(const C &z) {
  return static_cast<const typename C::value_type *>(static_cast<const void *>(&z))[0];
}
template <typename C> const typename C::value_type &im(const C &z) {
  return static_cast<const typename C::value_type *>(static_cast<const void *>(&z))[1];
}

} // namespace adgen

/// Private and protected members. The derivatives are free functions, so
/// they may not name a class's private members, and the class may be one the
/// user cannot edit. C++ checks no access in an explicit instantiation
/// ([temp.explicit]/12 in C++17), so an explicit instantiation of PointerTo
/// may name `&Spring::k_`; the friend function it defines hands the pointer
/// out. The generated file declares, per member it uses (nothing for public
/// ones):
///
///   namespace adgen::access { namespace {
///   struct Spring_k__tag { using type = MemberPointer<::Spring, double>; };
///   constexpr Spring_k__tag::type pointer(Spring_k__tag);
///   template struct PointerTo<Spring_k__tag, &::Spring::k_>;
///   [[maybe_unused]] constexpr Spring_k__tag::type Spring_k_ = pointer(Spring_k__tag{});
///   } }
///
/// and reads the field as `(self.*adgen::access::Spring_k_)`, calls a private
/// method as `(self.*adgen::access::Spring_g)(x)`. The namespace is unnamed so
/// that each translation unit has its own tags and instantiations (two files
/// generated from the same class may be linked together).
namespace adgen::access {
/// T C::* and T*, as templates so that any T fits (T[2], double(int) const).
template <typename C, typename T> using MemberPointer = T C::*;
template <typename T> using Pointer = T *;

namespace {
template <typename Tag, typename Tag::type Pointer> struct PointerTo {
  friend constexpr typename Tag::type pointer(Tag) { return Pointer; }
};
} // namespace
} // namespace adgen::access

#endif
