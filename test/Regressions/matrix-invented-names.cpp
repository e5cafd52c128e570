// The locals f_jacobian and f_hessian invent (counts, loop indices, seeds,
// saved entry values, the matrix parameter) are fresh names: a function or
// parameter named `jac` / `hess` renames the matrix parameter and its body
// uses the new name; parameters named like the drivers' locals (adgen_n,
// adgen_col, adgen_e, adgen_n_in, adgen_n_out, adgen_row, adgen_g_x,
// adgen_d_x, adgen_vd_x, adgen_x_on_entry, d_ret) move the locals aside.
// Globals f writes named like the checker's locals stay apart too (the
// checker names them qualified).
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp --implicit-check-not=error:
// RUN: %cxx -c %t.gen.cpp -o %t.gcc.o
// RUN: %clangxx -c %t.gen.cpp -o %t.clang.o
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: %cxx %t.check.cpp -o %t.check.gcc && %t.check.gcc | FileCheck %s --check-prefix=RUNCHECK
// RUN: %clangxx %t.check.cpp -o %t.check.clang && %t.check.clang | FileCheck %s --check-prefix=RUNCHECK
// RUNCHECK: 6 passed, 0 failed
#include <adgen/adgen.h>
#include <cmath>

ADGEN_JACOBIAN("a, b -> out[1]")
void jac(double a, double b, double out[]) { out[0] = a * b; }
// CHECK-LABEL: void jac_jacobian(double a, double b, double *out, double *jac_1) {
// CHECK: std::fill(jac_1 + adgen_row * adgen_n_in, jac_1 + (adgen_row + 1) * adgen_n_in, double(0));
// CHECK: ::adgen_detail::jac_jacobian_pullback(a, b, out, jac_1 + adgen_row * adgen_n_in, jac_1 + adgen_row * adgen_n_in + 1, adgen_d_out);

ADGEN_HESSIAN("x, y")
double hess(double x, double y) { return x * x * y; }
// CHECK-LABEL: void hess_hessian(double x, double y, double *hess_1) {
// CHECK: hess_1[(0) * adgen_n + adgen_col] = adgen_dg_x;

ADGEN_HESSIAN("hess, jac") ADGEN_JACOBIAN("hess, jac")
double p1(double hess, double jac) { return hess * hess * jac; }
// CHECK-LABEL: void p1_hessian(double hess, double jac, double *hess_1) {
// CHECK: ::adgen_detail::p1_hessian_fwd(hess, jac, double(1), &adgen_g_hess, &adgen_g_jac, adgen_t_hess, adgen_t_jac, &adgen_dg_hess, &adgen_dg_jac);
// CHECK: hess_1[(0 + 1) * adgen_n + adgen_col] = adgen_dg_jac;
// CHECK-LABEL: void p1_jacobian(double hess, double jac, double *jac_1) {

double s, i, n; // written by f: the checker saves and compares them

ADGEN_HESSIAN("adgen_n, adgen_col, x[2]")
double h1(double adgen_n, double adgen_col, double *x, int adgen_e, double adgen_g_x) {
  s = adgen_n * x[1];
  i += 1;
  x[0] = x[0] * adgen_col;
  return adgen_n * adgen_n * adgen_col + x[0] * x[1] * adgen_g_x + adgen_e;
}
// CHECK-LABEL: void h1_hessian(double adgen_n, double adgen_col, double *x, int adgen_e, double adgen_g_x, double *hess) {
// CHECK: const std::size_t adgen_n_1 = 0 + 1 + 1 + static_cast<std::size_t>(2);
// CHECK: const std::vector<double> adgen_x_on_entry(x, x + static_cast<std::size_t>(2));
// CHECK: std::vector<double> adgen_g_x_1(static_cast<std::size_t>(2)),
// CHECK: auto adgen_global_s_on_entry = adgen::snapshot(::s);
// CHECK: for (std::size_t adgen_col_1 = 0; adgen_col_1 < adgen_n_1; ++adgen_col_1) {
// CHECK: for (std::size_t adgen_e_1 = 0; adgen_e_1 < static_cast<std::size_t>(2); ++adgen_e_1)

ADGEN_JACOBIAN("adgen_row, adgen_n_in, adgen_x_on_entry, x[2] -> adgen_n_out[2], x[2]")
void j1(double adgen_row, double adgen_n_in, double adgen_x_on_entry, double *x, double *adgen_n_out,
        double adgen_d_x, double adgen_vd_x) {
  n = adgen_row;
  adgen_n_out[0] = adgen_row * adgen_n_in + x[0] * adgen_x_on_entry;
  adgen_n_out[1] = adgen_row * adgen_d_x * adgen_vd_x;
  x[1] = std::sin(x[0]) * x[1];
}
// CHECK-LABEL: void j1_jacobian(double adgen_row, double adgen_n_in, double adgen_x_on_entry, double *x, double *adgen_n_out, double adgen_d_x, double adgen_vd_x, double *jac) {
// CHECK: const std::size_t adgen_n_in_1 =
// CHECK: const std::size_t adgen_n_out_1 =

ADGEN_JACOBIAN("a, b")
double j2(double a, double b, double d_ret) { return a * b * d_ret; }
// CHECK-LABEL: void j2_jacobian(double a, double b, double d_ret, double *jac) {
// CHECK: double d_ret_1 =
// CHECK: ::adgen_detail::j2_jacobian_pullback(a, b, d_ret, d_ret_1,
