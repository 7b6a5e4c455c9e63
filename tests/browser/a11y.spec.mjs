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

for (const viewport of VIEWPORTS) {
  for (const colorScheme of SCHEMES) {
    test(`axe: every page type at ${viewport.width} px, ${colorScheme}`, async () => {
      const context = await browser.newContext({ viewport, colorScheme, reducedMotion: "reduce" });
      const { page, problems } = await watchedPage(context);
      page.setDefaultTimeout(10_000);
      const report = [];
      let checked = 0;
      try {
        for (const type of types) {
          const res = await page.goto(server.url + type.path);
          assert.equal(res.status(), type.status ?? 200, `${type.name} ${type.path}`);
          if (type.act) await type.act(page);
          const violations = await axe(page);
          checked++;
          if (!violations.length) continue;
          const shot = await failShot(page, "a11y", type.name, viewport.width, colorScheme);
          for (const v of violations) {
            report.push(
              `${type.name} (${type.path}) at ${viewport.width} px, ${colorScheme}: ${v.id} [${v.impact}] ${v.help}\n` +
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
      console.log(`axe ${viewport.width} px ${colorScheme}: ${checked} page types, ${report.length} violations`);
      assert.deepEqual(report, [], `axe violations:\n${report.join("\n")}`);
      // 404 responses are expected for the 404 page type; anything else is not.
      assert.deepEqual(problems.filter((p) => !p.includes("/definitely-missing/")), [], "console errors or failed requests");
    });
  }
}
