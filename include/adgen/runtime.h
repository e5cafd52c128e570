//===- adgen/runtime.h - What generated derivative code uses -----*- C++ -*-===//
///
/// \file
/// Included by the files adgen writes, not by user code: the tape
/// (adgen/tape.h) and the few derivative functions <cmath> lacks.
//===----------------------------------------------------------------------===//
#ifndef ADGEN_RUNTIME_H
#define ADGEN_RUNTIME_H

#include <adgen/tape.h>
#include <cmath>
#include <limits>

namespace adgen {

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

} // namespace adgen

#endif
