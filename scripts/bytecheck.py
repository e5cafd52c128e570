#!/usr/bin/env python3
"""Byte-identical checker: runs a reference adgen and a new one on every
test/**/*.cpp input (default output, --emit=check, --emit=graph; with the
options the test's RUN lines give adgen) and diffs outputs and exit codes.
Reference results are cached in CACHE/ref (delete it to recompute).

  bytecheck.py REF_ADGEN NEW_ADGEN [--jobs=2] [--cache=/tmp/arch-bi] [--ref-only] [FILTER]

--ref-only fills the cache of reference results without running NEW_ADGEN.
"""
import concurrent.futures, hashlib, json, os, re, shlex, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def variants(path):
    """Distinct adgen argument lists for a test input."""
    text = open(path, errors='replace').read()
    sets = []
    for line in text.splitlines():
        m = re.search(r'RUN:.*?%adgen(?!-opt)\s+(.*)', line)
        if not m or '%s' not in m.group(1):
            continue
        rest = m.group(1)
        rest = re.split(r'\s(?:\||&&|;|2>&1|>|<)', rest)[0]
        try:
            toks = shlex.split(rest)
        except ValueError:
            continue
        out, skip = [], False
        for t in toks:
            if skip:
                skip = False; continue
            if t == '-o':
                skip = True; continue
            if t.startswith('--emit=') or t.startswith('-o') and t != '-o' and '%t' in t:
                continue
            out.append(t)
        out = [t.replace('%S', os.path.dirname(path)).replace('%inc', os.path.join(ROOT, 'include'))
               for t in out]
        if any('%' in t for t in out if t != '%s'):
            continue
        if '%s' not in out:
            continue
        if out not in sets:
            sets.append(out)
    default = ['%s', '--', '-std=c++17', '-I', os.path.join(ROOT, 'include'),
               '-I', os.path.join(ROOT, 'test', 'Inputs')]
    if not sets:
        sets.append(default)
    return sets

def run(adgen, args, path, emit, work):
    os.makedirs(work, exist_ok=True)
    outf = os.path.join(work, 'out.cpp')
    if os.path.exists(outf):
        os.remove(outf)
    a = [x.replace('%s', path) for x in args]
    # emit option goes before the '--'
    if '--' in a:
        i = a.index('--')
        a = a[:i] + ([emit] if emit else []) + ['-o', outf] + a[i:]
    else:
        a = a + ([emit] if emit else []) + ['-o', outf]
    try:
        p = subprocess.run([adgen] + a, cwd=work, capture_output=True, timeout=300)
        rc, so, se = p.returncode, p.stdout.decode(errors='replace'), p.stderr.decode(errors='replace')
    except subprocess.TimeoutExpired:
        rc, so, se = 'timeout', '', ''
    out = open(outf, errors='replace').read() if os.path.exists(outf) else None
    return {'rc': rc, 'stdout': so, 'stderr': se, 'out': out}

def main():
    ref, new = sys.argv[1], sys.argv[2]
    jobs, cache, filt, ref_only = 2, '/tmp/arch-bi', None, False
    for a in sys.argv[3:]:
        if a.startswith('--jobs='): jobs = int(a[7:])
        elif a == '--ref-only': ref_only = True
        elif a.startswith('--cache='): cache = a[8:]
        else: filt = a
    tests = []
    for d, _, fs in os.walk(os.path.join(ROOT, 'test')):
        for f in sorted(fs):
            if f.endswith('.cpp') and '/fuzz' not in d:
                p = os.path.join(d, f)
                if filt and filt not in p: continue
                for args in variants(p):
                    for emit in ['', '--emit=check', '--emit=graph']:
                        tests.append((p, args, emit))
    os.makedirs(os.path.join(cache, 'ref'), exist_ok=True)
    def one(t):
        p, args, emit = t
        key = hashlib.sha1(json.dumps(t).encode()).hexdigest()[:16]
        work = os.path.join(cache, 'work', key)
        rf = os.path.join(cache, 'ref', key + '.json')
        if os.path.exists(rf):
            r = json.load(open(rf))
        else:
            r = run(ref, args, p, emit, work)
            json.dump(r, open(rf, 'w'))
        n = r if ref_only else run(new, args, p, emit, work)
        return t, r, n
    bad = 0
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        for t, r, n in ex.map(one, tests):
            if r != n:
                bad += 1
                diffs = [k for k in r if r[k] != n[k]]
                print('DIFF', os.path.relpath(t[0], ROOT), t[2] or 'default', ' '.join(t[1][1:]), diffs)
    print('%d runs, %d differ' % (len(tests), bad))
    sys.exit(1 if bad else 0)

main()
