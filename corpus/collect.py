#!/usr/bin/env python3
"""Turn run.sh's raw clang-tidy output into findings.jsonl and summary.json.

Usage: corpus/collect.py BUILD_ROOT SRC_ROOT OUT_DIR WALL_SECONDS

A finding is a warning of an async-* check; the notes that follow it are kept
with it. Identical file:line:col:check warnings from several TUs are one
finding. Paths are made relative to the project's root (symlinks resolved).
"""
import collections, json, os, re, sys

DIAG = re.compile(r'^(?P<file>/[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<kind>warning|error|note): (?P<msg>.*?)(?: \[(?P<check>[\w.,-]+)\])?$')


def rel(path, src):
    real = os.path.realpath(path)
    return os.path.relpath(real, src) if real.startswith(src + os.sep) else real


def parse(text, project, src):
    findings, current = [], None
    for line in text.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        if m['kind'] == 'note':
            if current is not None:
                current['notes'].append(f"{rel(m['file'], src)}:{m['line']}:{m['col']}: {m['msg']}")
            continue
        current = None
        check = (m['check'] or '').split(',')[0]  # 'async-x,-warnings-as-errors'
        if check.startswith('async-'):
            current = {'project': project, 'check': check, 'file': rel(m['file'], src),
                       'line': int(m['line']), 'col': int(m['col']), 'message': m['msg'], 'notes': []}
            findings.append(current)
    return findings


def main():
    build_root, src_root, out, wall = sys.argv[1:5]
    times = dict(l.split('\t') for l in open(os.path.join(out, 'times.tsv')).read().splitlines())
    unique, tus, errors = {}, {}, {}
    for project in times:
        src = os.path.realpath(os.path.join(src_root, project))
        tus[project] = len(json.load(open(os.path.join(build_root, project, 'compile_commands.json'))))
        text = open(os.path.join(out, 'raw', project + '.txt'), errors='replace').read()
        errors[project] = sum(': error: ' in l and '[async-' not in l for l in text.splitlines() if DIAG.match(l))
        for f in parse(text, project, src):
            unique.setdefault((project, f['file'], f['line'], f['col'], f['check']), f)
    findings = sorted(unique.values(), key=lambda f: (f['check'], f['project'], f['file'], f['line'], f['col']))
    with open(os.path.join(out, 'findings.jsonl'), 'w') as fp:
        for f in findings:
            fp.write(json.dumps(f) + '\n')
    by_check = collections.Counter(f['check'] for f in findings)
    by_project = collections.Counter(f['project'] for f in findings)
    summary = {'tus': tus, 'total_tus': sum(tus.values()), 'findings': len(findings),
               'findings_per_check': dict(sorted(by_check.items())),
               'findings_per_project': dict(sorted(by_project.items())),
               'compiler_errors_per_project': errors,
               'seconds_per_project': {p: int(t) for p, t in times.items()}, 'wall_seconds': int(wall)}
    json.dump(summary, open(os.path.join(out, 'summary.json'), 'w'), indent=1)
    print(json.dumps(summary, indent=1))


if __name__ == '__main__':
    main()
