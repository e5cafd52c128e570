#!/usr/bin/env python3
"""Checks the size limits of the architecture (docs/how-it-works.md):
no source file in lib/ over 800 lines, no function over 120 lines.

Functions are found as definitions that start at column 0 (LLVM style does
not indent namespaces) and end at their matching brace; string literals and
comments are skipped when counting braces. Usage: check-sizes.py ROOT
"""
import pathlib
import re
import sys

MAX_FILE, MAX_FUNCTION = 800, 120
START = re.compile(r'^[A-Za-z_].*\)\s*(const)?\s*(override)?\s*(->\s*[\w:<>*& ]+)?\{\s*$|^[A-Za-z_][^;{}]*\($')


def braces(line, state):
    """Net brace count of one line, skipping comments and literals; state
    carries a raw string across lines."""
    depth, i = 0, 0
    while i < len(line):
        if state.get('raw'):
            end = line.find(state['raw'], i)
            if end < 0:
                return depth
            i, state['raw'] = end + len(state['raw']), None
            continue
        c = line[i]
        if line.startswith('//', i):
            break
        m = re.match(r'R"([^(]*)\(', line[i:])
        if m:
            state['raw'] = ')' + m.group(1) + '"'
            i += m.end()
            continue
        if c in '"\'':
            j = i + 1
            while j < len(line) and line[j] != c:
                j += 2 if line[j] == '\\' else 1
            i = j + 1
            continue
        depth += (c == '{') - (c == '}')
        i += 1
    return depth


def main(root):
    problems = []
    for path in sorted(pathlib.Path(root, 'lib').rglob('*')):
        if path.suffix not in ('.cpp', '.h'):
            continue
        lines = path.read_text().split('\n')
        rel = path.relative_to(root)
        if len(lines) - 1 > MAX_FILE:
            problems.append(f'{rel}: {len(lines) - 1} lines (limit {MAX_FILE})')
        i, state = 0, {}
        while i < len(lines):
            if state.get('raw') or not START.match(lines[i]):
                braces(lines[i], state)
                i += 1
                continue
            first, depth, opened = i, 0, False
            while i < len(lines):
                d = braces(lines[i], state)
                opened |= '{' in lines[i]
                depth += d
                i += 1
                if opened and depth <= 0:
                    break
            if i - first > MAX_FUNCTION:
                problems.append(f'{rel}:{first + 1}: function of {i - first} lines '
                                f'(limit {MAX_FUNCTION}): {lines[first].strip()[:70]}')
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else '.'))
