// Rich content (#19) on the tests/fixtures/rich site ($RICH_SITE_DIR, built
// by tests/testsuite/browser.rs): highlighted code and callouts pass axe's
// WCAG 2 AA rules (colour contrast above all) in light, dark and print,
// their colours really come from the theme, and every image loads.
import test, { before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { serve, launch, watchedPage } from "./lib.mjs";
import { failShot } from "./pages.mjs";

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const PAGES = ["/guides/code/", "/guides/first-note/", "/guides/timing/", "/"];

function richDir() {
  const dir = process.env.RICH_SITE_DIR;
  if (!dir) throw new Error("RICH_SITE_DIR is not set: run these through `cargo test browser::`");
  return dir;
}

let server, browser;
before(async () => {
  server = await serve(richDir());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** What this spec answers for: code blocks, callouts and images. (The
 * whole pages are axe's in a11y.spec.mjs, on the flagship.) */
const CONTENT = ["pre", ".callout", "img"];

/** axe's violations in the page's code blocks, callouts and images. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE);
  return page.evaluate(async ([tags, content]) => {
    const include = content.filter((sel) => document.querySelector(sel)).map((sel) => [sel]);
    if (!include.length) return [];
    const result = await window.axe.run({ include }, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.help}\n` + v.nodes.slice(0, 5).map((n) => `    - ${n.target.join(" ")}: ${n.failureSummary.replace(/\n/g, " ")}`).join("\n"));
  }, [TAGS, CONTENT]);
}

for (const colorScheme of ["light", "dark"]) {
  for (const media of ["screen", "print"]) {
    test(`code, callouts and images pass axe, ${colorScheme}, ${media}`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme, reducedMotion: "reduce" });
      const { page, problems } = await watchedPage(context);
      await page.emulateMedia({ media, colorScheme });
      const report = [];
      try {
        for (const path of PAGES) {
          await page.goto(server.url + path);
          const violations = await axe(page);
          if (violations.length) {
            const shot = await failShot(page, "rich", path, colorScheme, media);
            report.push(`${path} (${colorScheme}, ${media}):\n  ${violations.join("\n  ")}\n  screenshot: ${shot}`);
          }
        }
      } finally {
        await context.close();
      }
      assert.deepEqual(report, [], `axe violations:\n${report.join("\n")}`);
      assert.deepEqual(problems, [], "console errors, failed requests or CSP violations");
    });
  }
}

test("token and callout colours come from the theme, light and dark differ", async () => {
  const colours = {};
  for (const colorScheme of ["light", "dark"]) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(server.url + "/guides/code/");
    colours[colorScheme] = await page.evaluate(() => {
      const colour = (sel) => getComputedStyle(document.querySelector(sel)).color;
      return {
        plain: colour("pre code"), keyword: colour("pre .k"), string: colour("pre .s"), comment: colour("pre .c"),
        callouts: [...document.querySelectorAll(".callout-title")].map((t) => getComputedStyle(t).color),
        icon: getComputedStyle(document.querySelector(".callout-icon")).fill,
      };
    });
    await context.close();
  }
  for (const [scheme, c] of Object.entries(colours)) {
    const tokens = new Set([c.plain, c.keyword, c.string, c.comment]);
    assert.equal(tokens.size, 4, `${scheme}: keyword, string and comment each have their colour: ${JSON.stringify(c)}`);
    assert.equal(new Set(c.callouts).size, 5, `${scheme}: each callout kind has its colour: ${c.callouts}`);
    assert.equal(c.icon, c.callouts[0], `${scheme}: the icon takes its label's colour`);
  }
  assert.notEqual(colours.light.keyword, colours.dark.keyword, "dark mode has its own palette");
});

test("every image of the rich site loads", async () => {
  const context = await browser.newContext();
  const { page, problems } = await watchedPage(context);
  const broken = [];
  let seen = 0;
  try {
    for (const path of PAGES) {
      await page.goto(server.url + path);
      // Lazy images load when scrolled to; load them all.
      await page.evaluate(() => Promise.all([...document.images].map((img) => { img.loading = "eager"; return img.decode().catch(() => {}); })));
      const images = await page.evaluate(() => [...document.images].map((img) => ({ src: img.currentSrc || img.src, width: img.naturalWidth })));
      seen += images.length;
      for (const img of images) if (!(img.width > 0)) broken.push(`${path}: ${img.src}`);
    }
  } finally {
    await context.close();
  }
  assert.ok(seen >= 5, `the pages have their images (${seen})`);
  assert.deepEqual(broken, [], "images that did not load");
  assert.deepEqual(problems, [], "console errors or failed requests");
});
