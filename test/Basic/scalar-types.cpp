// float, double and long double scalars, and a function mixing them. Each
// derivative keeps the precision of its variable: a long double derivative
// computed in double (or a double one in float) fails the tight checks.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE() ADGEN_FORWARD()
float ff(float x, float y) { return x * x * y + std::sin(x) / y; }
// CHECK-LABEL: float ff_pullback(float x, float y, float d_ret, float *d_x, float *d_y) {
// CHECK-LABEL: float ff_grad(float x, float y, float *d_x, float *d_y) {
// CHECK-LABEL: adgen::Dual<float> ff_fwd(float x, float y, float d_x, float d_y) {

ADGEN_REVERSE() ADGEN_FORWARD()
double fd(double x, double y) { return x * x * y + std::sin(x) / y; }
// CHECK-LABEL: double fd_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double fd_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> fd_fwd(double x, double y, double d_x, double d_y) {

ADGEN_REVERSE() ADGEN_FORWARD()
long double fl(long double x, long double y) { return std::exp(x) * y + x * x * x; }
// CHECK-LABEL: long double fl_pullback(long double x, long double y, long double d_ret, long double *d_x, long double *d_y) {
// CHECK-LABEL: long double fl_grad(long double x, long double y, long double *d_x, long double *d_y) {
// CHECK-LABEL: adgen::Dual<long double> fl_fwd(long double x, long double y, long double d_x, long double d_y) {

// Mixed precision: each derivative parameter has its own parameter's type.
ADGEN_REVERSE() ADGEN_FORWARD()
double mixed(double x, float y, long double z) { return x * y + static_cast<double>(z * z); }
// CHECK-LABEL: double mixed_pullback(double x, float y, long double z, double d_ret, double *d_x, float *d_y, long double *d_z) {
// CHECK-LABEL: double mixed_grad(double x, float y, long double z, double *d_x, float *d_y, long double *d_z) {
// CHECK-LABEL: adgen::Dual<double> mixed_fwd(double x, float y, long double z, double d_x, float d_y, long double d_z) {

#ifdef ADGEN_TEST_DRIVER
float ff_pullback(float x, float y, float d_ret, float* d_x, float* d_y);
float ff_grad(float x, float y, float* d_x, float* d_y);
adgen::Dual<float> ff_fwd(float x, float y, float d_x, float d_y);
double fd_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double fd_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> fd_fwd(double x, double y, double d_x, double d_y);
long double fl_pullback(long double x, long double y, long double d_ret, long double* d_x, long double* d_y);
long double fl_grad(long double x, long double y, long double* d_x, long double* d_y);
adgen::Dual<long double> fl_fwd(long double x, long double y, long double d_x, long double d_y);
double mixed_pullback(double x, float y, long double z, double d_ret, double* d_x, float* d_y, long double* d_z);
double mixed_grad(double x, float y, long double z, double* d_x, float* d_y, long double* d_z);
adgen::Dual<double> mixed_fwd(double x, float y, long double z, double d_x, float d_y, long double d_z);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  {
    const float p[2] = {0.7f, 1.3f};
    check_scalar_fn<float>("ff", p, 2,
        [](const float* v) { return ff(v[0], v[1]); },
        [](const float* v, float* g) { return ff_grad(v[0], v[1], &g[0], &g[1]); },
        [](const float* v, const float* t) { return ff_fwd(v[0], v[1], t[0], t[1]); });
    float gx = 0, gy = 0;
    ff_pullback(p[0], p[1], 2.0f, &gx, &gy);
    double x = p[0], y = p[1];
    check_close("ff: d/dx hand-derived", gx, 2 * (2 * x * y + std::cos(x) / y), 1e-5);
    check_close("ff: d/dy hand-derived", gy, 2 * (x * x - std::sin(x) / (y * y)), 1e-5);
  }
  {
    const double p[2] = {0.7, 1.3};
    check_scalar_fn<double>("fd", p, 2,
        [](const double* v) { return fd(v[0], v[1]); },
        [](const double* v, double* g) { return fd_grad(v[0], v[1], &g[0], &g[1]); },
        [](const double* v, const double* t) { return fd_fwd(v[0], v[1], t[0], t[1]); });
    double gx = 0, gy = 0, x = p[0], y = p[1];
    fd_grad(x, y, &gx, &gy);
    // Tight enough to catch a derivative computed in float.
    check_close("fd: d/dx hand-derived", gx, 2 * x * y + std::cos(x) / y, 1e-14);
    check_close("fd: d/dy hand-derived", gy, x * x - std::sin(x) / (y * y), 1e-14);
  }
  {
    const long double p[2] = {0.3L, 1.7L};
    check_scalar_fn<long double>("fl", p, 2,
        [](const long double* v) { return fl(v[0], v[1]); },
        [](const long double* v, long double* g) { return fl_grad(v[0], v[1], &g[0], &g[1]); },
        [](const long double* v, const long double* t) { return fl_fwd(v[0], v[1], t[0], t[1]); });
    long double gx = 0, gy = 0, x = p[0], y = p[1];
    fl_grad(x, y, &gx, &gy);
    // 1e-17 is ~100 ulps of long double but 1/20 of a double ulp: a
    // derivative demoted to double fails here.
    check_close("fl: d/dx hand-derived", gx, std::exp(x) * y + 3 * x * x, 1e-17L, 0);
    check_close("fl: d/dy hand-derived", gy, std::exp(x), 1e-17L, 0);
    adgen::Dual<long double> t = fl_fwd(x, y, 1.0L, 0.0L);
    check_close("fl: fwd d/dx hand-derived", t.tangent, std::exp(x) * y + 3 * x * x, 1e-17L, 0);
    check_close("fl: fwd value", t.value, std::exp(x) * y + x * x * x, 1e-18L, 0);
  }
  {
    double x = 0.9, gx = 0;
    float y = 1.25f, gy = 0;
    long double z = 0.6L, gz = 0;
    double v = mixed_grad(x, y, z, &gx, &gy, &gz);
    check_ulps("mixed: value", v, mixed(x, y, z));
    check_close("mixed: d/dx", gx, double(y), 1e-15);
    check_close("mixed: d/dy", gy, float(x), 1e-7);
    check_close("mixed: d/dz", gz, 2 * z, 1e-17L, 0);
    adgen::Dual<double> t = mixed_fwd(x, y, z, 0.5, 2.0f, -1.5L);
    check_close("mixed: fwd", t.tangent, 0.5 * y + 2.0 * x + static_cast<double>(-1.5L * 2 * z), 1e-7);
    double px = 0; float py = 0; long double pz = 0;
    mixed_pullback(x, y, z, -3.0, &px, &py, &pz);
    check_close("mixed: pullback seed", px, -3.0 * gx, 1e-15);
    check_close("mixed: pullback seed z", pz, -3.0L * gz, 1e-17L, 0);
  }
  return finish();
}
#endif
