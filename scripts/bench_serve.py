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

The server command gets `--root`-less: it runs inside the corpus folder.
Standard library only.
"""

import argparse
import os
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


def pages(corpus, n):
    """N Markdown pages spread evenly over the corpus (not section indexes)."""
    found = []
    for root, _, files in os.walk(os.path.join(corpus, "content")):
        found += [os.path.join(root, f) for f in files if f.endswith(".md") and f != "_index.md"]
    found.sort()
    step = max(1, len(found) // n)
    return found[::step][:n]


def url_of(corpus, port, path):
    rel = os.path.relpath(path, os.path.join(corpus, "content"))
    return f"http://127.0.0.1:{port}/{rel[:-3]}/"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--port", type=int, default=4400)
    ap.add_argument("--edits", type=int, default=7)
    ap.add_argument("--startup", type=float, default=300, help="seconds to wait for the first build")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.command[1:] if args.command[:1] == ["--"] else args.command
    targets = pages(args.corpus, args.edits)
    server = subprocess.Popen(cmd, cwd=args.corpus, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    samples = []
    try:
        first = url_of(args.corpus, args.port, targets[0])
        wait_for(first, lambda body: "</html>" in body, args.startup)
        time.sleep(1)
        for i, path in enumerate(targets):
            url = url_of(args.corpus, args.port, path)
            with open(path, encoding="utf-8") as f:
                original = f.read()
            word = f"zqxedit{os.getpid()}n{i}"
            try:
                start = time.perf_counter()
                with open(path, "w", encoding="utf-8") as f:
                    f.write(original + f"\n\nA new sentence with {word} in it.\n")
                done = wait_for(url, lambda body: word in body, 60)
                samples.append((done - start) * 1000)
                print(f"{os.path.relpath(path, args.corpus)}: {samples[-1]:.0f} ms", flush=True)
            finally:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(original)
            wait_for(url, lambda body: "</html>" in body and word not in body, 60)
            time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(10)
    print(
        f"edit → served, {len(samples)} edits: min {min(samples):.0f} ms, "
        f"median {statistics.median(samples):.0f} ms, max {max(samples):.0f} ms"
    )


if __name__ == "__main__":
    sys.exit(main())
