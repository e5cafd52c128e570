#!/usr/bin/env python3
"""Extracts the code snippets of README.md and docs/*.md and checks them.

    snippets.py --root SRC --adgen ADGEN --work DIR --cxx g++ --cxx clang++-19

Every fenced ```cpp block is checked, by default as a translation unit of its
own (after `#include <adgen/adgen.h>` and a few standard headers):

  * a block with an ADGEN_ marker is run through adgen, and the output is
    compiled (-fsyntax-only) with every --cxx;
  * a block without one is compiled (-fsyntax-only) with every --cxx.

An HTML comment on the line before the fence changes that:

  <!-- snippet: declarations -->  compile only, do not run adgen (signature
                                  listings whose functions have no body)
  <!-- snippet: generated -->     the block shows adgen's output for the last
                                  block that ran adgen: each of its code lines
                                  (comments after `//` dropped, spaces
                                  normalised, lines may be wrapped) must
                                  appear there, in order
  <!-- snippet: fragment -->      not checked (a few lines out of context);
                                  keep these few

```sh and ```cmake blocks: every option of adgen they mention (--xyz after
the word `adgen` on a line, or in EXTRA_ARGS) must be listed by `adgen --help`.
Prints one line per snippet; exits 1 if any check fails.
"""
import argparse
import glob
import os
import re
import subprocess
import sys

PRELUDE = """#include <adgen/adgen.h>
#include <array>
#include <cmath>
#include <cstddef>
#include <vector>
"""
MARKER = re.compile(r"<!--\s*snippet:\s*(\w+)\s*-->")


def blocks(path):
    """(line, lang, kind, text) of every fenced block of the file."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        m = re.match(r"^```(\w*)\s*$", lines[i])
        if not m:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        k = i - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        kind = MARKER.search(lines[k]).group(1) if k >= 0 and MARKER.search(lines[k]) else ""
        yield i + 1, m.group(1), kind, "\n".join(lines[i + 1:j]) + "\n"
        i = j + 1


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)


def code_lines(text):
    """The code of a listing: no comments after //, spaces normalised."""
    out = []
    for line in text.split("\n"):
        line = re.sub(r"//.*", "", line)
        line = " ".join(line.split())
        if line:
            out.append(line)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--adgen", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--cxx", action="append", default=[])
    a = ap.parse_args()
    inc = os.path.join(a.root, "include")
    os.makedirs(a.work, exist_ok=True)
    helptext = run([a.adgen, "--help"]).stdout
    known = set(re.findall(r"(--[a-z][a-z0-9-]*)", helptext))
    files = [os.path.join(a.root, "README.md")] + sorted(glob.glob(os.path.join(a.root, "docs", "*.md")))
    failures = checked = skipped = 0
    last_output = None  # adgen's output for the last block that ran adgen

    def fail(where, why, detail=""):
        nonlocal failures
        failures += 1
        print(f"FAIL {where}: {why}")
        if detail:
            print("  " + detail.strip().replace("\n", "\n  "))

    for path in files:
        rel = os.path.relpath(path, a.root)
        for line, lang, kind, text in blocks(path):
            where = f"{rel}:{line}"
            if lang in ("sh", "cmake"):
                checked += 1
                for l in text.split("\n"):
                    if not re.search(r"(^|&&|;|\|)\s*(\S*/)?adgen(\s|$)|EXTRA_ARGS", l):
                        continue
                    for opt in re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", l):
                        if opt not in known:
                            fail(where, f"'{opt}' is not an adgen option (adgen --help)", l)
                print(f"ok   {where} ({lang}: adgen options)")
                continue
            if lang != "cpp":
                continue
            if kind == "fragment":
                skipped += 1
                print(f"skip {where} (fragment)")
                continue
            checked += 1
            if kind == "generated":
                if last_output is None:
                    fail(where, "a 'generated' listing with no earlier snippet run through adgen")
                    continue
                # Lines may be wrapped in the listing: find each one in the
                # output's code as one stream, in order.
                have = " ".join(code_lines(last_output))
                pos = 0
                for want in code_lines(text):
                    found = have.find(want, pos)
                    if found < 0:
                        fail(where, "this line of the listing is not in adgen's output (in order)", want)
                        break
                    pos = found + len(want)
                else:
                    print(f"ok   {where} (matches adgen's output)")
                continue
            base = os.path.join(a.work, rel.replace("/", "_").replace(".md", "") + f"_{line}")
            src = base + ".cpp"
            with open(src, "w", encoding="utf-8") as f:
                f.write(PRELUDE + f"#line 1 \"{rel}:{line}\"\n" + text)
            target = src
            if "ADGEN_" in text and kind != "declarations":
                out = base + ".adgen.cpp"
                r = run([a.adgen, src, "-o", out, "--", "-std=c++17", "-I" + inc])
                if r.returncode != 0:
                    fail(where, "adgen failed", r.stdout)
                    continue
                last_output = open(out, encoding="utf-8").read()
                target = out
            ok = True
            for cxx in a.cxx:
                r = run([cxx, "-std=c++17", "-fsyntax-only", "-I" + inc, target])
                if r.returncode != 0:
                    fail(where, f"{os.path.basename(cxx)} does not compile it", r.stdout)
                    ok = False
            if ok:
                print(f"ok   {where} ({'adgen + ' if target != src else ''}{', '.join(os.path.basename(c) for c in a.cxx)})")
    print(f"{checked} snippets checked, {skipped} fragments skipped, {failures} failures")
    return 1 if failures or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
