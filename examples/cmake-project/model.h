// model.h - the functions of the model, for main.cpp.
#pragma once

namespace model {

// Energy of a chain of kDim coordinates x[0..kDim-1].
double energy(const double* x);

// Energy of one spring of stiffness k stretched by x.
double spring(double k, double x);

}  // namespace model
