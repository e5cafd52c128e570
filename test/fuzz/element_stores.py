#!/usr/bin/env python3
"""Random programs for the storage plan's element stores (Transforms/StoragePlanElements.h).

Prints, for SEED, a C++ file whose local array u (4..8 doubles) is read by
two callees with counted loops of random constant bounds and offsets, some
uses non-linear (sin, exp, products) and some linear, and overwritten
between the calls in random ways; most seeds store only some of u's elements.
Check each with adgen's --emit=check (finite differences, forward against
reverse, the accumulate contract, f_hessian):

  for s in $(seq 1 24); do
    python3 test/fuzz/element_stores.py $s > s$s.cpp
    adgen s$s.cpp --emit=check -o s$s.chk.cpp -- -std=c++17 && \\
      g++ -std=c++17 -Iinclude s$s.chk.cpp -o s$s.chk && ./s$s.chk | tail -1
  done

Usage: element_stores.py SEED
"""
import random, sys
seed = int(sys.argv[1]); r = random.Random(seed)
N = r.choice([4, 5, 6, 8])
def callee(name):
    lo = r.randint(0, N - 2); hi = r.randint(lo + 1, N)
    off = r.randint(0, N - hi)
    nl = r.choice(["std::sin(y[%s])", "y[%s] * y[%s]", "std::exp(0.1 * y[%s])", "p * y[%s]"])
    body = ["  double s = %s;" % r.choice(["0.0", "y[0] + 2.0 * y[%d]" % (N - 1), "3.0 * y[1]"])]
    body.append("  for (int i = %d; i < %d; ++i)" % (lo, hi))
    idx = "i + %d" % off if off else "i"
    term = nl.replace("%s", idx)
    body.append("    s += %s + 0.5 * y[(i + 1) %% %d];" % (term, N))
    if r.random() < 0.5:
        body.append("  s -= y[%d] / 4.0;" % r.randint(0, N - 1))
    return "static double %s(const double* y, double p) {\n%s\n  return s;\n}\n" % (name, "\n".join(body))
src = ["#include <adgen/adgen.h>", "#include <cmath>", callee("g1"), callee("g2")]
stmts = []
stmts.append("  double u[%d];" % N)
stmts.append("  for (int j = 0; j < %d; ++j)\n    u[j] = x[j %% 3] * (1.0 + 0.1 * j);" % N)
acc = "double a = 0.0;"
stmts.append("  " + acc)
for k in range(r.randint(2, 4)):
    g = r.choice(["g1", "g2"])
    stmts.append("  a += %s(u, x[%d]);" % (g, r.randint(0, 2)))
    kind = r.randint(0, 3)
    if kind == 0:
        stmts.append("  for (int j = 0; j < %d; ++j)\n    u[j] = u[j] + 0.25 * x[(j + %d) %% 3];" % (N, k))
    elif kind == 1:
        stmts.append("  u[%d] = a * x[%d];" % (r.randint(0, N - 1), r.randint(0, 2)))
    elif kind == 2:
        stmts.append("  for (int j = %d; j < %d; ++j)\n    u[j] = 2.0 * u[j] - x[1];" % (r.randint(0, N // 2), N))
    else:
        stmts.append("  for (int j = 0; j < %d; ++j)\n    u[j] += 0.5 * u[(j + 1) %% %d];" % (N, N))
stmts.append("  return a + u[%d] * u[%d];" % (r.randint(0, N - 1), r.randint(0, N - 1)))
src.append('ADGEN_REVERSE("x[3]") ADGEN_FORWARD("x[3]") ADGEN_HESSIAN("x[3]")\ndouble f(const double* x) {\n%s\n}' % "\n".join(stmts))
if r.random() < 0.5:
    src.append('ADGEN_REVERSE("x[3]")\ndouble h(const double* x, int n) {\n  double v[%d];\n  double s = 0.0;\n  for (int k = 0; k < n; ++k) {\n    for (int j = 0; j < %d; ++j)\n      v[j] = x[j %% 3] + 0.1 * s;\n    s += g1(v, x[0]) * 0.1;\n  }\n  return s;\n}' % (N, N))
print("\n".join(src))
