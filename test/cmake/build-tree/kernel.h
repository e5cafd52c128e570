// kernel.h - a marked function in a header that is not among the target's
// SOURCES: adgen_add_derivatives adds kernel.adgen.cpp (which #includes it) to
// the target. The function is not inline, so only kernel.adgen.cpp includes it.
#pragma once

#include <adgen/adgen.h>

#include <cmath>

// adgen must see the code the compiler sees: NDEBUG where the
// configuration's flags define it (test/cmake/CMakeLists.txt), and the
// $<CONFIG>-dependent definitions of the target.
#if defined(NDEBUG) && !defined(KERNEL_EXPECT_NDEBUG)
#error "NDEBUG is defined, but the configuration's flags do not define it"
#endif
#if defined(KERNEL_EXPECT_NDEBUG) && !defined(KERNEL_CONFIG_RELEASE) && \
    !defined(KERNEL_CONFIG_MINSIZEREL) && !defined(KERNEL_CONFIG_RELWITHDEBINFO)
#error "the target's $<CONFIG>-dependent compile definitions did not arrive"
#endif

ADGEN_REVERSE()
double kernel(double a, double b) {
#if !defined(NDEBUG) && defined(KERNEL_EXPECT_NDEBUG)
  // Seen only when adgen misses the configuration's -DNDEBUG: refused (a
  // static local), so the build fails.
  static double last = 0;
  last = a;
#endif
  return std::exp(-a * a) * b;
}
