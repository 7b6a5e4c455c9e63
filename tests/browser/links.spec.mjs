// Links gate (issue 8): a crawl of the built flagship site from its home
// page, following every same-origin <a href>, reaches every HTML page of
// the output; every internal link and resource (<a>, <link>, <script>,
// <img>) answers 200 and every #fragment names an element on its target.
// Pages are read in Chromium with JavaScript off: the static site is what
// must hold together.
import test from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { serve, launch, siteDir } from "./lib.mjs";
import { siteFiles, urlOf, failShot } from "./pages.mjs";

// The site is built with --base-url http://127.0.0.1/, so absolute links
// to that origin (canonical, og:url, feed) are internal too.
const BASE_ORIGIN = "http://127.0.0.1";

test("a crawl from the home page reaches every page; every internal link and anchor resolves", async () => {
  const dir = siteDir();
  const server = await serve(dir);
  const browser = await launch();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const internal = (href) => {
    const u = new URL(href);
    if (u.origin !== server.url && u.origin !== BASE_ORIGIN) return null;
    return u;
  };
  const problems = [];
  /** path → { status, type, ids:Set } for every internal URL fetched. */
  const targets = new Map();
  /** [from, href, text] for every internal link with a fragment. */
  const fragments = [];
  const crawled = new Set();
  let links = 0, external = 0;

  async function fetchTarget(path) {
    if (!targets.has(path)) {
      const res = await fetch(server.url + path, { redirect: "manual" });
      targets.set(path, { status: res.status, type: res.headers.get("content-type") || "", ids: null });
      await res.arrayBuffer();
    }
    return targets.get(path);
  }

  try {
    const queue = ["/", "/definitely-missing/"];
    while (queue.length) {
      const path = queue.shift();
      if (crawled.has(path)) continue;
      crawled.add(path);
      const res = await page.goto(server.url + path);
      const expected = path === "/definitely-missing/" ? 404 : 200;
      if (res.status() !== expected) {
        problems.push(`${path}: HTTP ${res.status()}`);
        continue;
      }
      const found = await page.evaluate(() => ({
        ids: [...document.querySelectorAll("[id]")].map((e) => e.id)
          .concat([...document.querySelectorAll("a[name]")].map((e) => e.name)),
        anchors: [...document.querySelectorAll("a[href]")].map((a) => [a.href, a.textContent.trim().slice(0, 60)]),
        resources: [
          ...[...document.querySelectorAll("link[href]")].map((l) => [l.href, `<link rel=${l.rel}>`]),
          ...[...document.querySelectorAll("script[src]")].map((s) => [s.src, "<script>"]),
          ...[...document.querySelectorAll("img[src], source[src], iframe[src]")].map((i) => [i.src, `<${i.tagName.toLowerCase()}>`]),
          ...[...document.querySelectorAll("meta[property='og:url'], meta[property='og:image']")].map((m) => [m.content, `<meta ${m.getAttribute("property")}>`]),
        ],
        refresh: document.querySelector("meta[http-equiv=refresh i]")?.content ?? null,
      }));
      const self = targets.get(path) ?? { status: 200, type: "text/html" };
      self.ids = new Set(found.ids);
      targets.set(path, self);
      if (found.refresh) {
        const to = found.refresh.replace(/^\s*\d+\s*;\s*url=/i, "");
        found.anchors.push([new URL(to, page.url()).href, "meta refresh"]);
      }
      for (const [href, what] of [...found.anchors, ...found.resources]) {
        const isAnchor = found.anchors.some(([h]) => h === href);
        let u;
        try { u = new URL(href); } catch { problems.push(`${path}: unparsable link ${href} (${what})`); continue; }
        if (!/^https?:$/.test(u.protocol)) continue; // mailto:, data:, ...
        const mine = internal(href);
        if (!mine) { external++; continue; }
        links++;
        const target = await fetchTarget(mine.pathname);
        if (target.status !== 200) {
          problems.push(`${path}: link to ${mine.pathname} (${what}) answers HTTP ${target.status}`);
          continue;
        }
        if (mine.hash.length > 1) fragments.push([path, mine.pathname, decodeURIComponent(mine.hash.slice(1)), what]);
        if (isAnchor && target.type.startsWith("text/html") && !crawled.has(mine.pathname)) queue.push(mine.pathname);
      }
    }

    for (const [from, to, id, what] of fragments) {
      const target = targets.get(to);
      if (!target.ids) continue; // not an HTML page
      if (!target.ids.has(id)) problems.push(`${from}: link "${what}" to ${to}#${id}: no element with id "${id}" there`);
    }

    const files = await siteFiles(dir);
    const pages = [];
    for (const f of files.filter((f) => f.endsWith(".html") && f !== "/404.html")) {
      const html = await readFile(join(dir, f), "utf8");
      if (/http-equiv=["']?refresh/i.test(html)) continue; // alias redirects are reached by old URLs, not links
      pages.push(urlOf(f));
    }
    const unreached = pages.filter((p) => !crawled.has(p));
    for (const p of unreached) problems.push(`${p}: not reachable by links from the home page`);

    console.log(`links: crawled ${crawled.size} pages (${pages.length} HTML pages in the output), ` +
      `${links} internal links and resources, ${fragments.length} with #anchors, ${external} external links (not fetched)`);
    if (problems.length) {
      await page.goto(server.url + problems[0].split(":")[0]).catch(() => {});
      const shot = await failShot(page, "links", problems[0].split(":")[0]);
      problems.push(`screenshot of the first page with a problem: ${shot}`);
    }
    assert.deepEqual(problems, [], `link problems:\n${problems.join("\n")}`);
  } finally {
    await browser.close();
    await server.close();
  }
});
