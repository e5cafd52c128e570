// A "third-party" class adgen may not edit: no markers, private fields, a
// private method and a private static constant, methods defined out of line.
#include <cmath>
namespace stats {
namespace dist {
class Gaussian {
public:
  Gaussian(double mu, double sigma) : mu_(mu), sigma_(sigma) {}
  double mu() const { return mu_; }
  double sigma() const { return sigma_; }
  double logpdf(double x) const;

private:
  double z(double x) const { return (x - mu_) / sigma_; }
  double mu_, sigma_;
  static const double log_sqrt_2pi_;
};
inline const double Gaussian::log_sqrt_2pi_ = 0.91893853320467274178;

inline double Gaussian::logpdf(double x) const {
  double t = z(x);
  return -0.5 * t * t - std::log(sigma_) - log_sqrt_2pi_;
}
} // namespace dist
} // namespace stats
