// params.h - the model's constants and activation. model.cpp includes it, so
// the derivatives depend on it: the build regenerates them when it changes.
#pragma once

#include <cmath>

#ifndef MODEL_DIM
#error "MODEL_DIM is not defined (CMakeLists.txt defines it for the target)"
#endif

namespace model {

constexpr int kDim = MODEL_DIM;      // number of coordinates
constexpr double kStiffness = 4.0;   // weight of the pull of each coordinate towards 0

// The activation of one coordinate (test/cmake/package-test.sh edits this line).
inline double activation(double z) { return std::tanh(z); }

}  // namespace model
