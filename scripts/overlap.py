#!/usr/bin/env python3
"""Report every run of N or more consecutive words that content/ shares with
the source articles in ../shared/seeds/ (issue 3: our own words, except quotes).

Quote texts (the `text:` of records in quotes.yaml) are skipped: they are the
one place verbatim wording belongs. Exit status 1 when any run is found.

    python3 scripts/overlap.py [--words 10] [--seeds ../shared/seeds] [content]
"""
import argparse
import pathlib
import re
import sys

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def words(text):
    return WORD.findall(text.lower().replace("’", "'"))


def strip_quotes(path, text):
    """Blank the `text:` fields of quotes.yaml so quotes are not counted, and
    the `title:` fields of sources.yaml: an article's title is its name."""
    if path.name == "sources.yaml" or path.parent.name == "sources":
        return "\n".join(l for l in text.splitlines() if not re.match(r"^\s*-?\s*title:", l))
    if path.name != "quotes.yaml" and path.parent.name != "quotes":
        return text
    out, skipping = [], False
    for line in text.splitlines():
        m = re.match(r"^(\s*-?\s*)text:", line)
        if m:
            skipping = True
            indent = len(m.group(1))
            continue
        if skipping and (line.strip() == "" or len(line) - len(line.lstrip()) > indent):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=10)
    ap.add_argument("--seeds", default=str(pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"))
    ap.add_argument("content", nargs="?", default="content")
    a = ap.parse_args()
    n = a.words
    grams = {}
    for seed in sorted(pathlib.Path(a.seeds).glob("*.txt")):
        w = words(seed.read_text(encoding="utf-8"))
        for i in range(len(w) - n + 1):
            grams.setdefault(tuple(w[i : i + n]), seed.name)
    found = 0
    for path in sorted(pathlib.Path(a.content).rglob("*")):
        if path.suffix not in (".md", ".yaml", ".yml", ".toml") or not path.is_file():
            continue
        w = words(strip_quotes(path, path.read_text(encoding="utf-8")))
        i = 0
        while i <= len(w) - n:
            key = tuple(w[i : i + n])
            if key in grams:
                found += 1
                print(f"{path}: \"{' '.join(key)}\" (from {grams[key]})")
                i += n
            else:
                i += 1
    print(f"{found} shared run(s) of {n}+ words")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
