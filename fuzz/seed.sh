#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with the repository's own content and test
# fixtures, so that runs start from realistic input. Safe to run again:
# files are named by their content's hash.
set -euo pipefail
cd "$(dirname "$0")"
root=..

seed() { # target, prefix byte (octal escape or ""), file
    local dir="corpus/$1" tmp
    mkdir -p "$dir"
    tmp=$(mktemp)
    { printf "$2"; cat "$3"; } >"$tmp"
    mv "$tmp" "$dir/$(sha1sum "$tmp" | cut -c1-40)"
}

mapfile -t md < <(find "$root/content" "$root/tests/fixtures" "$root/examples" -name '*.md' -type f 2>/dev/null | sort)
mapfile -t yaml < <(find "$root/content" "$root/tests/fixtures" "$root/examples" \( -name '*.yaml' -o -name '*.yml' \) -type f 2>/dev/null | sort)
mapfile -t toml < <(find "$root/tests/fixtures" "$root/examples" -name '*.toml' -type f 2>/dev/null | sort; echo "$root/site.toml")

for f in "${md[@]}"; do
    seed front_matter "" "$f"
    seed heading_ids '\000' "$f"
    seed heading_ids '\001' "$f"
    seed shortcodes '\000' "$f"
    seed shortcodes '\003' "$f"
    # Structured (arbitrary) input: any bytes decode; page text makes the
    # strings in it look like Markdown.
    seed links "" "$f"
done
for f in "${toml[@]}"; do
    # A TOML file as front matter between `+++` lines.
    tmp=$(mktemp)
    { echo '+++'; cat "$f"; echo '+++'; echo 'Body'; } >"$tmp"
    seed front_matter "" "$tmp"
    rm -f "$tmp"
done
for f in "${yaml[@]}"; do
    case "$f" in
    */decisions/*)
        seed tree '\000' "$f" ;;
    */data/*)
        # `#%% <path below content/data/>` starts each file of the data target.
        rel=${f#*/content/data/}
        tmp=$(mktemp)
        { echo "#%% $rel"; cat "$f"; } >"$tmp"
        seed data "" "$tmp"
        rm -f "$tmp" ;;
    esac
done
# Several files in one input, so that cross-file checks (cited sources, case
# ids of checker rules) run.
together() { # dir, files...
    local dir=$1 tmp
    shift
    tmp=$(mktemp)
    for f in "$@"; do echo "#%% $f"; cat "$dir/$f"; done >"$tmp"
    seed data "" "$tmp"
    rm -f "$tmp"
}
together "$root/tests/fixtures/basic/content/data" sources.yaml cases.yaml faqs.yaml quotes.yaml templates.yaml
together "$root/content/data" sources.yaml quotes.yaml
together "$root/content/data" sources.yaml checks.yaml

for t in corpus/*; do echo "$t: $(ls "$t" | wc -l) files"; done
