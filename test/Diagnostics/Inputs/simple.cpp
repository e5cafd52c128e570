#include <adgen/adgen.h>
ADGEN_REVERSE() double f(double x) { return x * x; }
