#!/usr/bin/env python3
"""The size and dependency picture of lib/ (issue 12's closing note): lines
per library, the largest files, the longest functions (found as
check-sizes.py finds them) and what each library links, from its
CMakeLists.txt. Usage: measure-architecture.py ROOT
"""
import importlib.util
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location('sizes', HERE / 'check-sizes.py')
sizes = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sizes)


def functions(path):
    lines = path.read_text().split('\n')
    out, i, state = [], 0, {}
    while i < len(lines):
        if state.get('raw') or not sizes.START.match(lines[i]):
            sizes.braces(lines[i], state)
            i += 1
            continue
        first, depth, opened = i, 0, False
        while i < len(lines):
            d = sizes.braces(lines[i], state)
            opened |= '{' in lines[i]
            depth += d
            i += 1
            if opened and depth <= 0:
                break
        out.append((i - first, lines[first].strip()[:60]))
    return out


def stages(root):
    """Library of each source (by adgen_stage SOURCES; a header goes with
    its .cpp, else with its directory's first library), and what each links."""
    owner, deps, first = {}, {}, {}
    for cm in sorted((root / 'lib').glob('*/CMakeLists.txt')):
        for m in re.finditer(r'adgen_stage\((\w+)\s+SOURCES(.*?)DEPENDS([^)\n]*)', cm.read_text(), re.S):
            lib = 'adgen' + m.group(1)
            deps[lib] = m.group(3).strip()
            first.setdefault(cm.parent.name, lib)
            for src in m.group(2).split():
                owner[f'{cm.parent.name}/{pathlib.Path(src).stem}'] = lib
    return owner, deps, first


def main(root):
    root = pathlib.Path(root)
    owner, deps, first = stages(root)
    libs, files, funcs = {}, [], []
    for path in sorted((root / 'lib').rglob('*')):
        if path.suffix not in ('.cpp', '.h'):
            continue
        n = len(path.read_text().split('\n')) - 1
        rel = path.relative_to(root / 'lib')
        lib = owner.get(f'{rel.parts[0]}/{path.stem}', first.get(rel.parts[0], rel.parts[0]))
        libs.setdefault(lib, [0, 0])
        libs[lib][0] += n
        libs[lib][1] += 1
        files.append((n, str(rel)))
        funcs += [(k, f'{rel}: {name}') for k, name in functions(path)]
    print('| library | files | lines |')
    print('|---|---|---|')
    for lib, (n, f) in sorted(libs.items()):
        print(f'| {lib} | {f} | {n} |')
    print(f'| total | {sum(v[1] for v in libs.values())} | {sum(v[0] for v in libs.values())} |')
    print('\nLargest files:', ', '.join(f'{f} {n}' for n, f in sorted(files, reverse=True)[:6]))
    long = sorted(funcs, reverse=True)
    print('Functions over 120 lines:', sum(1 for k, _ in long if k > 120),
          '; longest:', ', '.join(f'{name} ({k})' for k, name in long[:4]))
    print('\nLinks:')
    for lib, d in sorted(deps.items()):
        print(f'  {lib}: {d}')


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '.')
