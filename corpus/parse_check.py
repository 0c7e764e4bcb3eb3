#!/usr/bin/env python3
"""Time every corpus TU under clang-tidy and list the ones that do not parse.

Usage: corpus/parse_check.py MODULE BUILD_ROOT OUT.tsv [LLVM_VERSION=19]

Appends one line per TU (PROJECTS in the environment: a subset): project, seconds, number of compiler errors, file.
Used to pick the manifest's excludes: TUs with errors (missing generated
headers, platform-only code) and TUs whose parse time is out of proportion.
"""
import concurrent.futures, json, os, subprocess, sys, time


def check(module, version, build, entry):
    t = time.time()
    r = subprocess.run([f'clang-tidy-{version}', f'-load={module}', "-config={Checks: '-*,async-*'}", '-checks=-*,async-*',
                        '-p', build, entry['file']], capture_output=True, text=True)
    errors = sum(' error: ' in line for line in r.stdout.splitlines())
    return time.time() - t, errors


def main():
    module, build_root, out = sys.argv[1:4]
    version = sys.argv[4] if len(sys.argv) > 4 else '19'
    names = os.environ.get('PROJECTS', '').split() or sorted(os.listdir(build_root))
    done = set()  # TUs already timed in OUT.tsv are not run again
    if os.path.exists(out):
        done = {line.split('\t')[3].strip() for line in open(out) if line.count('\t') == 3}
    jobs = []
    for name in names:
        db = os.path.join(build_root, name, 'compile_commands.json')
        if os.path.exists(db):
            jobs += [(name, os.path.join(build_root, name), e) for e in json.load(open(db))
                     if e['file'] not in done]
    with concurrent.futures.ThreadPoolExecutor(2) as pool, open(out, 'a') as f:
        futures = {pool.submit(check, module, version, b, e): (n, e['file']) for n, b, e in jobs}
        for fut in concurrent.futures.as_completed(futures):
            (name, path), (secs, errors) = futures[fut], fut.result()
            f.write(f'{name}\t{secs:.1f}\t{errors}\t{path}\n')
            f.flush()


if __name__ == '__main__':
    main()
