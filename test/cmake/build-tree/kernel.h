// kernel.h - a marked function in a header that is not among the target's
// SOURCES: adgen_add_derivatives adds kernel.adgen.cpp (which #includes it) to
// the target. The function is not inline, so only kernel.adgen.cpp includes it.
#pragma once

#include <adgen/adgen.h>

#include <cmath>

ADGEN_REVERSE()
double kernel(double a, double b) { return std::exp(-a * a) * b; }
