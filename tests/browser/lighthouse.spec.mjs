// Lighthouse gate (issue 8): the home page, a guide in English and in
// Spanish (the ones with the flagship's image, #19, where layout shift must
// be 0 in every run) and the decision tree's start page score 100 for
// accessibility, best practices and SEO and at least 95 for performance,
// the median of 3 runs of Lighthouse's default mobile settings (simulated
// slow 4G, a mid-range phone), in Debian Chromium. A failure lists every audit that cost points, and saves
// Lighthouse's final screenshot and its JSON report.
import test, { before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import lighthouseRun from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { serve, siteDir, screenshotDir } from "./lib.mjs";
import { pageTypes, slug } from "./pages.mjs";

const RUNS = 3;
const WANT = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };
const CHROME_FLAGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
];

// One Chromium for every run (Lighthouse resets storage and cache between
// runs): the runs are sequential so that none slows another down.
let server, chrome;
before(async () => {
  server = await serve(siteDir());
  chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM || "/usr/bin/chromium", chromeFlags: CHROME_FLAGS });
});
after(async () => {
  await chrome?.kill();
  await server?.close();
});

/** One Lighthouse run with its default (mobile) settings: the report (LHR). */
async function lighthouse(url) {
  const result = await lighthouseRun(url, {
    port: chrome.port, output: "json", logLevel: "error", onlyCategories: Object.keys(WANT),
  });
  if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.message}`);
  return result.lhr;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Audits that cost points in a category: "id (score): title". */
function losses(report, category) {
  return report.categories[category].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => report.audits[ref.id])
    .filter((a) => a.score !== null && a.score < 1)
    .map((a) => `${a.id} (${a.score}): ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ""}`);
}

const types = await pageTypes(siteDir());
const PAGES = ["home", "guide", "es-guide", "decide-start"].map((name) => types.find((t) => t.name === name));
/** The guides that show the flagship's image (#19): no layout shift at all in any run. */
const NO_SHIFT = new Set(["guide", "es-guide"]);

for (const type of PAGES) {
  test(`Lighthouse (mobile, median of ${RUNS}): ${type.name} ${type.path}`, { timeout: 600_000 }, async () => {
    const reports = [];
    for (let i = 0; i < RUNS; i++) reports.push(await lighthouse(server.url + type.path));
    const scores = {};
    for (const category of Object.keys(WANT)) {
      scores[category] = median(reports.map((r) => Math.round(r.categories[category].score * 100)));
    }
    const runs = reports.map((r) => Object.keys(WANT).map((c) => Math.round(r.categories[c].score * 100)).join("/")).join(", ");
    const shifts = reports.map((r) => r.audits["cumulative-layout-shift"].numericValue);
    const images = reports[0].audits["network-requests"]?.details?.items
      ?.filter((i) => i.resourceType === "Image").map((i) => `${i.url.replace(server.url, "")} ${i.transferSize} B`) ?? [];
    console.log(`lighthouse ${type.name} ${type.path}: ` +
      Object.entries(scores).map(([c, s]) => `${c} ${s}`).join(", ") + ` (runs perf/a11y/bp/seo: ${runs}); ` +
      `CLS per run: ${shifts.join(", ")}; images: ${images.join(", ") || "none"}`);
    const problems = [];
    if (NO_SHIFT.has(type.name) && shifts.some((cls) => cls !== 0)) {
      problems.push(`${type.name} ${type.path}: cumulative layout shift ${shifts.join(", ")}, not 0 in every run`);
    }
    if (NO_SHIFT.has(type.name) && !images.length) {
      problems.push(`${type.name} ${type.path}: Lighthouse saw no image, so this gate does not measure one`);
    }
    for (const [category, want] of Object.entries(WANT)) {
      if (scores[category] >= want) continue;
      // The run whose score is the median is the one to explain.
      const report = reports.find((r) => Math.round(r.categories[category].score * 100) === scores[category]);
      problems.push(`${type.name} ${type.path}: ${category} ${scores[category]} < ${want}; audits that cost points:\n    ` +
        losses(report, category).join("\n    "));
    }
    if (problems.length) {
      const dir = await screenshotDir();
      const name = slug("lighthouse", type.name);
      const report = reports[0];
      await writeFile(join(dir, `${name}.json`), JSON.stringify(report));
      const shot = report.audits["final-screenshot"]?.details?.data;
      if (shot) await writeFile(join(dir, `${name}.jpg`), Buffer.from(shot.replace(/^data:[^,]+,/, ""), "base64"));
      problems.push(`report and screenshot: ${join(dir, name)}.{json,jpg}`);
    }
    assert.deepEqual(problems, [], problems.join("\n"));
  });
}
