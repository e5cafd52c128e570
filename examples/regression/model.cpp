// model.cpp - the model adgen differentiates.
//
// One ReLU neuron, prediction(x) = max(0, w.x + b), fitted by mean squared
// error to n samples. X holds the samples row by row (n rows of d features),
// y the targets. The two markers ask adgen for
//
//   loss_grad  (reverse mode): the gradient with respect to w and b in one sweep;
//   loss_fwd   (forward mode): one directional derivative per call.
//
// Without adgen the markers expand to nothing, so this is ordinary C++. The
// build compiles the generated model.adgen.cpp (which includes this file)
// instead of this file.
#include <adgen/adgen.h>

#include <cmath>

ADGEN_REVERSE("w, b")
ADGEN_FORWARD("w, b")
double loss(const double* w, double b, const double* X, const double* y, int n, int d) {
  double sum = 0.0;
  for (int i = 0; i < n; ++i) {
    const double* x = X + i * d;  // sample i
    double z = b;
    for (int j = 0; j < d; ++j)
      z += w[j] * x[j];
    double pred = std::fmax(0.0, z);  // ReLU
    double r = pred - y[i];
    sum += r * r;
  }
  return sum / n;
}
