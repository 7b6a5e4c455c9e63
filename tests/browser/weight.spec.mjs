// Weight gate (issue 8): budgets for what a reader on a slow phone
// downloads before doing anything.
//
// - The home page, English and Spanish, transfers at most 15 KB compressed
//   before any interaction: every response Chromium receives (HTML, CSS, JS, fonts,
//   images, anything else), each body gzipped here at level 6 as a static
//   host would send it (our test server sends them uncompressed).
// - No render-blocking script: every <script src> in <head> of every HTML
//   page has defer or async, or is type=module; there is no classic inline
//   script anywhere (JSON-LD is data, not script).
// - No page loads more than 25 KB of JavaScript (compressed) before the
//   reader searches: measured in Chromium on every page type, and counted
//   from the <script src> tags of every HTML page of the output.
import test, { before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync, brotliCompressSync } from "node:zlib";
import { serve, launch, watchedPage, siteDir } from "./lib.mjs";
import { pageTypes, siteFiles, urlOf, failShot } from "./pages.mjs";

const KB = 1000;
const HOME_BUDGET = 15 * KB;
const JS_BUDGET = 25 * KB;
const gz = (buf) => gzipSync(buf, { level: 6 }).length;
const br = (buf) => brotliCompressSync(buf).length;
const kb = (n) => `${(n / KB).toFixed(1)} KB`;

let server, browser;
before(async () => {
  server = await serve(siteDir());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Loads `path` on a phone-sized page and records every response until the network is idle. */
async function load(path) {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const { page, problems } = await watchedPage(context);
  const pending = [];
  page.on("response", (r) => {
    pending.push(r.body().then(
      (body) => ({ url: r.url().replace(server.url, ""), type: r.request().resourceType(), raw: body.length, gzip: gz(body), brotli: br(body) }),
      () => null, // a redirect or an aborted request has no body
    ));
  });
  await page.goto(server.url + path, { waitUntil: "networkidle" });
  const responses = (await Promise.all(pending)).filter(Boolean);
  return { context, page, problems, responses };
}

const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);

for (const home of ["/", "/es/"]) test(`home page ${home}: at most 15 KB compressed before any interaction`, async () => {
  const { context, page, problems, responses } = await load(home);
  try {
    const lines = responses.map((r) => `    ${r.type.padEnd(10)} ${String(r.raw).padStart(7)} B raw ${String(r.gzip).padStart(6)} B gzip ${String(r.brotli).padStart(6)} B brotli  ${r.url}`);
    const total = sum(responses, "gzip");
    console.log(`home page ${home} before interaction: ${responses.length} requests, ${kb(sum(responses, "raw"))} raw, ` +
      `${kb(total)} gzip, ${kb(sum(responses, "brotli"))} brotli (budget ${kb(HOME_BUDGET)} gzip)\n${lines.join("\n")}`);
    assert.deepEqual(problems, []);
    if (total > HOME_BUDGET) {
      const shot = await failShot(page, "weight", "home", home);
      assert.fail(`home page ${home} transfers ${kb(total)} gzip, over its ${kb(HOME_BUDGET)} budget:\n${lines.join("\n")}\nscreenshot: ${shot}`);
    }
  } finally {
    await context.close();
  }
});

test("no render-blocking script and no inline script on any page", async () => {
  const dir = siteDir();
  const files = (await siteFiles(dir)).filter((f) => f.endsWith(".html"));
  const docs = await Promise.all(files.map(async (f) => [urlOf(f), await readFile(join(dir, f), "utf8")]));
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    // DOMParser reads the HTML exactly as a browser does (minified,
    // unquoted attributes and all) without loading anything.
    const problems = await page.evaluate((docs) => {
      const out = [];
      for (const [url, html] of docs) {
        const doc = new DOMParser().parseFromString(html, "text/html");
        for (const s of doc.head.querySelectorAll("script[src]")) {
          if (!s.defer && !s.async && s.type !== "module") out.push(`${url}: render-blocking <script src="${s.getAttribute("src")}"> in <head> (add defer)`);
        }
        for (const s of doc.querySelectorAll("script:not([src])")) {
          const type = (s.type || "text/javascript").toLowerCase();
          if (!/json|template/.test(type)) out.push(`${url}: inline <script${s.type ? ` type="${s.type}"` : ""}> (the CSP blocks it; move it to a file)`);
        }
      }
      return out;
    }, docs);
    console.log(`render-blocking scripts: checked ${docs.length} HTML pages, ${problems.length} problems`);
    assert.deepEqual(problems, [], problems.join("\n"));
  } finally {
    await context.close();
  }
});

test("no page loads more than 25 KB of JavaScript before the reader searches", async () => {
  const dir = siteDir();
  const report = [], problems = [];
  // 1. Measured in Chromium, on every page type, before any interaction.
  for (const type of await pageTypes(dir)) {
    const { context, page, responses } = await load(type.path);
    try {
      const js = responses.filter((r) => r.type === "script" || /\.m?js(\?|$)/.test(r.url));
      const line = `${type.name.padEnd(20)} ${type.path.padEnd(46)} JS ${kb(sum(js, "raw")).padStart(8)} raw ${kb(sum(js, "gzip")).padStart(8)} gzip ` +
        `(${js.map((r) => r.url.replace(/^.*\//, "")).join(", ") || "none"}); page total ${kb(sum(responses, "gzip"))} gzip`;
      report.push(line);
      if (sum(js, "gzip") > JS_BUDGET) {
        const shot = await failShot(page, "weight", type.name);
        problems.push(`${type.name} ${type.path}: ${kb(sum(js, "gzip"))} of JavaScript (gzip) before any interaction, over ${kb(JS_BUDGET)}; screenshot ${shot}`);
      }
    } finally {
      await context.close();
    }
  }
  console.log(`JavaScript before interaction, per page type (budget ${kb(JS_BUDGET)} gzip):\n    ${report.join("\n    ")}`);
  // 2. Counted from the markup of every HTML page: the scripts it names.
  const sizes = new Map();
  const files = (await siteFiles(dir)).filter((f) => f.endsWith(".html"));
  let worst = { url: "", gzip: 0 };
  for (const f of files) {
    const html = await readFile(join(dir, f), "utf8");
    let total = 0;
    for (const [, src] of html.matchAll(/<script\b[^>]*?\bsrc=["']?([^"' >]+)/g)) {
      const path = new URL(src, `http://127.0.0.1${urlOf(f)}`).pathname;
      if (!sizes.has(path)) sizes.set(path, gz(await readFile(join(dir, path))));
      total += sizes.get(path);
    }
    if (total > worst.gzip) worst = { url: urlOf(f), gzip: total };
    if (total > JS_BUDGET) problems.push(`${urlOf(f)}: its <script src> tags add up to ${kb(total)} gzip, over ${kb(JS_BUDGET)}`);
  }
  console.log(`scripts named by the markup: ${files.length} HTML pages, the heaviest is ${worst.url} with ${kb(worst.gzip)} gzip`);
  assert.deepEqual(problems, [], problems.join("\n"));
});
