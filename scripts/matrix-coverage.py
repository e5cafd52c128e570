#!/usr/bin/env python3
"""Which matrix modes adgen refuses where it has reverse mode.

Takes every test input under test/ that marks a function ADGEN_REVERSE and
that adgen differentiates (its reverse mode succeeds), and tries on a copy:

  check  the file as it is, with --emit=check
  fwd    ADGEN_REVERSE(spec) -> ADGEN_FORWARD(spec): is f_fwd_vec generated?
         (else f_fwd's comment says "No f_fwd_vec ...: why")
  jac    ADGEN_REVERSE(spec) -> ADGEN_JACOBIAN(spec), with --emit=check
  hess   ADGEN_REVERSE(spec) -> ADGEN_HESSIAN(spec), with --emit=check
         (only for files whose marked functions return a number)

and lists each refusal, most common first. Refusals that the contract
demands (an array without a length in a Jacobian's spec) are counted apart.

  python3 scripts/matrix-coverage.py [--adgen build/tool/adgen] [--run] [--log FILE] [DIR...]

--run also compiles every --emit=check output with g++ and runs it. Each
refusal is also written to --log as it is found (a long run interrupted
still tells), as "MODE<TAB>FILE<TAB>MESSAGE".
"""
import argparse
import collections
import glob
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OTHER = re.compile(r'ADGEN_(FORWARD|JACOBIAN|HESSIAN)\s*\((\s*"[^"]*")?\s*\)')
REVERSE = re.compile(r'ADGEN_REVERSE\s*\(')
CONTRACT = ("has no length", "f must return", "must return a floating", "needs one floating")


def compiler_args(text):
    std = "-std=c++20" if "c++20" in text else "-std=c++17"
    args = [std, "-I", os.path.join(ROOT, "include"), "-I", os.path.join(ROOT, "test", "Inputs")]
    if "-fopenmp" in text:
        args.append("-fopenmp")
    return args


def first_error(stderr):
    for line in stderr.splitlines():
        m = re.search(r"error: (.*)", line)
        if m:
            msg = re.sub(r"'[^']*'", "'X'", m.group(1))
            return msg[:150]
    return stderr.strip().splitlines()[-1][:150] if stderr.strip() else "(no message)"


def adgen(tool, path, emit, args, out):
    cmd = [tool, "--emit=" + emit, path, "-o", out, "--"] + args
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stderr


def run_check(out, args):
    exe = out + ".exe"
    p = subprocess.run(["g++"] + args + [out, "-o", exe], capture_output=True, text=True)
    if p.returncode:
        return "compile: " + first_error(p.stderr)
    p = subprocess.run([exe], capture_output=True, text=True, timeout=60)
    return "" if p.returncode == 0 else "run: exit %d" % p.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--adgen", default=os.path.join(ROOT, "build", "tool", "adgen"))
    ap.add_argument("--run", action="store_true")
    ap.add_argument("--log", default=os.devnull)
    ap.add_argument("dirs", nargs="*")
    o = ap.parse_args()
    dirs = o.dirs or [os.path.join(ROOT, "test")]
    files = sorted(f for d in dirs for f in glob.glob(os.path.join(d, "**", "*.cpp"), recursive=True))
    refusals = {m: collections.Counter() for m in ("check", "fwd_vec", "jac", "hess")}
    where = {m: collections.defaultdict(list) for m in refusals}
    contract = collections.Counter()
    tried = collections.Counter()
    tmp = tempfile.mkdtemp(prefix="matrix-coverage-")
    log = open(o.log, "w")

    def refuse(mode, msg, rel):
        refusals[mode][msg] += 1
        where[mode][msg].append(rel)
        log.write("%s\t%s\t%s\n" % (mode, rel, msg))
        log.flush()

    for f in files:
        text = open(f).read()
        if not REVERSE.search(text) or "RUN: not" in text or "/Inputs/" in f:
            continue
        args = compiler_args(text)
        rel = os.path.relpath(f, ROOT)
        base = os.path.join(tmp, rel.replace("/", "__"))
        # Reverse mode must work for the file to count.
        rc, err = adgen(o.adgen, f, "cpp", args, base + ".rev.cpp")
        if rc:
            continue
        tried["files"] += 1
        rc, err = adgen(o.adgen, f, "check", args, base + ".chk.cpp")
        if rc:
            refuse("check", first_error(err), rel)
        elif o.run:
            why = run_check(base + ".chk.cpp", args)
            if why:
                refuse("check", why, rel)
        stripped = OTHER.sub("", text)
        for mode, macro in (("fwd_vec", "ADGEN_FORWARD("), ("jac", "ADGEN_JACOBIAN("),
                            ("hess", "ADGEN_HESSIAN(")):
            src = os.path.join(os.path.dirname(f), ".mc-" + mode + "-" + os.path.basename(f))
            with open(src, "w") as h:
                h.write(REVERSE.sub(macro, stripped))
            try:
                emit = "cpp" if mode == "fwd_vec" else "check"
                rc, err = adgen(o.adgen, src, emit, args, base + "." + mode + ".cpp")
            finally:
                os.remove(src)
            tried[mode] += 1
            if rc:
                e = first_error(err)
                if any(c in e for c in CONTRACT):
                    contract[mode + ": " + e] += 1
                    continue
                refuse(mode, e, rel)
                continue
            if mode == "fwd_vec":
                out = open(base + ".fwd_vec.cpp").read()
                for m in re.finditer(r"No \w+_vec \(k directions in one sweep\): (.*)", out):
                    e = re.sub(r"'[^']*'", "'X'", m.group(1))
                    refuse(mode, e, rel)
            elif o.run:
                why = run_check(base + "." + mode + ".cpp", args)
                if why:
                    refuse(mode, why, rel)
    print("files with working reverse mode: %d" % tried["files"])
    for mode, c in refusals.items():
        print("\n== %s: %d refusals" % (mode, sum(c.values())))
        for msg, n in c.most_common():
            print("%4d  %s" % (n, msg))
            for r in sorted(set(where[mode][msg]))[:4]:
                print("        " + r)
    print("\n== refusals the contract asks for (spec lengths, scalar results)")
    for msg, n in contract.most_common():
        print("%4d  %s" % (n, msg))
    return 0


if __name__ == "__main__":
    sys.exit(main())
