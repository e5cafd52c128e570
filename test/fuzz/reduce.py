#!/usr/bin/env python3
"""A small line-based reducer for gen.py output.

Usage: reduce.py FILE.cpp MODE [PATTERN] > reduced.cpp

MODE is what must stay true of a candidate (which must itself still compile
as ordinary C++ with g++ -fsyntax-only):
  check     adgen --emit=check succeeds, the checker compiles, and it reports
            a failure whose FAIL line matches PATTERN (default: any FAIL)
  compile   adgen succeeds but the --emit=check output does not compile, with
            PATTERN in the compiler's errors
  adgen     adgen fails with PATTERN in its errors
  crash     adgen dies from a signal (or hangs), PATTERN in its errors

Removes whole marked functions first, then single lines and line ranges
(candidates that do not parse are simply rejected), until nothing more can go.
"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ADGEN = os.environ.get("ADGEN", os.path.join(ROOT, "build", "tool", "adgen"))
INC = "-I" + os.path.join(ROOT, "include")
TMP = tempfile.mkdtemp(prefix="adgen-reduce-")


def test(text, mode, pattern):
    for attempt in range(30):  # the tool may be being rebuilt under us
        try:
            return test1(text, mode, pattern)
        except OSError:
            import time
            time.sleep(10)
    raise RuntimeError("cannot run " + ADGEN)


def test1(text, mode, pattern):
    src = os.path.join(TMP, "r.cpp")
    with open(src, "w") as f:
        f.write(text)
    # -Werror=return-type: a helper whose return statement went makes the
    # candidate undefined behaviour, not a smaller test.
    if subprocess.run(["g++", "-std=c++17", "-fsyntax-only", "-Werror=return-type", INC, src],
                      capture_output=True).returncode != 0:
        return False
    chk = os.path.join(TMP, "r.check.cpp")
    try:
        p = subprocess.run([ADGEN, src, "--emit=check", "-o", chk, "--", "-std=c++17"],
                           capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return mode == "crash"
    if mode == "crash":
        return p.returncode < 0 and re.search(pattern, p.stderr) is not None
    if mode == "adgen":
        return p.returncode != 0 and re.search(pattern, p.stderr) is not None
    if p.returncode != 0:
        return False
    exe = os.path.join(TMP, "r.exe")
    # Warnings count as errors in compile mode (run.py uses -Wall -Wextra -Werror).
    flags = ["-O1", "-Wall", "-Wextra", "-Werror"] if mode == "compile" else ["-O0"]
    p = subprocess.run(["g++", "-std=c++17"] + flags + [INC, chk, "-o", exe],
                       capture_output=True, text=True)
    if mode == "compile":
        return p.returncode != 0 and re.search(pattern, p.stderr) is not None
    if p.returncode != 0:
        return False
    try:
        p = subprocess.run([exe], capture_output=True, text=True, timeout=20)
    except subprocess.TimeoutExpired:
        return False
    return p.returncode != 0 and any(
        l.startswith("FAIL") and re.search(pattern, l) for l in p.stdout.splitlines())


def functions(lines):
    """(start, end) line ranges of top-level functions (marker line included)
    and of struct definitions (gen.py --structs)."""
    out = []
    i = 0
    while i < len(lines):
        if re.match(r"^struct \w+ \{$", lines[i]):
            j = i
            while j < len(lines) - 1 and lines[j] != "};":
                j += 1
            out.append((i, j + 1))
            i = j + 1
        elif lines[i].startswith("ADGEN_") or (re.match(r"^(double|void|V2|Box) \w+\(", lines[i])):
            j = i
            while j < len(lines) - 1 and lines[j] != "}":
                j += 1
            out.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return out


def main(argv):
    text = open(argv[1]).read()
    mode = argv[2]
    pattern = argv[3] if len(argv) > 3 else ""
    if not test(text, mode, pattern):
        sys.stderr.write("the input does not fail that way\n")
        return 1
    lines = text.split("\n")
    # 1. whole functions
    changed = True
    while changed:
        changed = False
        for s, e in reversed(functions(lines)):
            cand = lines[:s] + lines[e:]
            if test("\n".join(cand), mode, pattern):
                lines = cand
                changed = True
                break
    # 2. line ranges, largest first
    size = 8
    while size >= 1:
        changed = True
        while changed:
            changed = False
            i = 0
            while i < len(lines):
                cand = lines[:i] + lines[i + size:]
                if test("\n".join(cand), mode, pattern):
                    lines = cand
                    changed = True
                else:
                    i += 1
        size //= 2
    sys.stdout.write("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
