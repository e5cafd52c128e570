// f_hessian through the standard library's value types: std::complex
// arithmetic and functions, a std::pair and a structured binding inside f,
// and a std::complex parameter (f_hessian and f_jacobian flatten it as its
// real part, then its imaginary part).
// They are two-field records to the transforms, so forward over reverse
// carries their tangents like any struct's (test/Hessian/structs.cpp).
// Checked by --emit=check (second differences of f, forward vs reverse,
// pre-filled adjoints) with g++ and clang++.
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.check.cpp --implicit-check-not=error:
// RUN: %cxx %t.check.cpp -o %t.gcc && %t.gcc | FileCheck %s --check-prefix=CHK
// RUN: %clangxx %t.check.cpp -o %t.clang && %t.clang | FileCheck %s --check-prefix=CHK
#include <adgen/adgen.h>
#include <cmath>
#include <complex>
#include <utility>

ADGEN_HESSIAN("x[3]") ADGEN_REVERSE("x")
double spectrum(const double *x) {
  std::complex<double> z(x[0], x[1]);
  std::complex<double> w = z * z + std::exp(z * x[2]);
  std::pair<double, double> polar = {std::abs(w), std::arg(w)};
  auto [m, a] = polar;
  w.real(w.real() * x[2]);
  return m * std::cos(a) + std::norm(w) + std::real(std::sqrt(z + 3.0));
}
// CHECK-LABEL: static adgen::Dual<double> spectrum_hessian_fwd(const double *x, double d_ret, double *d_x, const double *d_x_1, double *d_d_x) {
// CHECK-LABEL: void spectrum_hessian(const double *x, double *hess) {

// A std::complex parameter: its real part, then its imaginary part.
ADGEN_HESSIAN("z, t") ADGEN_JACOBIAN("z, t -> return")
double response(std::complex<double> z, double t) {
  std::complex<double> h = 1.0 / (z * z + t * z + 2.0);
  return std::norm(h) + std::arg(h) * t;
}
// CHECK-LABEL: void response_hessian(std::complex<double> z, double t, double *hess) {
// CHECK:         double *const adgen_numbers_t_z[] = {&adgen::re(adgen_t_z), &adgen::im(adgen_t_z)};
// CHECK-LABEL: void response_jacobian(std::complex<double> z, double t, double *jac) {

// CHK-NOT: FAIL
// CHK: ok   spectrum
// CHK: ok   response
// CHK: 2 passed, 0 failed
