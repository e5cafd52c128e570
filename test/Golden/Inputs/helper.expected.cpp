// Derivatives:
//   blend_pullback, blend_grad (reverse mode, d/d(a, b, t))
//   blend_fwd (forward mode, d/d(a, b, t))


#include <adgen/adgen.h>
#include <adgen/runtime.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

double blend_pullback(double a, double b, double t, double d_ret, double *d_a, double *d_b, double *d_t);
double blend_grad(double a, double b, double t, double *d_a, double *d_b, double *d_t);
namespace adgen_detail {
static double smoothstep_record(double t);
static void smoothstep_reverse(double t, double d_result_1, double *d_t);
} // namespace adgen_detail

adgen::Dual<double> blend_fwd(double a, double b, double t, double d_a, double d_b, double d_t);
double blend_fwd_vec(double a, double b, double t, const double *d_a, const double *d_b, const double *d_t, int k, double *d_ret);
namespace adgen_detail {
static double smoothstep_fwd_vec(double t, const double *d_t, int k, double *d_ret);
static adgen::Dual<double> smoothstep_fwd(double t, double d_t);
} // namespace adgen_detail

/// Reverse mode (adjoints) of blend, line 19.
/// Inputs: a, b, t. Outputs: the return value.
/// Adjoints of inputs accumulate (+=); d_ret seeds the return value.
/// Tape: what the forward sweeps of the functions it calls push (smoothstep_record).
double blend_pullback(double a, double b, double t, double d_ret, double *d_a, double *d_b, double *d_t) {
  adgen::RedoLog &redo = adgen::threadRedoLog();
  adgen::RedoLog::Mark redo_mark = redo.mark();
  double result = 0.0;
  double w = 0.0;
  double exp_val = 0.0;
  // Forward sweep: run the function, record what the backward sweep needs.
  double smoothstep_result;
  smoothstep_result = ::adgen_detail::smoothstep_record(t);
  w = smoothstep_result;
  exp_val = std::exp(b);
  result = (1.0 - w) * a + w * exp_val;
  double d_result = d_ret;
  double d_smoothstep_result = 0.0;
  double d_w = 0.0;
  double d_exp_val = 0.0;
  // Backward sweep: adjoints, from the last statement to the first.
  d_w += -(d_result * a) + d_result * exp_val;
  *d_a += d_result * (1.0 - w);
  d_exp_val += d_result * w;
  d_result = 0.0;
  double adj = d_exp_val;
  d_exp_val = 0.0;
  *d_b += adj * exp_val;
  d_smoothstep_result += d_w;
  d_w = 0.0;
  double d_smoothstep = d_smoothstep_result;
  d_smoothstep_result = 0.0;
  double d_t_1 = 0.0;
  ::adgen_detail::smoothstep_reverse(t, d_smoothstep, &d_t_1);
  *d_t += d_t_1;
  // Memory f wrote and the backward sweep restored: back to what f left.
  redo.replay(redo_mark);
  return result;
}

/// Gradient of blend: blend_pullback with d_ret = 1.
double blend_grad(double a, double b, double t, double *d_a, double *d_b, double *d_t) {
  return ::blend_pullback(a, b, t, 1.0, d_a, d_b, d_t);
}

namespace adgen_detail {
/// Forward sweep (helper) of smoothstep, line 16.
/// Inputs: t. Outputs: the return value.
/// Tape: nothing.
/// Runs smoothstep and records what smoothstep_reverse needs.
static double smoothstep_record(double t) {
  double result = 0.0;
  // Forward sweep: run the function, record what the backward sweep needs.
  result = t * t * (3.0 - 2.0 * t);
  return result;
}

/// Backward sweep (helper) of smoothstep, line 16.
/// Inputs: t. Outputs: the return value.
/// Tape: nothing.
/// Adjoints, and undoes what smoothstep_record wrote.
static void smoothstep_reverse(double t, double d_result_1, double *d_t) {
  double d_result = d_result_1;
  // Backward sweep: adjoints, from the last statement to the first.
  *d_t += d_result * (3.0 - 2.0 * t) * (2.0 * t) - d_result * (t * t) * 2.0;
  d_result = 0.0;
}

} // namespace adgen_detail

/// Forward mode (tangents) of blend, line 19.
/// With respect to: a, b, t. Each d_ parameter carries the tangent of its parameter; the result's tangent is returned.
adgen::Dual<double> blend_fwd(double a, double b, double t, double d_a, double d_b, double d_t) {
  double d_smoothstep_result = 0.0;
  double smoothstep_result;
  adgen::Dual<double> smoothstep_dual = ::adgen_detail::smoothstep_fwd(t, d_t);
  d_smoothstep_result = smoothstep_dual.tangent;
  smoothstep_result = smoothstep_dual.value;
  double d_w = d_smoothstep_result;
  double w = smoothstep_result;
  double exp_b = std::exp(b);
  return adgen::Dual<double>{(1.0 - w) * a + w * exp_b, -(d_w * a) + d_a * (1.0 - w) + (d_w * exp_b + d_b * exp_b * w)};
}

/// Forward mode of blend with k tangent directions in one sweep.
/// Each d_ parameter holds k directions per element (element-major: d_p[i * k + j]); d_ret receives the result's k tangents.
double blend_fwd_vec(double a, double b, double t, const double *d_a, const double *d_b, const double *d_t, int k, double *d_ret) {
  std::vector<double> tangents(3 * k);
  double *d_smoothstep_result = tangents.data();
  double *d_smoothstep_value = tangents.data() + k;
  double *d_w = tangents.data() + 2 * k;
  for (int dir = 0; dir < k; ++dir) { // line 20
    d_smoothstep_result[dir] = 0.0;
  }
  double smoothstep_result;
  double smoothstep_value = ::adgen_detail::smoothstep_fwd_vec(t, d_t, k, d_smoothstep_value);
  for (int dir_1 = 0; dir_1 < k; ++dir_1) { // line 20
    d_smoothstep_result[dir_1] = d_smoothstep_value[dir_1];
  }
  smoothstep_result = smoothstep_value;
  for (int dir_2 = 0; dir_2 < k; ++dir_2) { // line 20
    d_w[dir_2] = d_smoothstep_result[dir_2];
  }
  double w = smoothstep_result;
  double exp_b = std::exp(b);
  for (int dir_3 = 0; dir_3 < k; ++dir_3) { // line 21
    d_ret[dir_3] = -(d_w[dir_3] * a) + d_a[dir_3] * (1.0 - w) + (d_w[dir_3] * exp_b + d_b[dir_3] * exp_b * w);
  }
  return (1.0 - w) * a + w * exp_b;
}

namespace adgen_detail {
/// Forward mode of smoothstep with k tangent directions (helper).
static double smoothstep_fwd_vec(double t, const double *d_t, int k, double *d_ret) {
  for (int dir = 0; dir < k; ++dir) { // line 16
    d_ret[dir] = d_t[dir] * (2.0 * t) * (3.0 - 2.0 * t) - d_t[dir] * 2.0 * (t * t);
  }
  return t * t * (3.0 - 2.0 * t);
}

/// Forward mode of smoothstep (helper).
static adgen::Dual<double> smoothstep_fwd(double t, double d_t) {
  return adgen::Dual<double>{t * t * (3.0 - 2.0 * t), d_t * (2.0 * t) * (3.0 - 2.0 * t) - d_t * 2.0 * (t * t)};
}

} // namespace adgen_detail
