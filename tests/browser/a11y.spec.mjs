// Accessibility gate (issue 8): axe-core in Chromium on every page type of
// the flagship site, at 375 px and 1280 px, light and dark, with zero
// violations of the WCAG 2.0/2.1/2.2 A and AA rules. A failure names the
// page, the viewport, the colour scheme, the rule and the elements, and
// saves a screenshot.
import test, { before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { serve, launch, watchedPage, siteDir } from "./lib.mjs";
import { pageTypes, failShot } from "./pages.mjs";

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const VIEWPORTS = [{ width: 375, height: 800 }, { width: 1280, height: 900 }];
const SCHEMES = ["light", "dark"];

let server, browser, types;
before(async () => {
  server = await serve(siteDir());
  browser = await launch();
  types = await pageTypes(siteDir());
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs axe on the page as it is now; returns its violations. */
async function axe(page) {
  // page.evaluate is not subject to the page's Content-Security-Policy,
  // unlike a <script> tag, so the strict CSP stays on while axe runs.
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, url: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html.slice(0, 160), why: n.failureSummary })),
    }));
  }, TAGS);
}

// Every viewport and scheme with JavaScript on, and the static pages (the
// ones a reader without JavaScript gets) once more with it off.
const RUNS = [
  ...VIEWPORTS.flatMap((viewport) => SCHEMES.map((colorScheme) => ({ viewport, colorScheme, javaScriptEnabled: true }))),
  { viewport: VIEWPORTS[0], colorScheme: "light", javaScriptEnabled: false },
];

for (const { viewport, colorScheme, javaScriptEnabled } of RUNS) {
  const js = javaScriptEnabled ? "" : ", JavaScript off";
    test(`axe: every page type at ${viewport.width} px, ${colorScheme}${js}`, async () => {
      // axe itself needs JavaScript (and timers) in the page, so "off" means
      // the site's own scripts answer empty; the theme has no <noscript>.
      const context = await browser.newContext({ viewport, colorScheme, reducedMotion: "reduce" });
      if (!javaScriptEnabled) await context.route(/\.m?js(\?.*)?$/, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "" }));
      const { page, problems } = await watchedPage(context);
      page.setDefaultTimeout(10_000);
      const report = [];
      let checked = 0;
      const seen = new Set();
      const errors = [];
      try {
        for (const type of types) {
          // Without JavaScript there is nothing to act on: each URL once, as it loads.
          if (!javaScriptEnabled && seen.has(type.path)) continue;
          seen.add(type.path);
          const res = await page.goto(server.url + type.path);
          assert.equal(res.status(), type.status ?? 200, `${type.name} ${type.path}`);
          if (type.act && javaScriptEnabled) await type.act(page);
          const violations = await axe(page);
          checked++;
          // The 404 page type answers 404 on purpose; anything else is a problem.
          for (const p of problems.splice(0)) {
            if (!(type.status === 404 && /404|definitely-missing/.test(p))) errors.push(`${type.name} (${type.path}): ${p}`);
          }
          if (!violations.length) continue;
          const shot = await failShot(page, "a11y", type.name, viewport.width, colorScheme, javaScriptEnabled ? "js" : "nojs");
          for (const v of violations) {
            report.push(
              `${type.name} (${type.path}) at ${viewport.width} px, ${colorScheme}${js}: ${v.id} [${v.impact}] ${v.help}\n` +
                `    ${v.url}\n` +
                v.nodes.slice(0, 5).map((n) => `    - ${n.target}: ${n.html}\n      ${n.why.replace(/\n/g, "\n      ")}`).join("\n") +
                (v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : "") +
                `\n    screenshot: ${shot}`,
            );
          }
        }
      } finally {
        await context.close();
      }
      console.log(`axe ${viewport.width} px ${colorScheme}${js}: ${checked} page types, ${report.length} violations`);
      assert.deepEqual(report, [], `axe violations:\n${report.join("\n")}`);
      assert.deepEqual(errors, [], `console errors, failed requests or CSP violations:\n${errors.join("\n")}`);
  });
}
