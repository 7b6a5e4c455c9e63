#!/usr/bin/env python3
"""Edit → served: how long a development server takes to show a saved edit.

Starts `casebook serve` (or `hugo server`, for comparison) on a corpus made by
../shared/bench/gen_corpus.py, then, for each of N pages spread over the
corpus: appends a paragraph with a new word to the page's Markdown, and polls
the page's URL until the word is served. The time from the write to the first
response that holds the word is one sample. The file is put back as it was
and the script waits until the server serves the old text again before the
next edit, so edits never overlap. Prints each sample, then min, median, max.

    python3 scripts/bench_serve.py --corpus /tmp/c10k -- target/release/casebook serve --port 4400
    python3 scripts/bench_serve.py --corpus /tmp/h10k --port 1313 -- hugo server --port 1313

With --vs, a second server (e.g. Hugo on the same pages) is measured in the
same run, A B A B for --rounds rounds, and each round's medians and their
ratio are printed, as farm-bench does for builds:

    python3 scripts/bench_serve.py --rounds 3 --corpus /tmp/c10k \
        --vs "hugo server --port 1313" --vs-corpus /tmp/h10k --vs-port 1313 \
        -- target/release/casebook serve --port 4400

With --search, each edit is also timed until the site's search index finds
the new word (the shard the manifest names for it lists it), for casebook's
promise that search stays fresh while serving (#17):

    python3 scripts/bench_serve.py --search --corpus /tmp/c10k -- target/release/casebook serve --port 4400

With --edit title, each edit puts the word at the start of the page's title
instead: the page, its neighbours and every list that names it change, which
is casebook serve's slow path (a body edit takes the quick one):

    python3 scripts/bench_serve.py --edit title --corpus /tmp/c10k -- target/release/casebook serve --port 4400

The server command gets `--root`-less: it runs inside the corpus folder.
Standard library only.
"""

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time
import urllib.request


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:  # not up yet, or mid-rebuild
        return ""


def wait_for(url, test, limit):
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if test(fetch(url)):
            return time.perf_counter()
        time.sleep(0.002)
    raise SystemExit(f"gave up waiting for {url} after {limit} s")


def indexed(port, word):
    """Whether casebook's search index at `port` lists `word`: the term shard
    the manifest's keys name for it (the last whose first word is not after
    it, as search.js looks it up) holds it."""
    base = f"http://127.0.0.1:{port}/search/"
    try:
        manifest = json.loads(fetch(base + "manifest.json"))
    except ValueError:
        return False
    keys = manifest["keys"]
    i = max(j for j, key in enumerate(keys) if key <= word)
    return f'"{word}"' in fetch(f"{base}t{i}.{manifest['terms'][i]}.json")


def wait_until(test, limit):
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if test():
            return time.perf_counter()
        time.sleep(0.01)
    raise SystemExit(f"gave up waiting after {limit} s")


def letters(n):
    """`n` in letters: a word the search index keeps whole."""
    return "".join(chr(ord("a") + int(d)) for d in str(n))


def summary(what, samples):
    return (
        f"{what}, {len(samples)} edits: min {min(samples):.0f} ms, "
        f"median {statistics.median(samples):.0f} ms, max {max(samples):.0f} ms"
    )


def pages(corpus, n):
    """N Markdown pages spread evenly over the corpus (not section indexes)."""
    found = []
    for root, _, files in os.walk(os.path.join(corpus, "content")):
        found += [os.path.join(root, f) for f in files if f.endswith(".md") and f != "_index.md"]
    found.sort()
    step = max(1, len(found) // n)
    return found[::step][:n]


def edited(original, word, edit):
    """The page's text with `word` added: a paragraph at the end (`body`) or
    at the start of the front matter's title (`title`)."""
    if edit == "body":
        return original + f"\n\nA new sentence with {word} in it.\n"
    lines = original.split("\n")
    for i, line in enumerate(lines[1:], 1):
        if line.strip() == "---":
            break
        if line.startswith("title:"):
            value = line[len("title:"):].strip()
            quote = value[:1] if value[:1] in "\"'" else ""
            lines[i] = f"title: {quote}{word} {value[len(quote):]}"
            return "\n".join(lines)
    raise SystemExit(f"no title in the front matter of a page to edit: {original[:80]!r}")


def url_of(corpus, port, path):
    rel = os.path.relpath(path, os.path.join(corpus, "content"))
    return f"http://127.0.0.1:{port}/{rel[:-3]}/"


def from_here(cmd):
    """`cmd` with a program named by a relative path (`target/release/casebook`)
    made absolute: the server starts in its corpus folder, not here."""
    program = cmd[0]
    if os.sep in program and not os.path.isabs(program):
        return [os.path.abspath(program)] + cmd[1:]
    return cmd


def measure(cmd, corpus, port, edits, startup, search=False, edit="body"):
    """One server's samples, in ms: started, measured over `edits` pages, stopped."""
    cmd = from_here(cmd)
    targets = pages(corpus, edits)
    server = subprocess.Popen(cmd, cwd=corpus, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    samples, found = [], []
    try:
        first = url_of(corpus, port, targets[0])
        wait_for(first, lambda body: "</html>" in body, startup)
        time.sleep(1)
        for i, path in enumerate(targets):
            url = url_of(corpus, port, path)
            with open(path, encoding="utf-8") as f:
                original = f.read()
            word = f"zqxedit{letters(os.getpid())}x{letters(i)}"
            try:
                start = time.perf_counter()
                with open(path, "w", encoding="utf-8") as f:
                    f.write(edited(original, word, edit))
                done = wait_for(url, lambda body: word in body, 60)
                samples.append((done - start) * 1000)
                note = ""
                if search:
                    done = wait_until(lambda: indexed(port, word), 120)
                    found.append((done - start) * 1000)
                    note = f", found by search at {found[-1]:.0f} ms"
                print(f"{os.path.relpath(path, corpus)}: {samples[-1]:.0f} ms{note}", flush=True)
            finally:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(original)
            wait_for(url, lambda body: "</html>" in body and word not in body, 60)
            if search:
                wait_until(lambda: not indexed(port, word), 120)
            time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(10)
    print(summary("edit → served", samples), flush=True)
    if search:
        print(summary("edit → found by search", found), flush=True)
    return samples


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--port", type=int, default=4400)
    ap.add_argument("--edits", type=int, default=7)
    ap.add_argument("--startup", type=float, default=300, help="seconds to wait for the first build")
    ap.add_argument("--vs", help="a second server command to measure in the same run, A B A B")
    ap.add_argument("--vs-corpus", help="the second server's corpus (default: --corpus)")
    ap.add_argument("--vs-port", type=int, help="the second server's port (default: --port)")
    ap.add_argument("--rounds", type=int, default=1, help="A B rounds with --vs")
    ap.add_argument("--search", action="store_true", help="also time until casebook's search finds the edit")
    ap.add_argument("--edit", choices=["body", "title"], default="body",
                    help="what each edit changes (default: a paragraph added to the body)")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not args.vs:
        measure(cmd, args.corpus, args.port, args.edits, args.startup, args.search, args.edit)
        return 0
    vs = shlex.split(args.vs)
    vs_corpus = args.vs_corpus or args.corpus
    vs_port = args.vs_port or args.port
    ratios = []
    for r in range(args.rounds):
        print(f"-- round {r + 1}: A = {' '.join(cmd)}", flush=True)
        a = statistics.median(measure(cmd, args.corpus, args.port, args.edits, args.startup, edit=args.edit))
        print(f"-- round {r + 1}: B = {args.vs}", flush=True)
        b = statistics.median(measure(vs, vs_corpus, vs_port, args.edits, args.startup, edit=args.edit))
        ratios.append(a / b)
        print(f"-- round {r + 1}: A median {a:.0f} ms, B median {b:.0f} ms, A/B {a / b:.3f}", flush=True)
    print(f"A/B over {len(ratios)} rounds: median {statistics.median(ratios):.3f}, "
          f"min {min(ratios):.3f}, max {max(ratios):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
