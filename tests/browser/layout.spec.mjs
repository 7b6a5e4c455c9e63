// The reading layout (#21): on a wide screen a guide has its section's
// pages on one side and "On this page" on the other, both in view while the
// reader scrolls, with the section being read marked; on a phone it stays
// one column with no sideways scrolling, the section's pages after the
// guide. The list works without JavaScript; the highlight needs it.
import test from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serve, launch, watchedPage, siteDir, screenshotDir } from "./lib.mjs";

const GUIDE = "/guides/when-to-reach-out/";

const box = (page, selector) => page.locator(selector).first().boundingBox();

test("wide screens: section pages beside the guide, contents in view, the place marked", async () => {
  const server = await serve(siteDir());
  const browser = await launch();
  const shots = await screenshotDir();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, problems } = await watchedPage(context);
    await page.goto(server.url + GUIDE);
    const [nav, article, toc] = await Promise.all([box(page, ".section-nav"), box(page, "article.guide .guide-body"), box(page, "article.guide .toc")]);
    assert.ok(nav.x + nav.width <= article.x, "the section's pages are left of the guide");
    assert.ok(toc.x >= article.x + article.width, "the contents are right of the guide");
    assert.equal(await page.locator('.section-nav a[aria-current="page"]').getAttribute("href"), GUIDE);
    // Read on: both side columns stay in view, and the contents mark the
    // section that has reached the top of the window.
    const last = page.locator("article.guide .toc a").last();
    const id = (await last.getAttribute("href")).slice(1);
    await page.locator(`[id="${id}"]`).scrollIntoViewIfNeeded();
    await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: "start" }), id);
    await page.waitForFunction((id) => document.querySelector(`.toc a[href="#${id}"]`)?.getAttribute("aria-current") === "true", id);
    for (const selector of [".section-nav", "article.guide .toc"]) {
      const b = await box(page, selector);
      assert.ok(b.y >= 0 && b.y < 100, `${selector} stays at the top of the window (y = ${b.y})`);
    }
    assert.equal(await page.locator('.toc a[aria-current="true"]').count(), 1, "one place is marked");
    await page.screenshot({ path: join(shots, "guide-1440.png") });
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

test("phones: one column, no sideways scrolling, contents first and section pages last", async () => {
  const server = await serve(siteDir());
  const browser = await launch();
  const shots = await screenshotDir();
  try {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
      const { page, problems } = await watchedPage(context);
      await page.goto(server.url + GUIDE);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, "nothing is wider than the phone");
      const [toc, body, nav] = await Promise.all([box(page, "article.guide .toc"), box(page, "article.guide .guide-body"), box(page, ".section-nav")]);
      assert.ok(toc.y < body.y && body.y + body.height <= nav.y, "contents, guide, then the section's pages");
      // Without JavaScript the contents still lead to their sections.
      await page.locator("article.guide .toc a").nth(1).click();
      const hash = new URL(page.url()).hash.slice(1);
      assert.ok(hash && (await page.locator(`[id="${hash}"]`).count()) === 1, "a contents link reaches its heading");
      if (javaScriptEnabled) await page.screenshot({ path: join(shots, "guide-390.png"), fullPage: true });
      assert.deepEqual(problems, []);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
