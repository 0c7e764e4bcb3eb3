#!/usr/bin/env python3
"""Configure every corpus project into BUILD_ROOT/NAME/compile_commands.json.

Usage: corpus/configure.py SRC_ROOT BUILD_ROOT [NAME...]

Installs the manifest's apt packages that are missing, runs CMake (configure
only, offline) or generates the compile database from the manifest's source
globs and flags, then keeps only the included C++ translation units (one entry
per file). CMake's own database is kept as compile_commands.full.json.
Idempotent: running it again reconfigures and rewrites the same files.
"""
import fnmatch, glob, json, os, shlex, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CXX_EXT = ('.cc', '.cpp', '.cxx')
CMAKE_COMMON = ['-G', 'Ninja', '-DCMAKE_EXPORT_COMPILE_COMMANDS=ON',
                '-DCMAKE_CXX_COMPILER=clang++-19', '-DCMAKE_C_COMPILER=clang-19']
CATCH2_SHIM = ('// Catch2 v3 names mapped onto Debian 12\'s Catch2 v2 (corpus only)\n'
               '#include <catch2/catch.hpp>\nnamespace Catch { using Detail::Approx; }\n')


def apt_install(packages):
    missing = [p for p in packages if subprocess.run(
        ['dpkg-query', '-W', '-f=${Status}', p], capture_output=True, text=True).stdout != 'install ok installed']
    if missing:
        print('apt-get install', *missing)
        subprocess.run(['apt-get', 'install', '-y', *missing], check=True,
                       env=dict(os.environ, DEBIAN_FRONTEND='noninteractive'))


def setup(p, src, build):
    s = p.get('setup', {})
    if s.get('catch2_shim'):
        d = os.path.join(build, 'shim', 'catch2')
        os.makedirs(d, exist_ok=True)
        for h in ('catch_all.hpp', 'catch_test_macros.hpp'):
            with open(os.path.join(d, h), 'w') as f:
                f.write(CATCH2_SHIM)
    if 'header_farm' in s:  # headers that the build would copy into one directory
        farm = os.path.join(build, s['header_farm']['to'])
        os.makedirs(farm, exist_ok=True)
        for h in glob.glob(os.path.join(src, s['header_farm']['from'], '**', '*'), recursive=True):
            if not h.endswith(('.h', '.hpp', '.inl')):
                continue
            link = os.path.join(farm, os.path.basename(h))
            if not os.path.lexists(link):
                os.symlink(h, link)


def generated_db(p, src, build):
    flags = [f.format(src=src, build=build) for f in p['flags']]
    files = sorted({f for pat in p['sources'] for f in glob.glob(os.path.join(src, pat), recursive=True)})
    return [{'directory': build, 'file': f,
             'command': shlex.join(['clang++-19', *flags, '-c', f, '-o', '/dev/null'])} for f in files]


def cmake_db(p, src, build):
    log = os.path.join(build, 'configure.log')
    with open(log, 'w') as out:
        r = subprocess.run(['cmake', '-S', src, '-B', build, *CMAKE_COMMON, *p['cmake_flags']],
                           stdout=out, stderr=subprocess.STDOUT)
    if r.returncode:
        sys.exit(f'{p["name"]}: cmake failed, see {log}')
    full = os.path.join(build, 'compile_commands.full.json')
    os.replace(os.path.join(build, 'compile_commands.json'), full)
    return json.load(open(full))


def keep(p, rel):
    match = lambda pats: any(fnmatch.fnmatch(rel, pat) for pat in pats)
    return rel.endswith(CXX_EXT) and match(p.get('include', ['*'])) and not match(p.get('exclude', []))


def configure(p, src_root, build_root):
    src, build = os.path.join(src_root, p['name']), os.path.join(build_root, p['name'])
    if not os.path.isdir(src):
        sys.exit(f'{p["name"]}: no sources at {src} (run corpus/extract.sh)')
    os.makedirs(build, exist_ok=True)
    apt_install(p.get('apt', []))
    setup(p, src, build)
    db = cmake_db(p, src, build) if p['build'] == 'cmake' else generated_db(p, src, build)
    seen, out = set(), []
    for e in db:
        f = os.path.normpath(os.path.join(e['directory'], e['file']))
        if f not in seen and keep(p, os.path.relpath(f, src)):
            seen.add(f)
            e = dict(e, file=f)
            if p.get('extra_flags'):  # e.g. Boost 1.74 headers that clang 19 rejects
                args = e.pop('arguments', None) or shlex.split(e.pop('command'))
                e['command'] = shlex.join(args[:1] + p['extra_flags'] + args[1:])
            out.append(e)
    with open(os.path.join(build, 'compile_commands.json'), 'w') as f:
        json.dump(out, f, indent=1)
    note = '' if p.get('tus') in (None, len(out)) else f' (manifest says {p["tus"]})'
    print(f'{p["name"]}: {len(out)} TUs{note}')


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    src_root, build_root = map(os.path.abspath, sys.argv[1:3])
    projects = json.load(open(os.path.join(HERE, 'manifest.json')))['projects']
    for p in projects:
        if len(sys.argv) == 3 or p['name'] in sys.argv[3:]:
            configure(p, src_root, build_root)


if __name__ == '__main__':
    main()
