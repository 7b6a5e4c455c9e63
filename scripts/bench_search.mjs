// Bytes and time to a first result in Chromium, casebook's search.js side by
// side with Pagefind when the site has a pagefind/ folder (issue #5).
//
//   node scripts/bench_search.mjs SITE_DIR "query one" "query two" ...
//
// Serves SITE_DIR on 127.0.0.1, opens it in Debian Chromium (playwright-core
// from tests/browser/node_modules) and, for each query in a fresh page:
// fetches what a first query fetches (script, manifest, term shards, the
// summaries of the first six results) and reports the files, their gzip -9
// size (Pagefind's index files are already compressed, so they count as
// sent), and the query time once the files are in (median of 20 runs).
import { createRequire } from "node:module";
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const browserDir = join(here, "..", "tests", "browser");
const require = createRequire(join(browserDir, "package.json"));
const { chromium } = require("playwright-core");
const { serve } = await import(join(browserDir, "lib.mjs"));

// With --relevance FILE, the reader questions of tests/testsuite/search.rs are run
// through both engines and the mean reciprocal rank of the expected answer
// in the top 10 is reported (for Pagefind, a page's sub-results, the
// anchors it found, count in order).
const args = process.argv.slice(2);
const rel = args.indexOf("--relevance");
const questions = rel < 0 ? [] : parseQuestions(readFileSync(args.splice(rel, 2)[1], "utf8"));
const [site, ...queries] = args;
if (!site || !(queries.length || questions.length)) {
  console.error("usage: node scripts/bench_search.mjs SITE_DIR [--relevance tests/testsuite/search.rs] QUERY...");
  process.exit(2);
}
function parseQuestions(rust) {
  const block = rust.slice(rust.indexOf("const QUESTIONS"), rust.indexOf("];", rust.indexOf("const QUESTIONS")));
  return [...block.matchAll(/\(\s*"((?:[^"\\]|\\.)*)",\s*&\[([^\]]*)\]/g)].map((m) => [m[1], [...m[2].matchAll(/"([^"]*)"/g)].map((x) => x[1])]);
}
const script = readdirSync(join(site, "assets")).find((f) => /^search\.[0-9a-f]+\.js$/.test(f));
const pagefind = existsSync(join(site, "pagefind", "pagefind.js"));

function sent(path, body) {
  // Pagefind's index and fragments are gzip files already.
  if (/\.pf_(meta|index|fragment)$/.test(path) || /\.wasm\./.test(path) && body[0] === 0x1f) return body.length;
  return gzipSync(body, { level: 9 }).length;
}

const server = await serve(site);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];

async function run(engine, q) {
  // bypassCSP: the bench loads the engines through a script of its own.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const files = [];
  page.on("response", async (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/search/") && path !== "/search/" || path.startsWith("/pagefind/") || path.startsWith("/assets/search.")) {
      try { files.push([path, sent(path, await r.body())]); } catch { /* redirects */ }
    }
  });
  await page.goto(server.url + "/404.html");
  const result = await page.evaluate(async ({ engine, q, script }) => {
    const t0 = performance.now();
    let search;
    if (engine === "casebook") {
      const src = await (await fetch("/assets/" + script)).text();
      const module = { exports: {} };
      new Function("module", src)(module);
      const e = new module.exports.Engine(location.origin + "/search/manifest.json", (u) => fetch(u).then((r) => r.json()));
      search = async () => {
        const r = await e.search(q, true);
        const recs = await e.records(r.hits.slice(0, 6).map((h) => h[0]));
        return [r.hits.length, recs.map((x) => x.url)];
      };
    } else {
      const pf = await import("/pagefind/pagefind.js");
      await pf.init();
      search = async () => {
        const r = await pf.search(q);
        const data = await Promise.all(r.results.slice(0, 6).map((x) => x.data()));
        return [r.results.length, data.map((d) => d.url)];
      };
    }
    const [count, top] = await search();
    const first = performance.now() - t0;
    const times = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await search();
      times.push(performance.now() - t);
    }
    return { count, top, first, times };
  }, { engine, q, script });
  await page.waitForTimeout(100);
  await context.close();
  const bytes = files.reduce((n, f) => n + f[1], 0);
  return { engine, q, files: files.length, kb: bytes / 1024, first: result.first, warm: median(result.times), count: result.count, top: result.top[0] };
}

async function relevance(engine) {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(server.url + "/404.html");
  const ranks = await page.evaluate(async ({ engine, questions, script }) => {
    let search;
    if (engine === "casebook") {
      const src = await (await fetch("/assets/" + script)).text();
      const module = { exports: {} };
      new Function("module", src)(module);
      const e = new module.exports.Engine(location.origin + "/search/manifest.json", (u) => fetch(u).then((r) => r.json()));
      search = async (q) => (await e.records((await e.search(q, false)).hits.slice(0, 10).map((h) => h[0]))).map((r) => r.url);
    } else {
      const pf = await import("/pagefind/pagefind.js");
      await pf.init();
      search = async (q) => {
        const r = await pf.search(q);
        const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
        return data.flatMap((d) => (d.sub_results && d.sub_results.length ? d.sub_results.map((s) => s.url) : [d.url])).slice(0, 10);
      };
    }
    const out = [];
    const page = (u) => u.split("#")[0];
    for (const [q, expected] of questions) {
      const urls = (await search(q)).map((u) => u.replace(/^https?:\/\/[^/]+/, "").replace(/\/index\.html/, "/"));
      const i = urls.findIndex((u) => expected.includes(u));
      // Page level: the right page, whatever the anchor (distinct pages).
      const pages = [...new Set(urls.map(page))];
      const j = pages.findIndex((u) => expected.map(page).includes(u));
      out.push([i < 0 ? 0 : i + 1, j < 0 ? 0 : j + 1]);
    }
    return out;
  }, { engine, questions, script });
  await context.close();
  for (const [k, level] of [[0, "record"], [1, "page"]]) {
    const rs = ranks.map((r) => r[k]);
    const mrr = rs.reduce((n, r) => n + (r ? 1 / r : 0), 0) / rs.length;
    const top3 = rs.filter((r) => r && r <= 3).length;
    console.log(`${engine.padEnd(9)} ${level.padEnd(6)} MRR ${mrr.toFixed(3)}, in the top 3 for ${top3} of ${rs.length} questions, not in the top 10 for ${rs.filter((r) => !r).length}`);
  }
}

try {
  if (questions.length) {
    for (const engine of pagefind ? ["casebook", "pagefind"] : ["casebook"]) await relevance(engine);
  }
  if (queries.length) console.log("engine    files  KB gz  first ms  warm ms  results  top result   query");
  for (const q of queries) {
    for (const engine of pagefind ? ["casebook", "pagefind"] : ["casebook"]) {
      const r = await run(engine, q);
      console.log(`${r.engine.padEnd(9)} ${String(r.files).padStart(5)} ${r.kb.toFixed(1).padStart(6)} ${r.first.toFixed(0).padStart(9)} ${r.warm.toFixed(1).padStart(8)} ${String(r.count).padStart(8)}  ${(r.top || "-").slice(0, 40).padEnd(40)} ${q}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
