// Derivatives:
//   wave_pullback (reverse mode, d/d(x, a, y))
//   wave_fwd (forward mode, d/d(x, a, y))


#include <adgen/adgen.h>
#include <adgen/runtime.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

void wave_pullback(const double *x, double a, double *y, int n, double *d_x, double *d_a, double *d_y);
void wave_fwd(const double *x, double a, double *y, int n, const double *d_x, double d_a, double *d_y);
void wave_fwd_vec(const double *x, double a, double *y, int n, const double *d_x, const double *d_a, double *d_y, int k);

/// Reverse mode (adjoints) of wave, line 17.
/// Inputs: x, a, y. Outputs: y.
/// Adjoints of inputs accumulate (+=).
/// Tape: nothing.
void wave_pullback(const double *x, double a, double *y, int n, double *d_x, double *d_a, double *d_y) {
  int i = 0;
  // Forward sweep: run the function, record what the backward sweep needs.
  i = 0;
  for (; i < n; ++i) { // line 18
    y[i] = a * std::sin(x[i]) + x[i] * x[i];
  }
  // Backward sweep: adjoints, from the last statement to the first.
  for (i = n - 1; i >= 0; --i) { // line 18
    adgen::SinCos<double> sincos_x = adgen::sincos(x[i]);
    *d_a += d_y[i] * sincos_x.sin;
    d_x[i] += d_y[i] * a * sincos_x.cos + d_y[i] * x[i] + d_y[i] * x[i];
    d_y[i] = 0.0;
  }
}

/// Forward mode (tangents) of wave, line 17.
/// With respect to: x, a, y. Each d_ parameter carries the tangent of its parameter.
void wave_fwd(const double *x, double a, double *y, int n, const double *d_x, double d_a, double *d_y) {
  for (int i = 0; i < n; ++i) { // line 18
    adgen::SinCos<double> sincos_x = adgen::sincos(x[i]);
    double sin_x = sincos_x.sin;
    d_y[i] = d_a * sin_x + d_x[i] * sincos_x.cos * a + (d_x[i] * x[i] + d_x[i] * x[i]);
    y[i] = a * sin_x + x[i] * x[i];
  }
}

/// Forward mode of wave with k tangent directions in one sweep.
/// Each d_ parameter holds k directions per element (element-major: d_p[i * k + j]); d_ret receives the result's k tangents.
void wave_fwd_vec(const double *x, double a, double *y, int n, const double *d_x, const double *d_a, double *d_y, int k) {
  for (int i = 0; i < n; ++i) { // line 18
    double sin_x = std::sin(x[i]);
    for (int dir = 0; dir < k; ++dir) { // line 19
      d_y[i * k + dir] = d_a[dir] * sin_x + d_x[i * k + dir] * std::cos(x[i]) * a + (d_x[i * k + dir] * x[i] + d_x[i * k + dir] * x[i]);
    }
    y[i] = a * sin_x + x[i] * x[i];
  }
}
