#!/usr/bin/env bash
# Search benchmark (issue #5): casebook's index next to Pagefind on the same
# built HTML, at 1,000 and 10,000 synthetic pages and on the flagship site.
#
#   scripts/bench_search.sh                 # sizes 1000 10000
#   SIZES="1000" scripts/bench_search.sh
#   PAGEFIND=/path/to/pagefind scripts/bench_search.sh
#
# For each site it reports:
#   - a whole `casebook build` (with the index): wall, CPU and peak memory;
#   - the index alone (examples/search_bench.rs): wall, CPU, the memory it
#     adds at its peak, files and bytes;
#   - `pagefind --site` over the same HTML, if a pagefind binary is found
#     (PAGEFIND, or `pagefind` on PATH; `npm install pagefind` in a scratch
#     folder puts one in node_modules/.bin);
#   - bytes and time to a first result in Chromium for a few queries
#     (scripts/bench_search.mjs), for both engines, and on the flagship
#     site the relevance of both on the reader questions of tests/testsuite/search.rs.
# Corpora come from ../shared/bench/gen_corpus.py into $BENCH_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/casebook-bench}
SIZES=${SIZES:-"1000 10000"}
GEN=${GEN:-$root/../shared/bench/gen_corpus.py}
PAGEFIND=${PAGEFIND:-$(command -v pagefind || true)}
mkdir -p "$BENCH_DIR"

cargo build --release --quiet --bin casebook --example search_bench
bin=$root/target/release/casebook
bench=$root/target/release/examples/search_bench

timed() { # label, command... → one line: wall, CPU, peak RSS
  local label=$1; shift
  /usr/bin/time -f "$label: %e s wall, %U s user + %S s system CPU, %M KiB peak" "$@" >/dev/null 2>"$BENCH_DIR/time.txt" || { cat "$BENCH_DIR/time.txt"; return 1; }
  tail -n 1 "$BENCH_DIR/time.txt"
}

site_bench() { # name, site root, built output, queries...
  local name=$1 src=$2 out=$3; shift 3
  echo
  echo "== $name"
  timed "casebook build (pages + index)" "$bin" build --quiet --root "$src" --output-dir "$out" --base-url http://127.0.0.1/
  echo "-- the index alone (best of 3):"
  "$bench" "$src" 3 | sed 's/^/   /'
  printf '   on disk: %s in search/, gzip -9 total %s KiB\n' "$(du -sh "$out/search" | cut -f1)" \
    "$(( $(cat "$out"/search/*.json | gzip -9 | wc -c) / 1024 ))"
  if [ -n "$PAGEFIND" ]; then
    timed "pagefind --site (index only)" "$PAGEFIND" --site "$out"
    printf '   on disk: %s in pagefind/\n' "$(du -sh "$out/pagefind" | cut -f1)"
  else
    echo "   (no pagefind binary: set PAGEFIND=... to compare)"
  fi
  if [ -d "$root/tests/browser/node_modules/playwright-core" ] && [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
    node "$root/scripts/bench_search.mjs" "$out" "$@"
  else
    echo "   (no Chromium or tests/browser/node_modules: skipping bytes to the first result)"
  fi
}

site_bench "flagship site" "$root" "$BENCH_DIR/flagship-out" --relevance "$root/tests/testsuite/search.rs" \
  "recruter" "how long should I wait before following up" "character limit for a connection note"

for n in $SIZES; do
  corpus=$BENCH_DIR/c$n
  [ -f "$corpus/site.toml" ] || python3 "$GEN" --pages "$n" --out "$corpus" --flavor casebook --force >/dev/null
  site_bench "$n synthetic pages" "$corpus" "$BENCH_DIR/c$n-out" \
    "salary negotiation" "negotiaton" "remote onboarding checklist" "how do I ask for a referral"
done
