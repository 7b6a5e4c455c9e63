// Every page type of the built site loads in Chromium with no console
// error, failed request or CSP violation, with JavaScript on and off.
import test from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serve, launch, watchedPage, siteDir, screenshotDir } from "./lib.mjs";

const PAGES = [
  "/", "/guides/", "/guides/connection-request/", "/cases/", "/quotes/", "/faq/", "/templates/",
  "/sources/", "/tags/", "/search/", "/decide/should-i-message/", "/decide/should-i-message/map/",
];

test("every page type loads cleanly, with and without JavaScript", async () => {
  const server = await serve(siteDir());
  const browser = await launch();
  const shots = await screenshotDir();
  try {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 375, height: 800 } });
      const { page, problems } = await watchedPage(context);
      for (const path of PAGES) {
        const res = await page.goto(server.url + path);
        assert.equal(res.status(), 200, path);
        assert.ok((await page.locator("main h1").count()) === 1, `${path} has one h1 in main`);
        assert.ok(await page.locator('link[rel="stylesheet"]').count(), `${path} has its stylesheet`);
        const bg = await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")).borderBottomStyle);
        assert.equal(bg, "solid", `${path} is styled`);
        if (javaScriptEnabled && path === "/") await page.screenshot({ path: join(shots, "home-375.png"), fullPage: true });
      }
      assert.deepEqual(problems, [], `problems with javaScriptEnabled=${javaScriptEnabled}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});

test("navigation works: menu, a guide, the 404 page", async () => {
  const server = await serve(siteDir());
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page } = await watchedPage(context);
    await page.goto(server.url + "/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Guides" }).click();
    await page.waitForURL(/\/guides\/$/);
    assert.equal(await page.locator("main h1").textContent(), "Guides");
    await page.locator("main .card a").first().click();
    await page.waitForURL(/\/guides\/[a-z-]+\/$/);
    assert.ok(await page.locator("main .toc").count(), "guides have a table of contents");
    const res = await page.goto(server.url + "/definitely-missing/");
    assert.equal(res.status(), 404);
    assert.equal(await page.locator("main h1").textContent(), "Page not found");
    await page.screenshot({ path: join(await screenshotDir(), "guide-1280.png") });
  } finally {
    await browser.close();
    await server.close();
  }
});

test("copy buttons appear with JavaScript and copy the template text", async () => {
  const server = await serve(siteDir());
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context);
    await page.goto(server.url + "/templates/");
    const button = page.locator("button.copy-button").first();
    assert.equal(await button.isVisible(), true);
    await button.click();
    await page.waitForFunction(() => document.querySelector("button.copy-button")?.textContent !== "Copy text");
    assert.match(await button.textContent(), /Copied|Select the text/);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
