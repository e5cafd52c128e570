#!/usr/bin/env python3
"""Runs gen.py for many seeds outside lit and reports every failure.

Usage: run.py FIRST_SEED LAST_SEED [COUNT] [--jobs=N] [--out=DIR] [--cxx=CXX] [--opt=-O1]
              [GEN_OPTIONS]

GEN_OPTIONS (any other --option, e.g. --structs, --avoid=field-ref) go to gen.py.

For each seed: gen.py SEED COUNT > DIR/sSEED.cpp; adgen --emit=check;
CXX (g++) -std=c++17 OPT (-O1) -Wall -Wextra -Werror; run. The checker tests
the whole contract (see lib/Emit/CheckEmitter.h): finite differences,
forward vs reverse, pre-filled adjoints with d_ret != 1, f's value and
effects, canaries. --batch=K checks K programs in one translation unit (each in its own
namespace), again one by one when that fails. A long campaign:
run.py 1 2000 3 --cxx=clang++-19 --opt=-O0 --pch --batch=20
(and again with --structs and --calls).  Prints one line per seed that
fails at any stage (adgen error, compile error, wrong derivative, crash) and
leaves its files in DIR.
"""
import concurrent.futures
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ADGEN = os.environ.get("ADGEN", os.path.join(ROOT, "build", "tool", "adgen"))
CXX = os.environ.get("CXX", "g++")


OPT = "-O1"
PCH = []  # ["-include-pch", FILE] with --pch (clang++ only)

# The headers every check program includes: precompiled once with --pch.
PCH_HEADERS = ["adgen/adgen.h", "adgen/runtime.h", "adgen/tape.h", "algorithm", "array", "cmath",
               "cstddef", "cstdio", "cstdlib", "limits", "random", "vector"]


def make_pch(out):
    """Precompiles PCH_HEADERS for CXX and OPT (a third of a check program's compile time)."""
    h = os.path.join(out, "check-headers.h")
    with open(h, "w") as f:
        f.write("".join("#include <%s>\n" % x for x in PCH_HEADERS))
    subprocess.run([CXX, "-std=c++17", OPT, "-x", "c++-header", "-I" + os.path.join(ROOT, "include"),
                    h, "-o", h + ".pch"], check=True)
    return ["-include-pch", h + ".pch"]


def generate(seed, count, extra):
    return subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), str(seed), str(count)] + extra,
                          capture_output=True, text=True, check=True).stdout


def one(seed, count, out, extra):
    base = os.path.join(out, "s%d" % seed)
    return check(base, generate(seed, count, extra))


def batch(seeds, count, out, extra):
    """Several programs in one translation unit, each in a namespace of its
    own (p<seed>): one adgen run and one compile for all of them, which
    makes a long campaign several times faster. A batch that fails is run
    again program by program, so each failure is reported by its seed."""
    if len(seeds) == 1:
        return [one(seeds[0], count, out, extra)]
    includes, bodies = [], []
    for sd in seeds:
        lines = generate(sd, count, extra).splitlines()
        for l in lines:
            if l.startswith("#include") and l not in includes:
                includes.append(l)
        body = [l for l in lines if not l.startswith("#include")]
        bodies.append("namespace p%d {\n%s\n}  // namespace p%d\n" % (sd, "\n".join(body), sd))
    base = os.path.join(out, "b%d" % seeds[0])
    seed, what, msg = check(base, "\n".join(includes) + "\n\n" + "\n".join(bodies))
    if what == "ok":
        n = int(msg.split()[0])
        return [(sd, "ok", "%d passed, 0 failed" % (n // len(seeds))) for sd in seeds[:-1]] + \
               [(seeds[-1], "ok", "%d passed, 0 failed" % (n - n // len(seeds) * (len(seeds) - 1)))]
    return [one(sd, count, out, extra) for sd in seeds]


def check(base, src):
    """adgen --emit=check on src, compile, run: (seed, outcome, message)."""
    seed = int(os.path.basename(base)[1:])
    with open(base + ".cpp", "w") as f:
        f.write(src)
    p = subprocess.run([ADGEN, base + ".cpp", "--emit=check", "-o", base + ".check.cpp", "--", "-std=c++17"],
                       capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        return seed, "adgen", "exit status %d\n%s" % (p.returncode, p.stderr[-2000:])
    p = subprocess.run([CXX, "-std=c++17", OPT] + PCH + ["-Wall", "-Wextra", "-Werror", "-I" + os.path.join(ROOT, "include"),
                        base + ".check.cpp", "-o", base + ".exe"], capture_output=True, text=True, timeout=300)
    if p.returncode != 0:
        return seed, "compile", p.stderr[-3000:]
    try:
        p = subprocess.run([base + ".exe"], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return seed, "timeout", ""
    if p.returncode != 0:
        msg = "exit status %d\n%s%s" % (p.returncode, p.stdout[-3000:], p.stderr[-1000:])
        # g++ -O1 has miscompiled generated programs themselves (the primal,
        # not adgen's output): say so when -O0 passes.
        q = subprocess.run([CXX, "-std=c++17", "-O0", "-I" + os.path.join(ROOT, "include"),
                            base + ".check.cpp", "-o", base + ".O0.exe"], capture_output=True, text=True, timeout=300)
        if q.returncode == 0:
            try:
                q = subprocess.run([base + ".O0.exe"], capture_output=True, text=True, timeout=60)
                if q.returncode == 0:
                    msg += "(passes at -O0: a g++ -O1 miscompile? compare f at -O0 and -O1)\n"
            except subprocess.TimeoutExpired:
                pass
        return seed, "check", msg
    for suffix in (".cpp", ".check.cpp", ".exe", ".O0.exe"):
        if os.path.exists(base + suffix):
            os.remove(base + suffix)
    return seed, "ok", p.stdout.strip().splitlines()[-1]


def main(argv):
    first, last = int(argv[1]), int(argv[2])
    count = 8
    jobs = os.cpu_count() or 4
    out = "/tmp/fuzz-run"
    extra = []
    global CXX, OPT, PCH
    pch = False
    size = 1
    for a in argv[3:]:
        if a.startswith("--cxx="):
            CXX = a[6:]
        elif a.startswith("--opt="):
            OPT = a[6:]
        elif a == "--pch":
            pch = True
        elif a.startswith("--batch="):
            size = int(a[8:])
        elif a.startswith("--jobs="):
            jobs = int(a[7:])
        elif a.startswith("--out="):
            out = a[6:]
        elif a.startswith("--"):
            extra.append(a)
        else:
            count = int(a)
    os.makedirs(out, exist_ok=True)
    if pch:
        PCH = make_pch(out)
    bad = 0
    functions = 0
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        seeds = list(range(first, last + 1))
        futs = [ex.submit(batch, seeds[i:i + size], count, out, extra) for i in range(0, len(seeds), size)]
        for seed, what, msg in (r for fu in futs for r in fu.result()):
            if what == "ok":
                functions += int(msg.split()[0])  # "N passed, 0 failed"
            else:
                bad += 1
                print("=== seed %d: %s\n%s" % (seed, what, msg), flush=True)
    print("%d seeds, %d failing (%d marked functions checked in the passing ones)" % (
        last - first + 1, bad, functions))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
