#!/usr/bin/env python3
"""Random-program generator for adgen (differential fuzzing).

Usage: gen.py SEED COUNT [--kinds=K1,K2,...] [--stmts=N] [--avoid=WHAT,...]

Prints one C++ file with COUNT marked functions f0 .. f{COUNT-1}, each marked
ADGEN_REVERSE(spec) ADGEN_FORWARD(spec), plus the small helper functions they
call.  The file is meant for `adgen FILE --emit=check`, whose checker compares
forward mode with central differences, reverse mode with central differences
(through <ybar, J xdot> = <J^T ybar, xdot>) and forward with reverse.

The programs stress reverse mode's store/restore logic: scalars and array
elements overwritten inside loops (for/while/do, nested, with break, continue
and early return), data-dependent branches, compound assignments, calls to
helpers that return values or write through pointers and references, and
smooth math.  Values stay bounded (bounded multipliers, divisions only by
1.5 + u*u, exp/sin/cos of bounded arguments, log of 1 + u*u), so central
differences are accurate.  Every function compiles with
-Wall -Wextra -Werror (every parameter and local is read).

Assumptions: the checker gives int parameters the value 4 (n >= 4 is
assumed only for literal indices x[0], x[1], x[n - 1]; all other indices
are derived from loop counters bounded by n).

Python 3 standard library only; the same arguments always give the same file.
"""
import random
import sys

# Signature kinds: (return type, extra parameters, spec).
KINDS = {
    "ret": ("double", "", "x[n], a -> return"),
    "inout": ("void", ", double* y", "x[n], a, y[n] -> y[n]"),
    "both": ("double", ", double* y", "x[n], a, y[n] -> return, y[n]"),
    "out": ("void", ", double* y", "x[n], a -> y[n]"),
    "ref": ("void", ", double& r", "x[n], a, r -> r"),
}


# Constructs left out with --avoid=NAME,... (to look past a known adgen bug):
#   cond-call  helper calls inside conditions (if, ?:, while) -- adgen emits the
#              helper's derivative twice when a result is used both in a
#              condition and in active arithmetic (redefinition).
#   taped-calls  value-returning helpers whose reverse uses the tape: inside a
#              loop, adgen restores the caller's saved call result (tape.pop)
#              before the callee's reverse pops the callee's own entries
#              (misaligned tape: crash, hang or silently wrong gradient).
#              Void helpers (results through pointers/references) are kept.
AVOID = set()

# Value-returning helper bodies whose reverse needs no tape.
CLEAN_SCALAR = [
    "  return u / (1.5 + v * v) + std::log(1 + u * u);",
    "  return u * std::tanh(v) + 0.25 * std::sin(u * v);",
    "  return std::sqrt(1 + u * u * v * v) - 0.5 * u + std::cos(v);",
]
CLEAN_ARRAY = [
    "  return 0.5 * p[0] * p[m - 1] + std::tanh(p[1]);",
    "  return std::sin(p[m - 1]) * p[0] + 0.25 * p[1] * p[1];",
]


def pick(r, variants, clean=None):
    """r.choice, or one of the tape-free bodies under --avoid=taped-calls."""
    v = r.choice(variants)
    if clean and "taped-calls" in AVOID:
        v = r.choice(clean)
    return v


class Var:
    def __init__(self, name, kind, length=None):
        self.name = name      # C++ name
        self.kind = kind      # 'd' double scalar, 'arr' local double[4], 'int', 'ref'
        self.used = False
        self.length = length


class Counter:
    """A loop counter in scope: values lie in [0, n) ('n') or [0, 4) ('4')."""

    def __init__(self, name, rng):
        self.name = name
        self.rng = rng


class Helper:
    def __init__(self, name, kind, text):
        self.name = name
        self.kind = kind  # 'scalar' (double,double)->double, 'ptr' (double*,double),
        # 'ref' (double&,double), 'arr' (const double*, int)->double,
        # 'warr' (double*, int, double)
        self.text = text


class FunctionGen:
    def __init__(self, r, helpers, kind, name, max_stmts=9):
        self.r = r
        self.helpers = helpers
        self.kind = kind
        self.name = name
        self.scopes = []
        self.counters = []
        self.loop_depth = 0
        self.no_continue = 0  # inside while/do whose increment could be skipped
        self.names = 0
        self.budget = max_stmts  # statements left
        self.has_y = kind in ("inout", "both", "out")
        self.has_r = kind == "ref"
        self.y_written = set()  # for 'out': y elements are read only after writing
        self.ret_double = KINDS[kind][0] == "double"
        self.in_cond = 0

    # ----- names and scopes -------------------------------------------------
    def fresh(self, base):
        self.names += 1
        return "%s%d" % (base, self.names)

    def declare(self, name, kind):
        v = Var(name, kind)
        self.scopes[-1].append(v)
        return v

    def all_vars(self, kind):
        return [v for s in self.scopes for v in s if v.kind == kind]

    def use(self, v):
        v.used = True
        return v.name

    # ----- indices ----------------------------------------------------------
    def n_index(self):
        """An index expression valid for x and y (length n >= 4)."""
        cs = [c for c in self.counters if c.rng == "n"]
        r = self.r
        if cs and r.random() < 0.8:
            c = r.choice(cs).name
            return r.choice([c, c, "n - 1 - %s" % c, "(%s + 1) %% n" % c])
        return r.choice(["0", "1", "n - 1"])

    def t_index(self):
        cs = self.counters
        r = self.r
        if cs and r.random() < 0.6:
            c = r.choice(cs).name
            return r.choice(["%s %% 4" % c, "(%s + 1) %% 4" % c, "(%s + 3) %% 4" % c])
        return str(r.randrange(4))

    # ----- expressions ------------------------------------------------------
    def const(self):
        return self.r.choice(["0.5", "0.25", "0.75", "1.5", "2.0", "0.125", "1.25"])

    def small_const(self):
        return self.r.choice(["0.5", "0.25", "0.75", "0.125", "0.375"])

    def unbounded_atom(self):
        """A variable that may hold any (moderate) value."""
        r = self.r
        opts = []
        for v in self.all_vars("d"):
            opts.append(lambda v=v: self.use(v))
        for v in self.all_vars("arr"):
            opts.append(lambda v=v: "%s[%s]" % (self.use(v), self.t_index()))
        if self.has_y and self.kind != "out":
            opts.append(lambda: "y[%s]" % self.n_index())
        if self.has_r:
            opts.append(lambda: "r")
        if not opts:
            return self.bounded(1)
        return r.choice(opts)()

    def bounded_atom(self):
        r = self.r
        k = r.randrange(4)
        if k == 0:
            return "x[%s]" % self.n_index()
        if k == 1:
            return "a"
        if k == 2:
            return self.const()
        return "x[%s]" % self.n_index()

    def bounded(self, depth):
        """An expression whose magnitude stays below ~2 whatever the variables hold."""
        r = self.r
        if depth <= 0 or r.random() < 0.25:
            return self.bounded_atom()
        k = r.randrange(14)
        d = depth - 1
        if k == 0:
            return "std::sin(%s)" % self.bounded(d)
        if k == 1:
            return "std::cos(%s)" % self.bounded(d)
        if k == 2:
            return "std::tanh(%s)" % self.any(d)
        if k == 3:
            u = self.any(d)
            return "(%s) / (1.5 + (%s) * (%s))" % (u, u, u)
        if k == 4:
            return "std::exp(%s * std::sin(%s))" % (self.small_const(), self.any(d))
        if k == 5:
            return "std::log(1 + %s * %s)" % ((self.bounded(d),) * 2)
        if k == 6:
            return "std::sqrt(1 + std::pow(%s, 2))" % self.bounded(d)
        if k == 7:
            return "std::pow(%s, 2)" % self.bounded_atom()
        if k == 8:
            return "std::fmax(%s, %s)" % (self.bounded(d), self.bounded(d))
        if k == 9:
            return "(%s > %s ? %s : %s)" % (self.condexpr(self.any, d),
                                             self.condexpr(self.bounded, d),
                                             self.bounded(d), self.bounded(d))
        if k == 10:
            return "%s * %s" % (self.bounded_atom(), self.bounded(d))
        if k == 11:
            return "(%s - %s)" % (self.bounded(d), self.bounded_atom())
        if k == 12 and self.helpers_of("scalar"):
            h = r.choice(self.helpers_of("scalar"))
            return "std::tanh(%s(%s, %s))" % (h.name, self.any(d), self.bounded(d))
        return "std::sin(%s * %s)" % (self.small_const(), self.any(d))

    def any(self, depth):
        """An expression of moderate magnitude (linear in the variables)."""
        r = self.r
        if depth <= 0 or r.random() < 0.3:
            return self.unbounded_atom() if r.random() < 0.7 else self.bounded_atom()
        k = r.randrange(7)
        d = depth - 1
        if k == 0:
            return "%s * %s" % (self.unbounded_atom(), self.bounded(d))
        if k == 1:
            return "(%s + %s)" % (self.unbounded_atom(), self.bounded(d))
        if k == 2:
            return "(%s - %s * %s)" % (self.bounded(d), self.small_const(), self.unbounded_atom())
        if k == 3:
            return "std::sqrt(1 + %s * %s)" % ((self.unbounded_atom(),) * 2)
        if k == 4 and self.helpers_of("scalar"):
            h = r.choice(self.helpers_of("scalar"))
            return "%s(%s, %s)" % (h.name, self.any(d), self.bounded(d))
        if k == 5 and self.helpers_of("arr"):
            h = r.choice(self.helpers_of("arr"))
            src = r.choice(["x", "local"]) if self.all_vars("arr") else "x"
            if src == "x":
                return "%s(x, n)" % h.name
            v = r.choice(self.all_vars("arr"))
            return "%s(%s, 4)" % (h.name, self.use(v))
        return self.bounded(d)

    def multiplier(self):
        """A factor in roughly [0.4, 1.3] for *=."""
        r = self.r
        k = r.randrange(5)
        if k == 0:
            return "x[%s]" % self.n_index()
        if k == 1:
            return "(0.75 + 0.25 * std::cos(%s))" % self.any(1)
        if k == 2:
            return "std::exp(-0.125 * %s * %s)" % ((self.bounded(1),) * 2)
        if k == 3:
            return "(1 + 0.25 * std::tanh(%s))" % self.any(1)
        return "a"

    def cond(self):
        return self.condexpr(self.cond_)

    def cond_(self):
        r = self.r
        k = r.randrange(5)
        cs = self.counters
        if k == 0 and cs:
            c = r.choice(cs).name
            return r.choice(["%s %% 2 == 0" % c, "%s == 2" % c, "%s > 1" % c])
        if k == 1:
            return "%s > %s" % (self.any(2), self.bounded(1))
        if k == 2:
            return "%s < %s" % (self.bounded(2), self.const())
        ints = self.all_vars("int")
        if k == 3 and ints:
            return "%s > 1" % self.use(r.choice(ints))
        return "%s > %s" % (self.bounded(2), self.bounded(1))

    def helpers_of(self, kind):
        if self.in_cond and "cond-call" in AVOID:
            return []
        return [h for h in self.helpers if h.kind == kind]

    def condexpr(self, fn, *args):
        self.in_cond += 1
        try:
            return fn(*args)
        finally:
            self.in_cond -= 1

    # ----- lvalues ----------------------------------------------------------
    def lvalue(self):
        """A double lvalue to overwrite: (text, is_y_element)."""
        r = self.r
        opts = []
        for v in self.all_vars("d"):
            opts.append(lambda v=v: v.name)
        for v in self.all_vars("arr"):
            opts.append(lambda v=v: "%s[%s]" % (v.name, self.t_index()))
        if self.has_y:
            opts.append(lambda: "y[%s]" % self.n_index())
            opts.append(lambda: "y[%s]" % self.n_index())
        if self.has_r:
            opts.append(lambda: "r")
        return r.choice(opts)()

    # ----- statements -------------------------------------------------------
    def emit(self, out, ind, line):
        out.append("  " * ind + line)

    def assignment(self, out, ind):
        r = self.r
        lv = self.lvalue()
        is_out_y = self.kind == "out" and lv.startswith("y[")
        if is_out_y:
            # y is a pure output: only overwrite it, never read its old value.
            self.emit(out, ind, "%s = %s;" % (lv, self.any(2)))
            return
        k = r.randrange(10)
        if k == 0:
            s = "%s = %s * %s + %s;" % (lv, lv, self.multiplier(), self.bounded(2))
        elif k == 1:
            s = "%s = %s * %s - %s * %s;" % (lv, self.small_const(), self.any(2),
                                             self.small_const(), lv)
        elif k == 2:
            s = "%s += %s;" % (lv, self.any(2))
        elif k == 3:
            s = "%s -= %s * %s;" % (lv, self.small_const(), self.any(2))
        elif k == 4:
            s = "%s *= %s;" % (lv, self.multiplier())
        elif k == 5:
            u = self.any(1)
            s = "%s /= (1.5 + %s * %s);" % (lv, u, u)
        elif k == 6:
            s = "%s = %s;" % (lv, self.bounded(3))
        elif k == 7:
            s = "%s = std::tanh(%s) + %s * %s;" % (lv, lv, lv, self.bounded(1))
        elif k == 8:
            s = "%s = %s;" % (lv, self.any(3))
        else:
            s = "%s = %s * %s + %s;" % (lv, lv, self.bounded(2), self.small_const())
        self.emit(out, ind, s)

    def call_stmt(self, out, ind):
        r = self.r
        k = r.randrange(3)
        if k == 0 and self.helpers_of("ptr"):
            # adgen refuses &scalar; pass the address of an array element.
            h = r.choice(self.helpers_of("ptr"))
            opts = ["%s[%s]" % (v.name, self.t_index()) for v in self.all_vars("arr")]
            if self.has_y and self.kind != "out":
                opts.append("y[%s]" % self.n_index())
            if not opts:
                return self.assignment(out, ind)
            lv = r.choice(opts)
            self.emit(out, ind, "%s(&%s, %s);" % (h.name, lv, self.any(2)))
        elif k == 1 and self.helpers_of("ref"):
            h = r.choice(self.helpers_of("ref"))
            lv = self.lvalue()
            if self.kind == "out" and lv.startswith("y["):
                lv = self.lvalue_non_y()
            if lv is None:
                return self.assignment(out, ind)
            self.emit(out, ind, "%s(%s, %s);" % (h.name, lv, self.any(2)))
        elif k == 2 and self.helpers_of("warr"):
            h = r.choice(self.helpers_of("warr"))
            targets = []
            if self.has_y and self.kind != "out":
                targets.append(("y", "n"))
            for v in self.all_vars("arr"):
                targets.append((v.name, "4"))
            if not targets:
                return self.assignment(out, ind)
            t, m = r.choice(targets)
            self.emit(out, ind, "%s(%s, %s, %s);" % (h.name, t, m, self.any(2)))
        else:
            self.assignment(out, ind)

    def lvalue_non_y(self):
        opts = [v.name for v in self.all_vars("d")]
        return self.r.choice(opts) if opts else None

    def block(self, out, ind, nstmts):
        self.scopes.append([])
        for _ in range(nstmts):
            if self.budget <= 0:
                break
            self.statement(out, ind)
        self.close_scope(out, ind)

    def close_scope(self, out, ind):
        """Read every local of the closing scope that nothing has read yet."""
        scope = self.scopes.pop()
        acc = self.scopes[0][0] if self.scopes else None  # the function's 's'
        for v in scope:
            if v.used:
                continue
            if acc is None or acc is v:
                continue
            if v.kind == "d":
                self.emit(out, ind, "%s += %s * %s;" % (acc.name, self.small_const(), v.name))
            elif v.kind == "arr":
                self.emit(out, ind, "%s += %s * %s[%d];" % (acc.name, self.small_const(),
                                                         v.name, self.r.randrange(4)))
            elif v.kind == "int":
                self.emit(out, ind, "%s += 0.125 * %s;" % (acc.name, v.name))
            v.used = True

    def ret_value(self):
        acc = self.scopes[0][0]
        return "%s * %s" % (self.use(acc), self.bounded(1)) if self.r.random() < 0.5 \
            else "%s + %s" % (self.use(acc), self.bounded(1))

    def statement(self, out, ind):
        r = self.r
        self.budget -= 1
        k = r.randrange(20)
        in_loop = self.loop_depth > 0
        if k <= 4:
            return self.assignment(out, ind)
        if k <= 6:
            return self.call_stmt(out, ind)
        if k == 7:
            name = self.fresh("w")
            self.emit(out, ind, "double %s = %s;" % (name, self.any(2)))
            self.declare(name, "d")
            return
        if k == 8 and not self.all_vars("arr"):
            name = self.fresh("t")
            self.emit(out, ind, "double %s[4] = {%s, %s, %s, %s};" % (
                name, self.bounded(1), self.any(1), self.bounded_atom(), self.const()))
            self.declare(name, "arr")
            return
        if k == 9 and not self.all_vars("int"):
            name = self.fresh("c")
            self.emit(out, ind, "int %s = 0;" % name)
            self.declare(name, "int")
            return
        if k == 10 and self.all_vars("int"):
            v = r.choice(self.all_vars("int"))
            self.emit(out, ind, "if (%s) ++%s;" % (self.cond(), v.name))
            return
        if k in (11, 12):
            self.emit(out, ind, "if (%s) {" % self.cond())
            self.block(out, ind + 1, r.randint(1, 3))
            if r.random() < 0.6:
                self.emit(out, ind, "} else {")
                self.block(out, ind + 1, r.randint(1, 3))
            self.emit(out, ind, "}")
            return
        if k in (13, 14, 15) and self.loop_depth < 3:
            return self.loop(out, ind)
        if k == 16 and in_loop:
            if r.random() < 0.5 or self.no_continue:
                self.emit(out, ind, "if (%s) break;" % self.cond())
            else:
                self.emit(out, ind, "if (%s) continue;" % self.cond())
            return
        if k == 17 and self.scopes and len(self.scopes) > 1:
            # Early return (only inside some nested block, so code follows).
            if self.ret_double:
                self.emit(out, ind, "if (%s) return %s;" % (self.cond(), self.ret_value()))
            else:
                self.emit(out, ind, "if (%s) return;" % self.cond())
            return
        return self.assignment(out, ind)

    def loop(self, out, ind):
        r = self.r
        i = self.fresh("i")
        k = r.randrange(8)
        body = r.randint(1, 4)
        self.loop_depth += 1
        outer = [c for c in self.counters if c.rng == "n"]
        nc = 0
        if k == 0:
            self.emit(out, ind, "for (int %s = 0; %s < n; ++%s) {" % (i, i, i))
            rng = "n"
        elif k == 1:
            self.emit(out, ind, "for (int %s = n - 1; %s >= 0; --%s) {" % (i, i, i))
            rng = "n"
        elif k == 2:
            self.emit(out, ind, "for (int %s = 1; %s < n; %s += 2) {" % (i, i, i))
            rng = "n"
        elif k == 3 and outer:
            o = r.choice(outer).name
            self.emit(out, ind, "for (int %s = 0; %s <= %s; ++%s) {" % (i, i, o, i))
            rng = "n"
        elif k == 4:
            # while with the increment first, so 'continue' is safe.
            self.emit(out, ind, "int %s = -1;" % i)
            self.emit(out, ind, "while (%s + 1 < n) {" % i)
            self.emit(out, ind + 1, "++%s;" % i)
            rng = "n"
        elif k == 5:
            self.emit(out, ind, "int %s = 0;" % i)
            self.emit(out, ind, "do {")
            rng = "n"
            nc = 1
        elif k == 6:
            # Data-dependent trip count, still bounded by n.
            self.emit(out, ind, "int %s = 0;" % i)
            self.emit(out, ind, "while (%s < n && %s < %s) {" % (
                i, self.condexpr(self.bounded, 2), "1.5"))
            rng = "n"
            nc = 1
        else:
            self.emit(out, ind, "for (int %s = 0; %s < 3; ++%s) {" % (i, i, i))
            rng = "4"
        self.counters.append(Counter(i, rng))
        self.no_continue += nc
        self.block(out, ind + 1, body)
        self.no_continue -= nc
        self.counters.pop()
        if k == 5:
            self.emit(out, ind + 1, "++%s;" % i)
            self.emit(out, ind, "} while (%s < n);" % i)
        elif k == 6:
            self.emit(out, ind + 1, "++%s;" % i)
            self.emit(out, ind, "}")
        else:
            self.emit(out, ind, "}")
        self.loop_depth -= 1

    def generate(self):
        r = self.r
        ret, extra, spec = KINDS[self.kind]
        out = []
        out.append('ADGEN_REVERSE("%s") ADGEN_FORWARD("%s")' % (spec, spec))
        out.append("%s %s(const double* x, int n, double a%s) {" % (ret, self.name, extra))
        self.scopes.append([])
        self.emit(out, 1, "double s = %s;" % r.choice(["a * x[n - 1]", "x[n - 1] - a", "0.5 * a + x[n - 1]"]))
        self.declare("s", "d")
        if self.kind == "out":
            # A pure output: write every element before anything reads it.
            self.emit(out, 1, "for (int i0 = 0; i0 < n; ++i0) {")
            self.counters.append(Counter("i0", "n"))
            self.emit(out, 2, "y[i0] = %s;" % self.bounded(2))
            self.counters.pop()
            self.emit(out, 1, "}")
            self.kind_out_ready = True
        # A loop always, so n is used and the interesting code runs.
        self.loop(out, 1)
        while self.budget > 0:
            self.statement(out, 1)
        # Final uses: s and the outputs.
        if self.kind == "out":
            self.emit(out, 1, "y[n - 1] += %s * s;" % self.small_const())
        self.close_scope_final(out)
        if self.kind == "both":
            self.emit(out, 1, "y[0] -= %s * s;" % self.small_const())
        if self.ret_double:
            self.emit(out, 1, "return %s;" % self.ret_value_final())
        elif self.kind in ("inout",):
            self.emit(out, 1, "y[0] += %s * s;" % self.small_const())
        elif self.kind == "ref":
            self.emit(out, 1, "r += %s * s;" % self.small_const())
        out.append("}")
        text = "\n".join(out)
        # Every parameter must be read (-Wextra).
        return text

    def close_scope_final(self, out):
        scope = self.scopes[0]
        for v in scope[1:]:
            if not v.used:
                if v.kind == "d":
                    self.emit(out, 1, "s += %s * %s;" % (self.small_const(), v.name))
                elif v.kind == "arr":
                    self.emit(out, 1, "s += %s * %s[%d];" % (self.small_const(), v.name,
                                                         self.r.randrange(4)))
                elif v.kind == "int":
                    self.emit(out, 1, "s += 0.125 * %s;" % v.name)
                v.used = True

    def ret_value_final(self):
        return "s * a + %s" % self.bounded(1) if self.r.random() < 0.3 else "s + a * x[n - 1]"


def gen_helpers(r):
    """A few helpers of each kind; their bodies use loops and overwrites too."""
    hs = []
    # scalar helpers: double hK(double u, double v)
    for k in range(2):
        name = "hs%d" % k
        body = pick(r, [
            "  double p = u;\n  for (int k = 0; k < 3; ++k)\n    p = p * std::tanh(v) + 0.25 * std::sin(p);\n  return p;",
            "  double p = u * v;\n  p = std::sqrt(1 + p * p) - 0.5 * u;\n  return p + std::cos(v);",
            "  double q = std::exp(0.5 * std::sin(u));\n  if (u > v)\n    q *= v;\n  else\n    q -= 0.25 * u;\n  return q;",
            "  double p = 0;\n  int k = 0;\n  while (k < 3) {\n    p = 0.5 * p + u * std::cos(v + k);\n    ++k;\n  }\n  return p;",
            "  return u / (1.5 + v * v) + std::log(1 + u * u);",
        ], CLEAN_SCALAR)
        hs.append(Helper(name, "scalar", "double %s(double u, double v) {\n%s\n}" % (name, body)))
    # pointer helper: void hpK(double* p, double v)
    body = pick(r, [
        "  *p = *p * std::tanh(v) + 0.5 * v;",
        "  double old = *p;\n  *p = 0.5 * old + std::sin(v) * old;\n  *p += 0.25 * v;",
        "  for (int k = 0; k < 2; ++k)\n    *p = 0.75 * *p + 0.125 * v * *p;",
    ])
    hs.append(Helper("hp0", "ptr", "void hp0(double* p, double v) {\n%s\n}" % body))
    # reference helper: void hr0(double& r, double v)
    body = pick(r, [
        "  r = r * std::cos(v) + 0.25;",
        "  r += v * v / (1.5 + r * r);",
        "  r *= 0.5 + 0.25 * std::tanh(v);\n  r -= 0.125 * v;",
    ])
    hs.append(Helper("hr0", "ref", "void hr0(double& r, double v) {\n%s\n}" % body))
    # array-reading helper: double ha0(const double* p, int m)
    body = pick(r, [
        "  double acc = 0;\n  for (int k = 0; k < m; ++k)\n    acc = 0.5 * acc + p[k] * p[k];\n  return acc;",
        "  double acc = 1;\n  for (int k = m - 1; k >= 0; --k) {\n    if (p[k] > 0.9)\n      continue;\n    acc *= 0.5 + 0.25 * std::tanh(p[k]);\n  }\n  return acc;",
    ], CLEAN_ARRAY)
    hs.append(Helper("ha0", "arr", "double ha0(const double* p, int m) {\n%s\n}" % body))
    # array-writing helper: void hw0(double* p, int m, double v)
    body = pick(r, [
        "  for (int k = 0; k < m; ++k)\n    p[k] = p[k] * 0.75 + 0.25 * std::sin(v + p[k]);",
        "  for (int k = 1; k < m; ++k)\n    p[k] += 0.5 * p[k - 1] * std::tanh(v);",
        "  double carry = v;\n  for (int k = 0; k < m; ++k) {\n    double old = p[k];\n    p[k] = 0.5 * old + 0.25 * carry;\n    carry = std::tanh(old);\n  }",
    ])
    hs.append(Helper("hw0", "warr", "void hw0(double* p, int m, double v) {\n%s\n}" % body))
    return hs


def generate(seed, count, kinds=None, max_stmts=None):
    r = random.Random(seed)
    helpers = gen_helpers(r)
    kinds = kinds or list(KINDS)
    out = ["// Generated by test/fuzz/gen.py %d %d. Do not edit." % (seed, count),
           "#include <adgen/adgen.h>", "#include <cmath>", ""]
    for h in helpers:
        out.append(h.text)
        out.append("")
    for f in range(count):
        kind = r.choice(kinds)
        fg = FunctionGen(r, helpers, kind, "f%d" % f,
                         max_stmts if max_stmts else r.randint(4, 12))
        out.append(fg.generate())
        out.append("")
    return "\n".join(out)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: gen.py SEED COUNT [--kinds=ret,inout,both,out,ref] [--stmts=N] [--avoid=cond-call]\n")
        return 2
    kinds = None
    stmts = None
    for a in argv[3:]:
        if a.startswith("--kinds="):
            kinds = a[len("--kinds="):].split(",")
        elif a.startswith("--avoid="):
            AVOID.update(a[len("--avoid="):].split(","))
        elif a.startswith("--stmts="):
            stmts = int(a[len("--stmts="):])
    sys.stdout.write(generate(int(argv[1]), int(argv[2]), kinds, stmts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
