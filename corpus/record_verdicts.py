#!/usr/bin/env python3
"""Record verdicts, written as JSON lists by whoever judged them, in triage.yaml.

Usage: corpus/record_verdicts.py [--triage corpus/triage.yaml] VERDICTS.json...

Each verdict is {project, check, file, line, message, verdict, reason}; it is
matched to the triage entry with the same key (as sample.py keys them). A
verdict must be TRUE, FALSE or NOISE; one that matches no entry is an error.
"""
import argparse, json, os, sys
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sample import Literal, key  # noqa: E402

VERDICTS = {'TRUE', 'FALSE', 'NOISE'}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument('--triage', default=os.path.join(here, 'triage.yaml'))
    parser.add_argument('verdicts', nargs='+')
    args = parser.parse_args()
    doc = yaml.safe_load(open(args.triage))
    entries = {key(e): e for e in doc['entries']}
    errors = 0
    for path in args.verdicts:
        for v in json.load(open(path)):
            entry = entries.get(key(v))
            if not entry or v.get('verdict') not in VERDICTS:
                print(f'{path}: cannot record {v}', file=sys.stderr)
                errors += 1
                continue
            entry['verdict'], entry['reason'] = v['verdict'], v.get('reason', '')
    for e in doc['entries']:
        e['excerpt'] = Literal(e['excerpt'])
    with open(args.triage, 'w') as out:
        yaml.dump(doc, out, sort_keys=False, allow_unicode=True, width=200)
    judged = sum(1 for e in doc['entries'] if e.get('verdict'))
    print(f'{args.triage}: {judged} of {len(doc["entries"])} entries judged')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
