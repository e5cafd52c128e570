#!/usr/bin/env python3
"""Random-program generator for adgen (differential fuzzing).

Usage: gen.py SEED COUNT [--structs] [--calls] [--hessian] [--kinds=K1,K2,...] [--stmts=N] [--avoid=WHAT,...]

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

With --structs (opt-in; without it the output is unchanged) the interface
stays the same but the bodies also use structs: locals of two struct types
(V2 {x, y} with const and non-const methods; Box with a nested V2, an array
field and an int field), local arrays of them, aggregate initialisation,
whole-struct copies and assignments, field writes, helpers taking structs by
value, const&, & and pointer and returning structs, range-for over local
arrays, and small lambdas -- overwritten inside the same loops, branches,
break/continue and early returns.  See StructFunctionGen.

Assumptions: the checker gives int parameters the value 4 (n >= 4 is
assumed only for literal indices x[0], x[1], x[n - 1]; all other indices
are derived from loop counters bounded by n).

Python 3 standard library only; the same arguments always give the same file.
"""
import random
import re
import sys

# Signature kinds: (return type, extra parameters, spec).
KINDS = {
    "ret": ("double", "", "x[n], a -> return"),
    "inout": ("void", ", double* y", "x[n], a, y[n] -> y[n]"),
    "both": ("double", ", double* y", "x[n], a, y[n] -> return, y[n]"),
    "out": ("void", ", double* y", "x[n], a -> y[n]"),
    "ref": ("void", ", double& r", "x[n], a, r -> r"),
}

# Struct parameters (--structs only): an in-out V2&, a const Box& input, a
# V2 by value that the body may overwrite.
STRUCT_KINDS = {
    "v2ref": ("void", ", V2& p", "x[n], a, p -> p"),
    "boxc": ("double", ", const Box& b", "x[n], a, b -> return"),
    "v2val": ("double", ", V2 p", "x[n], a, p -> return"),
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

# --calls: call-heavy programs in the shapes that found reverse-mode and
# naming bugs outside the project (see gen_call_helpers).
CALLS = False
# --hessian: functions of kind "ret" are also marked ADGEN_HESSIAN("x[n], a"),
# so --emit=check compares f_hessian with differences of the gradient (forward
# over reverse, through everything the bodies use). Implies
# --avoid=containers (f_hessian refuses std::vector / std::array).
HESSIAN = False

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
        self.ret_double = ALL_KINDS[kind][0] == "double"
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

    def bounded(self, depth, k=None):
        """An expression whose magnitude stays below ~2 whatever the variables hold."""
        r = self.r
        if k is None:
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
            return "(%s > %s%s ? %s : %s)" % (self.condexpr(self.any, d),
                                               self.condexpr(self.bounded, d), self.offset(),
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
            return "%s * std::tanh(%s)" % (self.unbounded_atom(), self.bounded(d))
        if k == 1:
            return "(%s + %s)" % (self.unbounded_atom(), self.bounded(d))
        if k == 2:
            return "(%s - %s * %s)" % (self.bounded(d), self.small_const(), self.unbounded_atom())
        if k == 3:
            return "std::sqrt(1 + %s * %s)" % ((self.unbounded_atom(),) * 2)
        if k == 4 and self.helpers_of("scalar"):
            h = r.choice(self.helpers_of("scalar"))
            return "%s(%s, %s)" % (h.name, self.any(d), self.bounded(d))
        if k == 4 and CALLS and r.random() < 0.5:
            return "hx::%s(%s, %s)" % (r.choice(["hd0", "hv0"]), self.any(d), self.bounded(d))
        if k == 5 and self.helpers_of("arr"):
            h = r.choice(self.helpers_of("arr"))
            src = r.choice(["x", "local"]) if self.all_vars("arr") else "x"
            if src == "x":
                return "%s(x, n)" % h.name
            v = r.choice(self.all_vars("arr"))
            return "%s(%s, 4)" % (h.name, self.use(v))
        return self.bounded(d)

    def multiplier(self, k=None):
        """A factor in roughly [0.4, 1.3] for *=."""
        r = self.r
        if k is None:
            k = r.randrange(5)
        if k == 0:
            return "(0.5 + 0.25 * x[%s])" % self.n_index()
        if k == 1:
            # cos of a saturated value: v * m(v) must contract in v too, and
            # v * 0.25 * sin(v) (from cos(sqrt(1 + v * v))) grows with v --
            # seed 50586's s reached ~50 and its derivative grew like 12^16.
            return "(0.75 + 0.25 * std::cos(std::tanh(%s)))" % self.any(1)
        if k == 2:
            return "std::exp(-0.125 * %s * %s)" % ((self.bounded(1),) * 2)
        if k == 3:
            return "(0.875 + 0.125 * std::tanh(%s))" % self.any(1)
        return "(0.5 + 0.25 * a)"

    def cond(self):
        return self.condexpr(self.cond_)

    def offset(self):
        """Added to the right of a comparison of two expressions. Without it,
        'v > tanh(v)' or 'tanh(v) > sin(v)' compare things equal to first order
        at 0, and a v that contracts towards 0 takes the branch by rounding
        (seed 10123: s ~ -1e-13, finite differences jumped by 6e5)."""
        return " + " + self.r.choice(["0.0625", "0.125", "0.1875"])

    def cond_(self):
        r = self.r
        k = r.randrange(5)
        cs = self.counters
        if k == 0 and cs:
            c = r.choice(cs).name
            return r.choice(["%s %% 2 == 0" % c, "%s == 2" % c, "%s > 1" % c])
        if k == 1:
            return "%s > %s%s" % (self.any(2), self.bounded(1), self.offset())
        if k == 2:
            return "%s < %s" % (self.bounded(2), self.const())
        ints = self.all_vars("int")
        if k == 3 and ints:
            return "%s > 1" % self.use(r.choice(ints))
        return "%s > %s%s" % (self.bounded(2), self.bounded(1), self.offset())

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
            s = "%s = 0.5 * %s - 0.25 * %s;" % (lv, self.any(2), lv)
        elif k == 2:
            # Increments stay bounded (s += s in a loop grows like 2^trips).
            s = "%s += %s;" % (lv, self.bounded(2))
        elif k == 3:
            s = "%s -= %s * std::tanh(%s);" % (lv, self.small_const(), self.any(2))
        elif k == 4:
            s = "%s *= %s;" % (lv, self.multiplier())
        elif k == 5:
            u = self.any(1)
            s = "%s /= (1.5 + %s * %s);" % (lv, u, u)
        elif k == 6:
            s = "%s = %s;" % (lv, self.bounded(3))
        elif k == 7:
            s = "%s = std::tanh(%s) + 0.5 * %s * std::tanh(%s);" % (lv, lv, lv, self.bounded(1))
        elif k == 8:
            s = "%s = 0.5 * %s;" % (lv, self.any(3))
        else:
            s = "%s = %s * 0.5 * %s + %s;" % (lv, lv, self.bounded(2), self.small_const())
        self.emit(out, ind, s)

    def call_stmt(self, out, ind):
        r = self.r
        if CALLS and r.random() < 0.6:
            return self.hx_call_stmt(out, ind)
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

    def hx_lvalue(self):
        """A double lvalue for a helper's double& (a, the by-value parameter, too)."""
        lv = self.lvalue()
        if self.kind == "out" and lv.startswith("y["):
            lv = self.lvalue_non_y() or "a"
        return "a" if self.r.random() < 0.3 else lv

    def hx_call_stmt(self, out, ind):
        """A call of a namespaced helper (--calls)."""
        r = self.r
        k = r.randrange(5)
        if k == 0:
            self.emit(out, ind, "hx::ho0(%s, %s);" % (self.any(2), self.hx_lvalue()))
        elif k == 1:
            # The result discarded: only the effect on the argument counts.
            self.emit(out, ind, "hx::hc0(%s, %s);" % (self.hx_lvalue(), self.bounded(2)))
        elif k == 2:
            self.emit(out, ind, "a = hx::hv0(a, %s);" % self.bounded(2))
        else:
            # A local named after a helper (calls stay qualified, so it shadows nothing).
            taken = {v.name for sc in self.scopes for v in sc}
            names = [h for h in ("hd0", "hd1", "hc0", "hv0", "ho0") if h not in taken]
            name = r.choice(names) if names else self.fresh("w")
            call = "hx::hd0" if k == 3 else "hx::hd1"
            self.emit(out, ind, "double %s = %s(%s, %s);" % (name, call, self.any(2), self.bounded(1)))
            self.declare(name, "d")

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
            # Through tanh: a local may hold s itself (w = s), and s += c * w
            # in a loop grows like (1 + c)^trips (seed 60774).
            if v.kind == "d":
                self.emit(out, ind, "%s += %s * std::tanh(%s);" % (acc.name, self.small_const(), v.name))
            elif v.kind == "arr":
                self.emit(out, ind, "%s += %s * std::tanh(%s[%d]);" % (acc.name, self.small_const(),
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
        body = self.loop_body()
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
        ret, extra, spec = ALL_KINDS[self.kind]
        out = []
        if HESSIAN and self.kind == "ret":
            out.append('ADGEN_HESSIAN("x[n], a")')
        out.append('ADGEN_REVERSE("%s") ADGEN_FORWARD("%s")' % (spec, spec))
        out.append("%s %s(const double* x, int n, double a%s) {" % (ret, self.name, extra))
        self.scopes.append([])
        self.emit(out, 1, "double s = %s;" % r.choice(["a * x[n - 1]", "x[n - 1] - a", "0.5 * a + x[n - 1]"]))
        self.declare("s", "d")
        self.declare_params()
        if self.kind == "out":
            # A pure output: write every element before anything reads it.
            self.emit(out, 1, "for (int i0 = 0; i0 < n; ++i0) {")
            self.counters.append(Counter("i0", "n"))
            self.emit(out, 2, "y[i0] = %s;" % self.out_init())
            self.counters.pop()
            self.emit(out, 1, "}")
            self.kind_out_ready = True
        self.prologue(out)
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
        elif self.kind == "v2ref":
            self.emit(out, 1, "p.x += %s * s;" % self.small_const())
        out.append("}")
        text = "\n".join(out)
        # Every parameter must be read (-Wextra).
        return text

    def declare_params(self):
        """Struct parameters as variables of the body (see STRUCT_KINDS)."""
        if self.kind in ("v2ref", "v2val"):
            self.declare("p", "v2")
        elif self.kind == "boxc":
            self.declare("b", "cbox")

    def prologue(self, out):
        """Declarations before the first loop (none here; see StructFunctionGen)."""

    def loop_body(self):
        return self.r.randint(1, 4)

    def out_init(self):
        """The first value of a pure output element y[i0]."""
        return self.bounded(2)

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
            "  double p = u;\n  for (int k = 0; k < 3; ++k)\n    p = 0.75 * p * std::tanh(v) + 0.25 * std::sin(p);\n  return p;",
            "  double p = u * std::tanh(v);\n  p = 0.5 * std::sqrt(1 + p * p) - 0.25 * u;\n  return p + std::cos(v);",
            "  double q = std::exp(0.5 * std::sin(u));\n  if (u > v)\n    q *= v;\n  else\n    q -= 0.25 * u;\n  return q;",
            "  double p = 0;\n  int k = 0;\n  while (k < 3) {\n    p = 0.5 * p + 0.5 * u * std::cos(v + k);\n    ++k;\n  }\n  return p;",
            "  return u / (1.5 + v * v) + std::log(1 + u * u);",
        ], CLEAN_SCALAR)
        hs.append(Helper(name, "scalar", "double %s(double u, double v) {\n%s\n}" % (name, body)))
    # pointer helper: void hpK(double* p, double v)
    body = pick(r, [
        "  *p = *p * std::tanh(v) + 0.5 * v;",
        "  double old = *p;\n  *p = 0.5 * old + 0.25 * std::sin(v) * old;\n  *p += 0.25 * v;",
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
        "  double acc = 0;\n  for (int k = 0; k < m; ++k)\n    acc = 0.5 * acc + p[k] * std::tanh(p[k]);\n  return acc;",
        "  double acc = 1;\n  for (int k = m - 1; k >= 0; --k) {\n    if (p[k] > 0.9)\n      continue;\n    acc *= 0.5 + 0.25 * std::tanh(p[k]);\n  }\n  return acc;",
    ], CLEAN_ARRAY)
    hs.append(Helper("ha0", "arr", "double ha0(const double* p, int m) {\n%s\n}" % body))
    # array-writing helper: void hw0(double* p, int m, double v)
    body = pick(r, [
        "  for (int k = 0; k < m; ++k)\n    p[k] = p[k] * 0.75 + 0.25 * std::sin(v + p[k]);",
        "  for (int k = 1; k < m; ++k)\n    p[k] = 0.5 * p[k] + 0.5 * p[k - 1] * std::tanh(v);",
        "  double carry = v;\n  for (int k = 0; k < m; ++k) {\n    double old = p[k];\n    p[k] = 0.5 * old + 0.25 * carry;\n    carry = std::tanh(old);\n  }",
    ])
    hs.append(Helper("hw0", "warr", "void hw0(double* p, int m, double v) {\n%s\n}" % body))
    return hs


# ----- call mode (--calls) ----------------------------------------------------
#
# Helpers in a namespace, called qualified (so locals may take their names):
# out-parameters (double&) the marked function feeds with its own inputs,
# including its by-value parameter a; helpers that write a reference and
# return a value the caller may discard; by-value parameters the helper
# overwrites; a chain three calls deep; an int global the helpers count
# calls in. Every update contracts, so values stay bounded.
CALL_HELPERS = [
    ("ho0", "out", "void ho0(double w, double& out)", [
        "  out = out * std::tanh(w) + 0.25 * std::sin(w);",
        "  out = 0.5 * std::tanh(w) + 0.25 * w;\n  ++calls;",
        "  double t = out;\n  if (t > w)\n    out = 0.5 * t;\n  else\n    out = 0.25 * w + 0.5 * t;",
    ]),
    ("hc0", "cret", "double hc0(double& u, double v)", [
        "  u = 0.5 * u + 0.25 * std::tanh(v);\n  return u * std::tanh(v);",
        "  double old = u;\n  u = std::tanh(old) * 0.5 + 0.25 * v;\n  ++calls;\n  return old - u;",
    ]),
    ("hv0", "val", "double hv0(double u, double v)", [
        "  u = 0.5 * u + 0.25 * std::tanh(v);\n  v *= 0.5;\n  return u * std::tanh(v) + v;",
        "  for (int k = 0; k < 2; ++k) {\n    u = 0.75 * u * std::cos(v);\n    v = std::tanh(u + v);\n  }\n  return u + 0.5 * v;",
    ]),
    ("hd1", "chain1", "double hd1(double u, double v)", [
        "  double t = 0.5 * u;\n  ho0(v, t);\n  double r = hc0(t, u);\n  return 0.5 * r + 0.25 * t;",
        "  double t = hv0(v, u);\n  hc0(t, v);\n  return 0.5 * t + 0.25 * std::tanh(hs0(t, v));",
    ]),
    ("hd0", "chain", "double hd0(double u, double v)", [
        "  double q = hd1(u, v);\n  hc0(q, v);\n  return 0.5 * q + 0.25 * hv0(u, q);",
        "  double q = u;\n  for (int k = 0; k < 2; ++k)\n    ho0(hd1(q, v), q);\n  return q;",
    ]),
]


def gen_call_helpers(r):
    text = ["namespace hx {", "int calls = 0;", ""]
    hs = []
    for name, kind, sig, bodies in CALL_HELPERS:
        text.append("%s {\n%s\n}\n" % (sig, r.choice(bodies)))
        hs.append(Helper(name, kind, ""))
    text.append("}  // namespace hx")
    return "\n".join(text), hs


# ----- struct mode (--structs) ------------------------------------------------
#
# The interface stays scalar/array (the KINDS above, what --emit=check
# supports); the bodies use struct locals of two types, V2 {x, y} with
# methods and Box {V2 p; double w; double c[4]; int id;} (a nested struct,
# an array field, an int field), local arrays of both, aggregate
# initialisation, whole-struct copies and assignments, field writes and
# compound assignments, helpers taking structs by value / const& / pointer
# and returning structs or writing them through references, const and
# non-const member functions, range-for over local arrays, and small lambdas
# (by-reference, by-copy and init captures, mutable, generic, immediately
# invoked) -- all overwritten inside loops with branches, break and continue.
# Values stay bounded as in the scalar generator: the methods and helpers
# mix their arguments with weights below one plus bounded terms, dot products
# appear only inside tanh/sin, and len() is sqrt(1 + x*x + y*y).

# Struct constructs left out with --avoid=NAME,... in struct mode:
#   lambdas      every lambda
#   range-for    range-based for loops
#   struct-ret   helpers and methods returning structs (sv0, sb0, rot)
#   struct-arr   local arrays of structs (and helpers taking V2*)
#   containers   local std::vector<double>(n) and std::array<double, 4>
#   field-ref    scalar fields (v.x, b.p.y, b.w) passed to a helper's double&
#                parameter (hr0(v.x, u)) -- adgen crashes in reverse mode
STRUCT_TYPES = """struct V2 {
  double x, y;
  double dot(const V2& o) const { return x * o.x + y * o.y; }
  double len() const {
%s
  }
  V2 rot(double t) const {
%s
  }
  void scale(double s) {
%s
  }
};

struct Box {
  V2 p;
  double w;
  double c[4];
  int id;
  double sum() const {
%s
  }
  void push(double u) {
%s
  }
};"""

V2_LEN = [
    "    return std::sqrt(1 + x * x + y * y);",
    "    return std::sqrt(1 + dot(*this));",
    "    double q = x * x;\n    q += y * y;\n    return std::sqrt(1 + q);",
]
V2_ROT = [
    "    double c = std::cos(t), s = std::sin(t);\n    return V2{c * x - s * y, s * x + c * y};",
    "    V2 r = *this;\n    r.x = std::cos(t) * x - std::sin(t) * y;\n    r.y = std::sin(t) * x + std::cos(t) * y;\n    return r;",
    "    V2 r{0.75 * y, 0.75 * x};\n    r.x += 0.25 * std::sin(t);\n    return r;",
]
V2_SCALE = [
    "    x *= s;\n    y *= s;",
    "    this->x = this->x * s;\n    y = s * y;",
    "    double old = x;\n    x = s * y;\n    y = s * old;",
]
BOX_SUM = [
    "    double t = w;\n    for (int k = 0; k < 4; ++k)\n      t += 0.25 * c[k];\n    return t + 0.5 * p.len();",
    "    double t = 0.5 * p.x;\n    for (int k = 3; k >= 0; --k) {\n      if (c[k] > 1.1)\n        continue;\n      t = 0.5 * t + c[k];\n    }\n    return t + w;",
]
BOX_PUSH = [
    "    for (int k = 3; k > 0; --k)\n      c[k] = c[k - 1];\n    c[0] = 0.5 * u + 0.25 * w;\n    w = 0.75 * w + 0.25 * std::tanh(u);\n    ++id;",
    "    for (int k = 0; k < 4; ++k) {\n      if (c[k] > 1.0)\n        continue;\n      c[k] = 0.5 * c[k] + 0.25 * u;\n    }\n    p.scale(0.75);\n    w += 0.125 * u;",
    "    double carry = u;\n    for (int k = 0; k < 4; ++k) {\n      double old = c[k];\n      c[k] = 0.5 * old + 0.25 * carry;\n      carry = std::tanh(old);\n    }\n    p.x = 0.5 * p.x + 0.25 * carry;",
]

# Struct helpers: (name, kind, signature, bodies).
STRUCT_HELPERS = [
    ("sv0", "sv", "V2 sv0(V2 a, const V2& b)", [
        "  return V2{0.5 * a.x + 0.5 * b.y, 0.75 * a.y + 0.25 * std::tanh(b.x)};",
        "  V2 r = a;\n  r.x = 0.5 * r.x + 0.5 * b.x;\n  r.y = r.y * std::tanh(b.y) + 0.25;\n  return r;",
        "  V2 r{};\n  for (int k = 0; k < 2; ++k) {\n    r.x = 0.5 * r.x + 0.5 * a.y * std::cos(std::tanh(b.x) + k);\n    r.y = 0.5 * r.y + 0.25 * (a.x + b.y);\n  }\n  return r;",
        "  if (a.x > b.x)\n    return V2{a.x, 0.5 * (a.y + b.y)};\n  a.x = 0.5 * (a.x + b.x);\n  return a;",
    ]),
    ("sd0", "sd", "double sd0(const V2& v, double u)", [
        "  return v.x * std::tanh(u) + 0.25 * std::tanh(v.y);",
        "  return 0.5 * v.len() + v.y * std::cos(u);",
        "  double t = v.x;\n  for (int k = 0; k < 2; ++k)\n    t = 0.5 * t + 0.25 * v.y * std::sin(std::tanh(u) + k);\n  return t;",
    ]),
    ("sw0", "sw", "void sw0(V2& o, double u)", [
        "  o.x = 0.5 * o.x + 0.25 * std::tanh(u);\n  o.y = o.y * std::tanh(u) + 0.125 * o.x;",
        "  V2 old = o;\n  o.x = 0.75 * old.y + 0.25 * u;\n  o.y = 0.75 * old.x - 0.125 * u;",
        "  o = sv0(o, V2{u, 0.5 * u});",
        "  o.scale(0.5 + 0.25 * std::tanh(u));\n  o.x += 0.125 * u;",
    ]),
    ("sq0", "sq", "double sq0(const V2* q, int m)", [
        "  double acc = 0;\n  for (int k = 0; k < m; ++k)\n    acc = 0.5 * acc + q[k].x * std::tanh(q[k].y);\n  return acc;",
        "  V2 acc{};\n  for (int k = 0; k < m; ++k)\n    acc = sv0(acc, q[k]);\n  return acc.x + 0.5 * acc.y;",
    ]),
    ("sqw0", "sqw", "void sqw0(V2* q, int m, double u)", [
        "  for (int k = 1; k < m; ++k)\n    q[k].x += 0.5 * q[k - 1].y * std::tanh(u);",
        "  for (int k = 0; k < m; ++k) {\n    V2 old = q[k];\n    q[k].x = 0.75 * old.y + 0.25 * u;\n    q[k].y = 0.5 * old.x;\n  }",
        "  V2 carry{u, 0.5};\n  for (int k = 0; k < m; ++k) {\n    V2 old = q[k];\n    q[k] = sv0(old, carry);\n    carry = old;\n  }",
    ]),
    ("sb0", "sb", "Box sb0(Box b, double u)", [
        "  b.w = 0.5 * b.w + 0.25 * u;\n  for (int k = 0; k < 4; ++k)\n    b.c[k] = 0.75 * b.c[k] + 0.125 * std::sin(std::tanh(u) + k);\n  b.p.x += 0.25 * b.c[0];\n  return b;",
        # Not 'Box r = b; r.push(u); ...': g++ 12.2 -O1 miscompiles that when
        # sbw0 (Box&) calls sb0 in a loop (the primal itself goes wrong).
        "  Box r = b;\n  r.w = 0.5 * r.w + 0.25 * std::tanh(u);\n  r.p = sv0(r.p, b.p);\n  return r;",
    ]),
    ("sbw0", "sbw", "void sbw0(Box& b, double u)", [
        "  for (int k = 0; k < 4; ++k) {\n    if (b.c[k] > 1.0)\n      break;\n    b.c[k] += 0.25 * u * std::cos(std::tanh(b.w));\n  }\n  b.p.y = 0.5 * b.p.y + 0.25 * b.c[3];",
        "  sw0(b.p, u);\n  b.w = 0.5 * b.w + 0.25 * b.p.x;",
        "  b = sb0(b, 0.5 * u);",
    ]),
]


# The scalar helpers' bodies with sin, cos and exp(sin) of values that loops
# may let grow saturated first (struct mode only; see StructFunctionGen.bounded).
SATURATE = [
    ("0.25 * std::sin(p);", "0.25 * std::sin(std::tanh(p));"),
    ("std::exp(0.5 * std::sin(u))", "std::exp(0.5 * std::tanh(u))"),
    ("0.25 * std::sin(u * v)", "0.25 * std::sin(std::tanh(u) * v)"),
    ("std::sin(v) * old", "std::tanh(v) * old"),
    ("r * std::cos(v) + 0.25", "r * std::cos(std::tanh(v)) + 0.25"),
    ("std::sin(v + p[k])", "std::sin(std::tanh(v + p[k]))"),
]


def saturate(text):
    for a, b in SATURATE:
        text = text.replace(a, b)
    return text


def gen_struct_types(r):
    return STRUCT_TYPES % (r.choice(V2_LEN), r.choice(V2_ROT), r.choice(V2_SCALE),
                           r.choice(BOX_SUM), r.choice(BOX_PUSH))


def gen_struct_helpers(r):
    hs = []
    for name, kind, sig, bodies in STRUCT_HELPERS:
        body = r.choice(bodies)
        if "struct-ret" in AVOID and ("sv0(" in body or "sb0(" in body):
            body = bodies[0]
        hs.append(Helper(name, kind, "%s {\n%s\n}" % (sig, body)))
    return hs


V2_KINDS = ("v2", "cv2")         # a V2 variable (cv2: const V2&)
BOX_KINDS = ("box", "cbox")      # a Box variable (cbox: const Box&)
LAMBDA_KINDS = ("lam_d", "lam_v", "lam_s", "lam_g")


class StructFunctionGen(FunctionGen):
    """FunctionGen whose bodies also use structs, methods and lambdas."""

    def __init__(self, *args, **kw):
        FunctionGen.__init__(self, *args, **kw)
        self.nest = 0  # depth of calls/lambdas being generated inside expressions
        self.for_ref = False  # the lvalue is for a helper's double& parameter

    # ----- struct objects -----------------------------------------------------
    def vars_of(self, kinds):
        return [v for s in self.scopes for v in s if v.kind in kinds]

    def v2_objects(self, mutable):
        """Thunks giving V2 lvalues; reading ones mark their variable used."""
        def mk(v, fmt):
            def f():
                if not mutable:
                    self.use(v)
                return fmt(v)
            return f
        opts = []
        for v in self.vars_of(("v2",) if mutable else V2_KINDS):
            opts.append(mk(v, lambda v: v.name))
        for v in self.all_vars("v2arr"):
            opts.append(mk(v, lambda v: "%s[%s]" % (v.name, self.t_index())))
        for v in self.vars_of(("box",) if mutable else BOX_KINDS):
            opts.append(mk(v, lambda v: v.name + ".p"))
        for v in self.all_vars("boxarr"):
            opts.append(mk(v, lambda v: "%s[%s].p" % (v.name, self.t_index())))
        return opts

    def box_objects(self, mutable):
        def mk(v, fmt):
            def f():
                if not mutable:
                    self.use(v)
                return fmt(v)
            return f
        opts = []
        for v in self.vars_of(("box",) if mutable else BOX_KINDS):
            opts.append(mk(v, lambda v: v.name))
        for v in self.all_vars("boxarr"):
            opts.append(mk(v, lambda v: "%s[%s]" % (v.name, self.t_index())))
        return opts

    def field_of_v2(self, obj):
        return obj + self.r.choice([".x", ".y"])

    def field_of_box(self, obj):
        r = self.r
        k = r.randrange(4)
        if k == 0:
            return obj + ".w"
        if k == 1:
            return "%s.c[%s]" % (obj, self.t_index())
        return obj + r.choice([".p.x", ".p.y"])

    def field_lvalues(self):
        opts = [lambda o=o: self.field_of_v2(o()) for o in self.v2_objects(True)]
        opts += [lambda o=o: self.field_of_box(o()) for o in self.box_objects(True)]
        return opts + self.container_elements()

    def container_elements(self):
        """Thunks naming an element of a local std::vector (length n) or std::array."""
        opts = [lambda v=v: "%s[%s]" % (v.name, self.n_index()) for v in self.all_vars("vec")]
        opts += [lambda v=v: "%s[%s]" % (v.name, self.t_index()) for v in self.all_vars("sarr")]
        return opts

    def shelper(self, kind):
        hs = self.helpers_of(kind)
        return hs[0].name if hs else None

    # ----- expressions --------------------------------------------------------
    def v2_rvalue(self, depth=1):
        """A V2-valued expression of moderate size."""
        r = self.r
        objs = self.v2_objects(False)
        k = r.randrange(7)
        ret_ok = "struct-ret" not in AVOID and self.nest < 2
        if objs and (k <= 2 or depth <= 0):
            return r.choice(objs)()
        if k == 3 and ret_ok and self.shelper("sv"):
            self.nest += 1
            try:
                return "%s(%s, %s)" % (self.shelper("sv"), self.v2_rvalue(depth - 1),
                                       self.v2_rvalue(depth - 1))
            finally:
                self.nest -= 1
        if k == 4 and ret_ok and objs:
            return "%s.rot(%s)" % (r.choice(objs)(), self.bounded(1))
        if k == 5:
            return "V2{%s, %s}" % (self.any(1), self.bounded(1))
        return "V2{%s, %s}" % (self.bounded(1), self.any(1))

    def box_rvalue(self, depth=1):
        r = self.r
        objs = self.box_objects(False)
        k = r.randrange(4)
        if objs and (k <= 1 or depth <= 0):
            return r.choice(objs)()
        if k == 2 and objs and "struct-ret" not in AVOID and self.nest < 2 and self.shelper("sb"):
            self.nest += 1
            try:
                return "%s(%s, %s)" % (self.shelper("sb"), self.box_rvalue(depth - 1), self.bounded(1))
            finally:
                self.nest -= 1
        return self.box_init()

    def box_init(self):
        r = self.r
        objs = self.v2_objects(False)
        if objs and r.random() < 0.3:
            p = r.choice(objs)()
        else:
            p = "{%s, %s}" % (self.bounded(1), self.any(1))
        c = [self.bounded_atom() for _ in range(r.randint(0, 4))]
        return "Box{%s, %s, {%s}, %d}" % (p, self.bounded(1), ", ".join(c), r.randrange(3))

    def struct_atoms(self):
        """Thunks for moderate double expressions built from structs."""
        r = self.r
        opts = []
        rd = self.v2_objects(False)
        rb = self.box_objects(False)
        for o in rd:
            opts.append(lambda o=o: self.field_of_v2(o()))
        for o in rb:
            opts.append(lambda o=o: self.field_of_box(o()))
        for e in self.container_elements():
            opts.append(lambda e=e: self.use_containers(e()))
        if self.nest >= 2:
            return opts
        calls = []
        for o in rd:
            calls.append(lambda o=o: o() + ".len()")
        for o in rb:
            calls.append(lambda o=o: o() + ".sum()")
            calls.append(lambda o=o: "%s(%s.c, 4)" % (self.shelper("arr") or "ha0", o()))
        if rd and self.shelper("sd"):
            calls.append(lambda: "%s(%s, %s)" % (self.shelper("sd"), self.v2_rvalue(1), self.bounded(1)))
        if rd and self.shelper("sv") and "struct-ret" not in AVOID:
            calls.append(lambda: "%s(%s, %s)%s" % (self.shelper("sv"), self.v2_rvalue(0),
                                                   self.v2_rvalue(0), r.choice([".x", ".y"])))
        for v in self.all_vars("vec"):
            calls.append(lambda v=v: "ha0(%s.data(), n)" % self.use(v))
        for v in self.all_vars("sarr"):
            calls.append(lambda v=v: "ha0(%s.data(), %s)" % (self.use(v), r.choice(["4", "%s.size()" % v.name])))
        if self.all_vars("v2arr") and self.shelper("sq"):
            calls.append(lambda: "%s(%s, 4)" % (self.shelper("sq"), self.use(r.choice(self.all_vars("v2arr")))))
        if "lambdas" not in AVOID:
            for v in self.all_vars("lam_d"):
                calls.append(lambda v=v: "%s(%s)" % (self.use(v), self.any(1)))
            for v in self.all_vars("lam_g"):
                calls.append(lambda v=v: "%s(%s, %s)" % (self.use(v), self.any(1), self.bounded(1)))
            for v in self.all_vars("lam_s"):
                calls.append(lambda v=v: "%s(%s)" % (self.use(v), self.v2_rvalue(1)))
            if rd:
                calls.append(lambda: "[&](double z) { return z * %s; }(%s)" % (
                    self.field_of_v2(r.choice(rd)()), self.bounded(1)))
        if self.in_cond and "cond-call" in AVOID:
            calls = []

        def wrap(f):
            def g():
                self.nest += 1
                try:
                    return f()
                finally:
                    self.nest -= 1
            return g
        return opts + [wrap(f) for f in calls]

    def unbounded_atom(self):
        opts = self.struct_atoms()
        if opts and self.r.random() < 0.5:
            return self.r.choice(opts)()
        return FunctionGen.unbounded_atom(self)

    def bounded(self, depth):
        r = self.r
        rd = self.v2_objects(False)
        if rd and self.nest < 2 and r.random() < 0.1:
            self.nest += 1
            try:
                a, b = self.v2_rvalue(0), self.v2_rvalue(0)
                if r.random() < 0.5:
                    return "std::tanh(%s.dot(%s))" % (a, b)
                return "std::sin(std::tanh(0.25 * %s.dot(%s)))" % (a, b)
            finally:
                self.nest -= 1
        # FunctionGen.bounded, but sin and exp(sin) of unbounded values
        # saturate first: when loops let values grow, sin(big) makes central
        # differences meaningless.
        if depth <= 0 or r.random() < 0.25:
            return self.bounded_atom()
        k = r.randrange(14)
        if k == 4:
            return "std::exp(%s * std::tanh(%s))" % (self.small_const(), self.any(depth - 1))
        if k >= 13:
            return "std::sin(%s * std::tanh(%s))" % (self.small_const(), self.any(depth - 1))
        return FunctionGen.bounded(self, depth, k)

    def cond_(self):
        r = self.r
        bs = self.box_objects(False)
        if bs and r.random() < 0.15:
            return r.choice(["%s.id > 1", "%s.id %% 2 == 0"]) % r.choice(bs)()
        return FunctionGen.cond_(self)

    def ref_field_lvalues(self):
        """Field lvalues that may bind to a helper's double& parameter."""
        if "field-ref" not in AVOID:
            return self.field_lvalues()
        return [lambda o=o: "%s.c[%s]" % (o(), self.t_index()) for o in self.box_objects(True)]

    def lvalue(self):
        f = self.ref_field_lvalues() if self.for_ref else self.field_lvalues()
        if f and self.r.random() < 0.6:
            return self.r.choice(f)()
        return FunctionGen.lvalue(self)

    def call_stmt(self, out, ind):
        self.for_ref = True
        try:
            return FunctionGen.call_stmt(self, out, ind)
        finally:
            self.for_ref = False

    # ----- statements ---------------------------------------------------------
    def statement(self, out, ind):
        if self.r.random() < 0.45:
            self.budget -= 1
            return self.struct_statement(out, ind)
        return FunctionGen.statement(self, out, ind)

    def struct_statement(self, out, ind):
        r = self.r
        mv2 = self.v2_objects(True)
        mbox = self.box_objects(True)
        opts = []
        if len(self.all_vars("v2")) < 3:
            opts += [self.decl_v2] * 2
        if not self.all_vars("v2arr") and "struct-arr" not in AVOID:
            opts.append(self.decl_v2arr)
        if len(self.all_vars("box")) < 2:
            opts.append(self.decl_box)
        if not self.all_vars("boxarr") and "struct-arr" not in AVOID and r.random() < 0.5:
            opts.append(self.decl_boxarr)
        if mv2:
            opts += [self.assign_v2] * 3
        if mbox:
            opts += [self.assign_box]
        if self.field_lvalues():
            opts += [self.assignment] * 3
        if mv2 or mbox:
            opts += [self.method_stmt] * 2 + [self.helper_stmt] * 2
        if self.loop_depth > 0:
            opts.append(self.jump)
        if self.loop_depth < 3:
            opts += [self.loop] * 2
            if "range-for" not in AVOID and (self.all_vars("v2arr") or self.all_vars("boxarr")
                                             or self.all_vars("arr")):
                opts += [self.range_for] * 2
        if "lambdas" not in AVOID:
            if len(self.vars_of(LAMBDA_KINDS)) < 2 and (mv2 or mbox):
                opts.append(self.decl_lambda)
            if self.all_vars("lam_v"):
                opts.append(self.call_lambda)
        if mbox:
            opts.append(self.int_field)
        if not opts:
            return self.decl_v2(out, ind)
        return r.choice(opts)(out, ind)

    def decl_v2(self, out, ind):
        r = self.r
        name = self.fresh("v")
        k = r.randrange(5)
        if k == 0:
            s = "V2 %s{%s, %s};" % (name, self.bounded(1), self.any(1))
        elif k == 1:
            s = "V2 %s{};" % name
        elif k == 2:
            s = "V2 %s = {%s, %s};" % (name, self.any(1), self.bounded(1))
        else:
            s = "V2 %s = %s;" % (name, self.v2_rvalue(1))
        self.emit(out, ind, s)
        self.declare(name, "v2")

    def decl_v2arr(self, out, ind):
        r = self.r
        name = self.fresh("q")
        k = r.randrange(3)
        if k == 0:
            s = "V2 %s[4] = {};" % name
        else:
            els = []
            for _ in range(r.randint(1, 4)):
                if r.random() < 0.3 and self.v2_objects(False):
                    els.append(r.choice(self.v2_objects(False))())
                else:
                    els.append("{%s, %s}" % (self.bounded(1), self.any(1)))
            s = "V2 %s[4] = {%s};" % (name, ", ".join(els))
        self.emit(out, ind, s)
        self.declare(name, "v2arr")

    def decl_box(self, out, ind):
        r = self.r
        name = self.fresh("b")
        k = r.randrange(4)
        if k == 0:
            s = "Box %s{};" % name
        elif k == 1 and self.box_objects(False):
            s = "Box %s = %s;" % (name, self.box_rvalue(1))
        else:
            s = "Box %s = %s;" % (name, self.box_init()) if r.random() < 0.3 else \
                "Box %s%s;" % (name, self.box_init()[3:])
        self.emit(out, ind, s)
        self.declare(name, "box")

    def decl_boxarr(self, out, ind):
        r = self.r
        name = self.fresh("bs")
        if r.random() < 0.4:
            s = "Box %s[4] = {};" % name
        else:
            els = [self.box_rvalue(0) if r.random() < 0.3 else self.box_init()[3:]
                   for _ in range(r.randint(1, 3))]
            s = "Box %s[4] = {%s};" % (name, ", ".join(els))
        self.emit(out, ind, s)
        self.declare(name, "boxarr")

    def assign_v2(self, out, ind):
        r = self.r
        k = r.randrange(6)
        if k == 0:
            lv = r.choice(self.v2_objects(True))()
            self.emit(out, ind, "%s = {%s, %s};" % (lv, self.any(1), self.bounded(1)))
        elif k == 1 and len(self.v2_objects(True)) >= 1:
            # A swap through a temporary.
            a = r.choice(self.v2_objects(True))()
            b = r.choice(self.v2_objects(True))()
            t = self.fresh("tmp")
            self.emit(out, ind, "V2 %s = %s;" % (t, a))
            if b != a:  # no self-assignment (see below)
                self.emit(out, ind, "%s = %s;" % (a, b))
            self.emit(out, ind, "%s = %s;" % (b, t))
        else:
            snap = self.snapshot()
            rv = self.v2_rvalue(2)
            lv = r.choice(self.v2_objects(True))()
            if rv == lv:
                # adgen drops 'v = v;', and a variable read only there is then
                # set but not used in the generated code (-Werror).
                self.restore(snap)
                rv = "V2{%s, %s}" % (self.any(1), self.bounded(1))
            self.emit(out, ind, "%s = %s;" % (lv, rv))

    def assign_box(self, out, ind):
        r = self.r
        k = r.randrange(3)
        lv = r.choice(self.box_objects(True))()
        snap = self.snapshot()
        if k == 0:
            rv = self.v2_rvalue(1)
            if rv == lv + ".p":
                self.restore(snap)
                rv = "V2{%s, %s}" % (self.any(1), self.bounded(1))
            self.emit(out, ind, "%s.p = %s;" % (lv, rv))
        else:
            rv = self.box_rvalue(1)
            if rv == lv:
                self.restore(snap)
                rv = self.box_init()
            self.emit(out, ind, "%s = %s;" % (lv, rv))

    def snapshot(self):
        return [(v, v.used) for s in self.scopes for v in s]

    def restore(self, snap):
        for v, used in snap:
            v.used = used

    def assignment(self, out, ind):
        """FunctionGen.assignment without self-assignments ('w = w;', see assign_v2)."""
        snap = self.snapshot()
        mark = len(out)
        FunctionGen.assignment(self, out, ind)
        m = re.match(r"^(.*) = (.*);$", out[-1].strip())
        if len(out) == mark + 1 and m and m.group(1) == m.group(2):
            del out[mark:]
            self.restore(snap)
            self.emit(out, ind, "%s = %s;" % (m.group(1), self.bounded(2)))

    def method_stmt(self, out, ind):
        r = self.r
        mv2 = self.v2_objects(True)
        mbox = self.box_objects(True)
        k = r.randrange(4)
        if mbox and (k == 0 or not mv2):
            self.emit(out, ind, "%s.push(%s);" % (r.choice(mbox)(), self.any(1)))
        elif k == 1 and "struct-ret" not in AVOID:
            o = r.choice(mv2)()
            self.emit(out, ind, "%s = %s.rot(%s);" % (o, o, self.bounded(1)))
        else:
            self.emit(out, ind, "%s.scale(%s);" % (r.choice(mv2)(), self.multiplier()))

    def helper_stmt(self, out, ind):
        r = self.r
        mv2 = self.v2_objects(True)
        mbox = self.box_objects(True)
        opts = []
        if mv2 and self.shelper("sw"):
            opts.append(lambda: "%s(%s, %s);" % (self.shelper("sw"), r.choice(mv2)(), self.any(1)))
        if mbox and self.shelper("sbw"):
            opts.append(lambda: "%s(%s, %s);" % (self.shelper("sbw"), r.choice(mbox)(), self.any(1)))
        if self.all_vars("v2arr") and self.shelper("sqw"):
            opts.append(lambda: "%s(%s, 4, %s);" % (self.shelper("sqw"),
                                                    r.choice(self.all_vars("v2arr")).name, self.any(1)))
        if mbox and self.helpers_of("warr"):
            opts.append(lambda: "%s(%s.c, 4, %s);" % (self.helpers_of("warr")[0].name,
                                                      r.choice(mbox)(), self.any(1)))
        if mbox and self.helpers_of("ptr"):
            opts.append(lambda: "%s(&%s.c[%s], %s);" % (self.helpers_of("ptr")[0].name,
                                                        r.choice(mbox)(), self.t_index(), self.any(1)))
        if self.ref_field_lvalues() and self.helpers_of("ref"):
            opts.append(lambda: "%s(%s, %s);" % (self.helpers_of("ref")[0].name,
                                                 r.choice(self.ref_field_lvalues())(), self.any(1)))
        if not opts:
            return self.assignment(out, ind)
        self.emit(out, ind, r.choice(opts)())

    def range_for(self, out, ind):
        r = self.r
        kinds = [(ty, vs) for ty, vs in (("V2", self.all_vars("v2arr")), ("Box", self.all_vars("boxarr")),
                                         ("double", self.all_vars("arr"))) if vs]
        ty, vs = r.choice(kinds)
        arr = r.choice(vs)
        e = self.fresh("e")
        how = r.choice(["&", "", "const&"]) if ty != "double" else r.choice(["&", ""])
        kind = {"V2": "v2", "Box": "box", "double": "d"}[ty]
        if how == "const&":
            kind = "c" + kind
        self.emit(out, ind, "for (%s%s %s : %s) {" % (
            "const " if how == "const&" else "", ty + ("&" if how else ""), e, self.use(arr)))
        self.loop_depth += 1
        self.scopes.append([Var(e, kind)])
        for _ in range(r.randint(1, 3)):
            if self.budget <= 0:
                break
            self.statement(out, ind + 1)
        self.close_scope(out, ind + 1)
        self.loop_depth -= 1
        self.emit(out, ind, "}")

    def decl_lambda(self, out, ind):
        r = self.r
        name = self.fresh("lam")
        k = r.randrange(7)
        names = [v for v in self.vars_of(("v2", "cv2", "box", "cbox"))]
        if k == 0:
            body = "return %s * t + %s;" % (self.small_const(), self.any(1))
            s, kind = "auto %s = [&](double t) { %s };" % (name, body), "lam_d"
        elif k == 1:
            lv = r.choice(self.field_lvalues())()
            s = "auto %s = [&](double t) { %s = %s * %s + %s * t; };" % (
                name, lv, self.small_const(), lv, self.small_const())
            kind = "lam_v"
        elif k == 2:
            s = "auto %s = [&](double t) { %s(%s, t); };" % (
                name, self.shelper("sw"), r.choice(self.v2_objects(True) or
                                                   [lambda: r.choice(self.box_objects(True))() + ".p"])())
            kind = "lam_v"
        elif k == 3:
            s = "auto %s = [](const V2& p) { return std::sqrt(1 + p.x * p.x) + %s * p.y; };" % (
                name, self.small_const())
            kind = "lam_s"
        elif k == 4 and names:
            v = r.choice(names)
            fld = ".x" if v.kind in V2_KINDS else ".w"
            s = "auto %s = [%s](double t) { return %s * t + %s * %s%s; };" % (
                name, self.use(v), self.small_const(), self.small_const(), v.name, fld)
            kind = "lam_d"
        elif k == 5:
            s = "auto %s = [w = %s](double t) { return t * std::tanh(w); };" % (name, self.any(1))
            kind = "lam_d"
        elif k == 6 and r.random() < 0.5:
            s = "auto %s = [c = %s](double t) mutable {\n%s  c = 0.5 * c + 0.25 * t;\n%s  return c;\n%s};" % (
                name, self.any(1), "  " * (ind + 1), "  " * (ind + 1), "  " * ind)
            kind = "lam_d"
        else:
            s = "auto %s = [](auto u, auto v) { return u * v; };" % name
            kind = "lam_g"
        self.emit(out, ind, s)
        self.declare(name, kind)

    def loop_body(self):
        return self.r.randint(2, 5)

    def jump(self, out, ind):
        if self.no_continue or self.r.random() < 0.5:
            self.emit(out, ind, "if (%s) break;" % self.cond())
        else:
            self.emit(out, ind, "if (%s) continue;" % self.cond())

    def call_lambda(self, out, ind):
        v = self.r.choice(self.all_vars("lam_v"))
        self.emit(out, ind, "%s(%s);" % (self.use(v), self.any(2)))

    def int_field(self, out, ind):
        b = self.r.choice(self.box_objects(True))()
        self.emit(out, ind, "if (%s) ++%s.id;" % (self.cond(), b))

    def use_containers(self, text):
        for v in self.all_vars("vec") + self.all_vars("sarr"):
            if text.startswith(v.name + "["):
                v.used = True
        return text

    def decl_containers(self, out):
        """Local scratch: a std::vector<double>(n) and a std::array<double, 4>."""
        r = self.r
        if r.random() < 0.5:
            name = self.fresh("v")
            self.emit(out, 1, "std::vector<double> %s(n);" % name)
            self.emit(out, 1, "for (int k = 0; k < n; ++k)")
            self.emit(out, 2, "%s[k] = %s + 0.25 * x[k];" % (name, self.bounded(1)))
            self.declare(name, "vec")
        if r.random() < 0.5:
            name = self.fresh("q")
            self.emit(out, 1, "std::array<double, 4> %s = {%s, %s, %s, %s};" % (
                name, self.bounded(1), self.bounded_atom(), self.const(), self.bounded_atom()))
            self.declare(name, "sarr")

    def prologue(self, out):
        """One or two struct locals before the first loop, which then overwrites them;
        sometimes a local std::vector and std::array."""
        if "containers" not in AVOID:
            self.decl_containers(out)
        for _ in range(self.r.randint(1, 2)):
            opts = [self.decl_v2, self.decl_v2, self.decl_box]
            if "struct-arr" not in AVOID:
                if not self.all_vars("v2arr"):
                    opts.append(self.decl_v2arr)
                if not self.all_vars("boxarr"):
                    opts.append(self.decl_boxarr)
            self.r.choice(opts)(out, 1)

    # ----- reading what nothing read ------------------------------------------
    def reader(self, acc, v):
        r = self.r
        c = self.small_const()
        k = v.kind
        # Through tanh, as in FunctionGen.close_scope.
        if k == "d":
            return "%s += %s * std::tanh(%s);" % (acc, c, v.name)
        if k == "arr":
            return "%s += %s * std::tanh(%s[%d]);" % (acc, c, v.name, r.randrange(4))
        if k == "int":
            return "%s += 0.125 * %s;" % (acc, v.name)
        if k == "vec":
            return "%s += %s * std::tanh(%s[%s]);" % (acc, c, v.name, r.choice(["0", "n - 1", "1"]))
        if k == "sarr":
            return "%s += %s * std::tanh(%s[%d]);" % (acc, c, v.name, r.randrange(4))
        if k in V2_KINDS:
            return "%s += %s * std::tanh(%s.%s);" % (acc, c, v.name, r.choice("xy"))
        if k == "v2arr":
            return "%s += %s * std::tanh(%s[%d].%s);" % (acc, c, v.name, r.randrange(4), r.choice("xy"))
        if k in BOX_KINDS:
            return "%s += %s * std::tanh(%s.%s);" % (acc, c, v.name, r.choice(["w", "c[%d]" % r.randrange(4), "p.y"]))
        if k == "boxarr":
            return "%s += %s * std::tanh(%s[%d].%s);" % (acc, c, v.name, r.randrange(4), r.choice(["w", "c[1]", "p.x"]))
        if k == "lam_d":
            return "%s += %s * %s(0.5);" % (acc, c, v.name)
        if k == "lam_s":
            return "%s += %s * %s(V2{0.5, 0.25});" % (acc, c, v.name)
        if k == "lam_g":
            return "%s += %s * %s(0.5, 0.25);" % (acc, c, v.name)
        if k == "lam_v":
            return "%s(0.25);" % v.name
        raise ValueError(k)

    def close_scope(self, out, ind):
        scope = self.scopes.pop()
        acc = self.scopes[0][0] if self.scopes else None
        for v in scope:
            if v.used or acc is None or acc is v:
                continue
            self.emit(out, ind, self.reader(acc.name, v))
            v.used = True

    def out_init(self):
        # Plus a term with a derivative of order one, so that no output is
        # flat (central differences lose their digits on a flat output).
        return "%s + 0.5 * x[i0]" % self.bounded(2)

    def ret_value_final(self):
        return self.r.choice(["s + a * x[n - 1]", "s * a + x[1]"])

    def close_scope_final(self, out):
        for v in self.scopes[0][1:]:
            if not v.used:
                self.emit(out, 1, self.reader("s", v))
                v.used = True
        if self.has_y:
            # As out_init: no output element left flat (overwritten by a constant).
            self.emit(out, 1, "for (int k = 0; k < n; ++k)")
            self.emit(out, 2, "y[k] += 0.5 * x[k];")


ALL_KINDS = dict(KINDS, **STRUCT_KINDS)


def generate(seed, count, kinds=None, max_stmts=None, structs=False):
    r = random.Random(seed)
    helpers = gen_helpers(r)
    kinds = kinds or list(KINDS) + (list(STRUCT_KINDS) if structs else [])
    out = ["// Generated by test/fuzz/gen.py %d %d%s%s%s. Do not edit." % (
        seed, count, " --structs" if structs else "", " --calls" if CALLS else "",
        " --hessian" if HESSIAN else ""),
           "#include <adgen/adgen.h>", "#include <cmath>", ""]
    if structs:
        out[-1:-1] = ["#include <array>", "#include <vector>"]
        out.append(gen_struct_types(r))
        out.append("")
        for h in helpers:
            h.text = saturate(h.text)
    for h in helpers:
        out.append(h.text)
        out.append("")
    if CALLS:
        text, chelpers = gen_call_helpers(r)
        out.append(text)
        out.append("")
        helpers = helpers + chelpers
    if structs:
        shelpers = gen_struct_helpers(r)
        for h in shelpers:
            out.append(h.text)
            out.append("")
        helpers = helpers + shelpers
    for f in range(count):
        kind = r.choice(kinds)
        cls = StructFunctionGen if structs else FunctionGen
        fg = cls(r, helpers, kind, "f%d" % f,
                 max_stmts if max_stmts else r.randint(4, 12) if not structs else r.randint(6, 14))
        out.append(fg.generate())
        out.append("")
    return "\n".join(out)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: gen.py SEED COUNT [--structs] [--kinds=ret,inout,both,out,ref] [--stmts=N] "
                         "[--avoid=cond-call,...]\n")
        return 2
    kinds = None
    stmts = None
    structs = False
    for a in argv[3:]:
        if a == "--structs":
            structs = True
        elif a == "--calls":
            global CALLS
            CALLS = True
        elif a == "--hessian":
            global HESSIAN
            HESSIAN = True
            AVOID.add("containers")
        elif a.startswith("--kinds="):
            kinds = a[len("--kinds="):].split(",")
        elif a.startswith("--avoid="):
            AVOID.update(a[len("--avoid="):].split(","))
        elif a.startswith("--stmts="):
            stmts = int(a[len("--stmts="):])
    sys.stdout.write(generate(int(argv[1]), int(argv[2]), kinds, stmts, structs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
