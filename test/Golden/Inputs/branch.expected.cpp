// Derivatives:
//   branch_pullback, branch_grad (reverse mode, d/d(x, y))
//   branch_fwd (forward mode, d/d(x, y))


#include <adgen/adgen.h>
#include <adgen/runtime.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

double branch_pullback(double x, double y, double d_ret, double *d_x, double *d_y);
double branch_grad(double x, double y, double *d_x, double *d_y);
adgen::Dual<double> branch_fwd(double x, double y, double d_x, double d_y);
double branch_fwd_vec(double x, double y, const double *d_x, const double *d_y, int k, double *d_ret);

/// Reverse mode (adjoints) of branch, line 17.
/// Inputs: x, y. Outputs: the return value.
/// Adjoints of inputs accumulate (+=); d_ret seeds the return value.
/// Tape: the branch taken by 1 if.
double branch_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
  adgen::Tape &tape = adgen::threadTape();
  double result = 0.0;
  // Forward sweep: run the function, record what the backward sweep needs.
  double r;
  if (x > y) { // line 19
    r = x * std::sin(y);
    tape.push(true);
  } else {
    r = y * y - x;
    tape.push(false);
  }
  result = r;
  double d_result = d_ret;
  double d_r = 0.0;
  // Backward sweep: adjoints, from the last statement to the first.
  d_r += d_result;
  d_result = 0.0;
  if (tape.pop<bool>()) { // line 19
    adgen::SinCos<double> sincos_y = adgen::sincos(y);
    *d_x += d_r * sincos_y.sin;
    *d_y += d_r * x * sincos_y.cos;
    d_r = 0.0;
  } else {
    *d_y += d_r * (2.0 * y);
    *d_x -= d_r;
    d_r = 0.0;
  }
  return result;
}

/// Gradient of branch: branch_pullback with d_ret = 1.
double branch_grad(double x, double y, double *d_x, double *d_y) {
  return ::branch_pullback(x, y, 1.0, d_x, d_y);
}

/// Forward mode (tangents) of branch, line 17.
/// With respect to: x, y. Each d_ parameter carries the tangent of its parameter; the result's tangent is returned.
adgen::Dual<double> branch_fwd(double x, double y, double d_x, double d_y) {
  double d_r = 0.0;
  double r;
  if (x > y) { // line 19
    adgen::SinCos<double> sincos_y = adgen::sincos(y);
    double sin_y = sincos_y.sin;
    d_r = d_x * sin_y + d_y * sincos_y.cos * x;
    r = x * sin_y;
  } else {
    d_r = d_y * (2.0 * y) - d_x;
    r = y * y - x;
  }
  return adgen::Dual<double>{r, d_r};
}

/// Forward mode of branch with k tangent directions in one sweep.
/// Each d_ parameter holds k directions per element (element-major: d_p[i * k + j]); d_ret receives the result's k tangents.
double branch_fwd_vec(double x, double y, const double *d_x, const double *d_y, int k, double *d_ret) {
  std::vector<double> d_r(k);
  for (int dir = 0; dir < k; ++dir) { // line 18
    d_r[dir] = 0.0;
  }
  double r;
  if (x > y) { // line 19
    double sin_y = std::sin(y);
    for (int dir_1 = 0; dir_1 < k; ++dir_1) { // line 20
      d_r[dir_1] = d_x[dir_1] * sin_y + d_y[dir_1] * std::cos(y) * x;
    }
    r = x * sin_y;
  } else {
    for (int dir_2 = 0; dir_2 < k; ++dir_2) { // line 22
      d_r[dir_2] = d_y[dir_2] * (2.0 * y) - d_x[dir_2];
    }
    r = y * y - x;
  }
  for (int dir_3 = 0; dir_3 < k; ++dir_3) { // line 23
    d_ret[dir_3] = d_r[dir_3];
  }
  return r;
}
