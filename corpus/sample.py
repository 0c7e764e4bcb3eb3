#!/usr/bin/env python3
"""Draw the triage sample from a findings.jsonl and merge it into triage.yaml.

Usage: corpus/sample.py [FINDINGS=corpus/findings-baseline.jsonl] [SRC_ROOT=/work/corpus-src]
                        [TRIAGE=corpus/triage.yaml]

For each check: every finding if it has at most 25, else a random sample of 25
drawn with random.Random(f'{SEED}:{check}') from the findings sorted by
(project, file, line, col). Each entry gets a short code excerpt read from
SRC_ROOT. Entries already in TRIAGE with a verdict are kept as they are (the
key is project, file, line, check, message), even when no longer sampled;
unjudged entries are replaced by the new sample.
Verdicts: TRUE (a real defect or a fair warning), FALSE (wrong), NOISE (right
but not worth a reviewer's time, e.g. test scaffolding).
"""
import collections, json, os, random, sys
import yaml

SEED = 20261130
PER_CHECK = 25
HERE = os.path.dirname(os.path.abspath(__file__))


def key(e):
    return (e['project'], e['file'], e['line'], e['check'], e['message'])


def excerpt(src_root, f, before=2, after=3):
    path = os.path.join(src_root, f['project'], f['file'])
    try:
        lines = open(path, errors='replace').read().splitlines()
    except OSError:
        return '(source not found)'
    lo, hi = max(1, f['line'] - before), min(len(lines), f['line'] + after)
    return '\n'.join(f"{n:>5}{'>' if n == f['line'] else ' '} {lines[n - 1].rstrip()}"
                     for n in range(lo, hi + 1))


def draw(findings):
    by_check = collections.defaultdict(list)
    for f in findings:
        by_check[f['check']].append(f)
    picked = []
    for check in sorted(by_check):
        fs = sorted(by_check[check], key=lambda f: (f['project'], f['file'], f['line'], f['col']))
        picked += fs if len(fs) <= PER_CHECK else random.Random(f'{SEED}:{check}').sample(fs, PER_CHECK)
    return picked


class Literal(str):
    pass


yaml.add_representer(Literal, lambda d, s: d.represent_scalar('tag:yaml.org,2002:str', s, style='|'))


def main():
    args = sys.argv[1:]
    findings_path = args[0] if len(args) > 0 else os.path.join(HERE, 'findings-baseline.jsonl')
    src_root = args[1] if len(args) > 1 else '/work/corpus-src'
    triage_path = args[2] if len(args) > 2 else os.path.join(HERE, 'triage.yaml')
    findings = [json.loads(l) for l in open(findings_path) if l.strip()]
    old = yaml.safe_load(open(triage_path)) if os.path.exists(triage_path) else None
    old = (old or {}).get('entries', [])
    judged = {key(e): e for e in old if e.get('verdict')}
    entries, seen = [], set()
    for f in draw(findings):
        k = key(f)
        seen.add(k)
        e = judged.get(k) or {'project': f['project'], 'check': f['check'], 'file': f['file'],
                              'line': f['line'], 'message': f['message'],
                              'excerpt': excerpt(src_root, f), 'verdict': '', 'reason': ''}
        entries.append(dict(e, sampled=True))
    entries += [dict(e, sampled=False) for k, e in judged.items() if k not in seen]
    for e in entries:
        e['excerpt'] = Literal(e['excerpt'])
    doc = {'seed': SEED, 'per_check': PER_CHECK, 'findings': os.path.basename(findings_path),
           'verdicts': 'TRUE | FALSE | NOISE', 'entries': entries}
    with open(triage_path, 'w') as out:
        yaml.dump(doc, out, sort_keys=False, allow_unicode=True, width=200)
    print(f'{triage_path}: {len(entries)} entries ({sum(1 for e in entries if e.get("verdict"))} judged)')


if __name__ == '__main__':
    main()
