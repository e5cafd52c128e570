// A "third-party" header adgen may not edit: no markers.
#include <cmath>
namespace lib {
inline double softplus(double x) { return std::log1p(std::exp(x)); }
double weighted(const double *w, const double *x, int n);
inline double weighted(const double *w, const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += w[i] * softplus(x[i]);
  return s;
}
} // namespace lib
