#!/usr/bin/env bash
# Run every async-* check over the configured corpus.
# Usage: corpus/run.sh MODULE BUILD_ROOT OUT_DIR [LLVM_VERSION=19]
#   SRC_ROOT (environment, default /work/corpus-src): the extracted snapshots.
#   PROJECTS (environment, optional): space-separated subset of project names.
# Writes OUT_DIR/raw/NAME.txt (clang-tidy's output), OUT_DIR/findings.jsonl
# (one line per unique warning) and OUT_DIR/summary.json.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 3 ] || { sed -n 2,7p "$0"; exit 2; }
module=$(realpath "$1"); build_root=$(realpath "$2"); out=$3; v=${4:-19}
src_root=$(realpath "${SRC_ROOT:-/work/corpus-src}")
projects=${PROJECTS:-$(python3 -c 'import json,sys; print(" ".join(p["name"] for p in json.load(open(sys.argv[1]))["projects"]))' "$here/manifest.json")}
mkdir -p "$out/raw"
# run-clang-tidy 14 has no -load: a clang-tidy that loads the module stands in
# (and drops the --use-color that run-clang-tidy 14 always passes).
tidy=(-clang-tidy-binary "clang-tidy-$v" -load="$module")
if ! "run-clang-tidy-$v" --help | grep -q -- '-load'; then
  cat >"$out/clang-tidy" <<WRAPPER
#!/usr/bin/env bash
args=(); for a in "\$@"; do [ "\$a" = --use-color ] || args+=("\$a"); done
exec clang-tidy-$v -load=$module "\${args[@]}"
WRAPPER
  chmod +x "$out/clang-tidy"
  tidy=(-clang-tidy-binary "$(realpath "$out/clang-tidy")")
fi
: > "$out/times.tsv"
start=$(date +%s)
for name in $projects; do
  db="$build_root/$name/compile_commands.json"
  [ -f "$db" ] || { echo "$name: no $db (run corpus/configure.py)" >&2; continue; }
  t0=$(date +%s)
  # Findings in the project's own headers too (its sources, or headers that the
  # configure step put in its build dir), never in system headers.
  filter="^($src_root/$name|$build_root/$name)/"
  # -config: ignore the project's own .clang-tidy (its WarningsAsErrors,
  # options and header filter would change what is reported).
  "run-clang-tidy-$v" "${tidy[@]}" \
    -config="{Checks: '-*,async-*'}" -checks='-*,async-*' -p "$build_root/$name" -j 2 -quiet \
    -header-filter="$filter" >"$out/raw/$name.txt" 2>"$out/raw/$name.err" || true
  echo -e "$name\t$(( $(date +%s) - t0 ))" >>"$out/times.tsv"
  echo "$name: $(grep -c 'warning: .*\[async-' "$out/raw/$name.txt" || true) warnings (with repeats), $(( $(date +%s) - t0 ))s"
done
python3 "$here/collect.py" "$build_root" "$src_root" "$out" "$(( $(date +%s) - start ))"
