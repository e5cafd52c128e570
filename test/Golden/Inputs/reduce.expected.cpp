// Derivatives:
//   norm_pullback, norm_grad (reverse mode, d/d x)
//   norm_fwd (forward mode, d/d x)


#include <adgen/adgen.h>
#include <adgen/runtime.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

double norm_pullback(const double *x, int n, double d_ret, double *d_x);
double norm_grad(const double *x, int n, double *d_x);
adgen::Dual<double> norm_fwd(const double *x, int n, const double *d_x);
double norm_fwd_vec(const double *x, int n, const double *d_x, int k, double *d_ret);

/// Reverse mode (adjoints) of norm, line 17.
/// Inputs: x. Outputs: the return value.
/// Adjoints of inputs accumulate (+=); d_ret seeds the return value.
/// Tape: nothing.
double norm_pullback(const double *x, int n, double d_ret, double *d_x) {
  double result = 0.0;
  int i = 0;
  double sqrt_val = 0.0;
  // Forward sweep: run the function, record what the backward sweep needs.
  double s = 0.0;
  i = 0;
  for (; i < n; ++i) { // line 19
    s += x[i] * x[i];
  }
  sqrt_val = std::sqrt(s);
  result = sqrt_val;
  double d_result = d_ret;
  double d_s = 0.0;
  double d_sqrt_val = 0.0;
  // Backward sweep: adjoints, from the last statement to the first.
  d_sqrt_val += d_result;
  d_result = 0.0;
  double adj = d_sqrt_val;
  d_sqrt_val = 0.0;
  d_s += adj * (0.5 / sqrt_val);
  for (i = n - 1; i >= 0; --i) { // line 19
    d_x[i] += d_s * x[i] + d_s * x[i];
  }
  d_s = 0.0;
  return result;
}

/// Gradient of norm: norm_pullback with d_ret = 1.
double norm_grad(const double *x, int n, double *d_x) {
  return ::norm_pullback(x, n, 1.0, d_x);
}

/// Forward mode (tangents) of norm, line 17.
/// With respect to: x. Each d_ parameter carries the tangent of its parameter; the result's tangent is returned.
adgen::Dual<double> norm_fwd(const double *x, int n, const double *d_x) {
  double d_s = 0.0;
  double s = 0.0;
  for (int i = 0; i < n; ++i) { // line 19
    d_s += d_x[i] * x[i] + d_x[i] * x[i];
    s += x[i] * x[i];
  }
  double sqrt_s = std::sqrt(s);
  return adgen::Dual<double>{sqrt_s, d_s / (2.0 * sqrt_s)};
}

/// Forward mode of norm with k tangent directions in one sweep.
/// Each d_ parameter holds k directions per element (element-major: d_p[i * k + j]); d_ret receives the result's k tangents.
double norm_fwd_vec(const double *x, int n, const double *d_x, int k, double *d_ret) {
  std::vector<double> d_s(k);
  for (int dir = 0; dir < k; ++dir) { // line 18
    d_s[dir] = 0.0;
  }
  double s = 0.0;
  for (int i = 0; i < n; ++i) {               // line 19
    for (int dir_1 = 0; dir_1 < k; ++dir_1) { // line 20
      d_s[dir_1] += d_x[i * k + dir_1] * x[i] + d_x[i * k + dir_1] * x[i];
    }
    s += x[i] * x[i];
  }
  double sqrt_s = std::sqrt(s);
  for (int dir_2 = 0; dir_2 < k; ++dir_2) { // line 21
    d_ret[dir_2] = d_s[dir_2] / (2.0 * sqrt_s);
  }
  return sqrt_s;
}
