// A site in four languages (#18), tests/fixtures/multilingual built by
// tests/testsuite/browser.rs into $MULTILINGUAL_SITE_DIR: the language
// switcher works with JavaScript off, what is not translated yet is marked,
// and the Arabic pages lay out right to left, pass axe at 375 px and 1280 px
// in light and dark, and do not overflow sideways. Screenshots of the Arabic,
// Spanish and Chinese pages go to target/screens/ to be looked at.
import test, { before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { serve, launch, watchedPage } from "./lib.mjs";

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const SCREENS = process.env.SCREENS_DIR || fileURLToPath(new URL("../../target/screens/", import.meta.url));
const ARABIC = ["/ar/", "/ar/guides/timing/", "/ar/faq/", "/ar/search/"];

let server, browser;
before(async () => {
  const root = process.env.MULTILINGUAL_SITE_DIR;
  assert.ok(root, "MULTILINGUAL_SITE_DIR is set by tests/testsuite/browser.rs");
  server = await serve(root);
  browser = await launch();
  await mkdir(SCREENS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The switcher's link to `code` on the page as it is. */
const switcherLink = (page, code) => page.locator(`nav.lang-switch a[hreflang="${code}"]`);

test("the language switcher goes to the same guide in Spanish and back with JavaScript off", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const { page, problems } = await watchedPage(context);
  try {
    await page.goto(server.url + "/guides/timing/");
    const es = switcherLink(page, "es");
    assert.equal(await es.getAttribute("lang"), "es");
    assert.equal((await es.textContent()).trim(), "Español");
    assert.equal(await switcherLink(page, "en").getAttribute("aria-current"), "page");
    await es.click();
    await page.waitForURL(server.url + "/es/guides/timing/");
    assert.equal(await page.getAttribute("html", "lang"), "es");
    assert.equal(await page.textContent("h1"), "Cuándo enviarlo");
    assert.equal(await switcherLink(page, "es").getAttribute("aria-current"), "page");
    // Every language names itself in its own words.
    assert.equal((await switcherLink(page, "ar").textContent()).trim(), "العربية");
    assert.equal(await switcherLink(page, "ar").getAttribute("dir"), "rtl");
    await switcherLink(page, "en").click();
    await page.waitForURL(server.url + "/guides/timing/");
    assert.equal(await page.getAttribute("html", "lang"), "en");
    // A guide with no Spanish translation: the switcher leads to the Spanish home.
    await page.goto(server.url + "/guides/tone/");
    await switcherLink(page, "es").click();
    await page.waitForURL(server.url + "/es/");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("what is not translated yet is shown in English, marked, with a note in the reader's language", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const { page } = await watchedPage(context);
  try {
    await page.goto(server.url + "/es/guides/");
    const tone = page.locator('a[href="/guides/tone/"]').first();
    assert.equal(await tone.getAttribute("hreflang"), "en");
    assert.equal(await tone.getAttribute("lang"), "en");
    assert.ok(await page.locator(".card .untranslated", { hasText: "aún sin traducir" }).isVisible());
    await page.goto(server.url + "/es/faq/");
    const followUp = page.locator("#follow-up");
    assert.equal(await followUp.getAttribute("lang"), "en");
    const note = followUp.locator(".untranslated-note");
    assert.ok(await note.isVisible());
    assert.equal(await note.getAttribute("lang"), "es");
    assert.match(await note.textContent(), /Aún no está disponible en español; se muestra en inglés\./);
  } finally {
    await context.close();
  }
});

/** axe's WCAG A and AA violations on the page as it is now. */
async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  }, TAGS);
}

for (const width of [375, 1280]) {
  for (const colorScheme of ["light", "dark"]) {
    test(`the Arabic pages pass axe, lay out right to left and fit at ${width} px, ${colorScheme}`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, reducedMotion: "reduce" });
      const { page, problems } = await watchedPage(context);
      const report = [];
      try {
        for (const path of ARABIC) {
          await page.goto(server.url + path);
          assert.equal(await page.getAttribute("html", "dir"), "rtl", path);
          for (const v of await axe(page)) report.push(`${path}: ${v}`);
          // Mirrored: the site's name sits at the right edge of the header,
          // the menu to its left.
          const gap = await page.evaluate(() => {
            const box = document.querySelector(".header-inner"), brand = document.querySelector(".brand");
            const end = box.getBoundingClientRect().right - parseFloat(getComputedStyle(box).paddingRight);
            return end - brand.getBoundingClientRect().right;
          });
          assert.ok(Math.abs(gap) < 1, `${path}: the site's name is ${gap} px from the header's right edge`);
          const [brand, nav] = [await page.locator(".brand").boundingBox(), await page.locator(".site-nav").boundingBox()];
          if (Math.abs(brand.y - nav.y) < brand.height) assert.ok(nav.x < brand.x, `${path}: the menu is not left of the site's name`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${path}: ${overflow} px wider than the window`);
          if (colorScheme === "light" && (path === "/ar/" || path === "/ar/guides/timing/")) {
            await page.screenshot({ path: join(SCREENS, `ar-${path === "/ar/" ? "home" : "guide"}-${width}.png`), fullPage: true });
          }
        }
      } finally {
        await context.close();
      }
      assert.deepEqual(report, [], `axe violations:\n${report.join("\n")}`);
      assert.deepEqual(problems, []);
    });
  }
}

test("the Spanish and Chinese pages fit a phone", async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
  const { page, problems } = await watchedPage(context);
  try {
    for (const [name, path] of [["es-home", "/es/"], ["es-guide", "/es/guides/timing/"], ["es-faq", "/es/faq/"], ["zh-home", "/zh/"], ["zh-guide", "/zh/guides/timing/"]]) {
      await page.goto(server.url + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path}: ${overflow} px wider than the window`);
      await page.screenshot({ path: join(SCREENS, `${name}-375.png`), fullPage: true });
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
