// A second translation unit that sees only the header adgen wrote with
// --header (passed as ADGEN_HEADER) and links against the generated object.
// Used by Contract/output-format.cpp; it uses f(x, y) = e^x sin y + x y.
#include ADGEN_HEADER
#include "adgen_test.h"
#include <cmath>

int main() {
  using namespace adgen_test;
  double gx = 0, gy = 0;
  double v = f_grad(0.3, 1.1, &gx, &gy);
  check_close("value via header", v, std::exp(0.3) * std::sin(1.1) + 0.3 * 1.1, 1e-15);
  check_close("df/dx via header", gx, std::exp(0.3) * std::sin(1.1) + 1.1, 1e-15);
  double px = 0, py = 0;
  f_pullback(0.3, 1.1, 2.0, &px, &py);
  check_close("pullback via header", py, 2 * gy, 1e-15);
  adgen::Dual<double> t = f_fwd(0.3, 1.1, 0.0, 1.0);
  check_close("fwd via header", t.tangent, gy, 1e-15);
  return finish();
}
