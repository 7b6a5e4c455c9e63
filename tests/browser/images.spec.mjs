// Every image of the flagship site loads (#19): each HTML page, English and
// Spanish, at a phone's 375 px (2x density, so the srcset's choice is the
// one a phone makes) and a desktop's 1280 px, with every lazy image made
// eager and decoded; an image whose natural width is 0 did not load. The
// connection-request guide must show its annotated note in both languages,
// each from its own edition's folder, so this test cannot pass by finding
// no image at all.
import test, { before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, watchedPage, siteDir } from "./lib.mjs";
import { siteFiles, urlOf, failShot } from "./pages.mjs";

const VIEWPORTS = [
  { viewport: { width: 375, height: 800 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
];
/** Pages that must show images, and where their images come from. */
const MUST_SHOW = { "/guides/connection-request/": "/guides/", "/es/guides/connection-request/": "/es/guides/" };

let server, browser, pages;
before(async () => {
  server = await serve(siteDir());
  browser = await launch();
  pages = (await siteFiles(siteDir())).filter((f) => f.endsWith(".html") && f !== "/404.html").map(urlOf);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const options of VIEWPORTS) {
  test(`every image of every flagship page loads at ${options.viewport.width} px`, { timeout: 600_000 }, async () => {
    const context = await browser.newContext(options);
    const { page, problems } = await watchedPage(context);
    const broken = [], missing = [], errors = [];
    let seen = 0;
    try {
      for (const path of pages) {
        await page.goto(server.url + path);
        // Lazy images load when scrolled to; load them all, and wait for each.
        const images = await page.evaluate(async () => {
          const all = [...document.images];
          await Promise.all(all.map((img) => { img.loading = "eager"; return img.decode().catch(() => {}); }));
          return all.map((img) => ({ src: img.currentSrc || img.src, width: img.naturalWidth, alt: img.alt }));
        });
        seen += images.length;
        for (const img of images) if (!(img.width > 0)) broken.push(`${path}: ${img.src}`);
        const from = MUST_SHOW[path];
        if (from && !images.some((img) => new URL(img.src).pathname.startsWith(from) && img.width > 0 && img.alt)) {
          missing.push(`${path}: no loaded image with alt text from ${from} (${images.map((i) => i.src).join(", ") || "none"})`);
          await failShot(page, "images", path, options.viewport.width);
        }
        for (const p of problems.splice(0)) errors.push(`${path}: ${p}`);
      }
    } finally {
      await context.close();
    }
    console.log(`images at ${options.viewport.width} px: ${pages.length} pages, ${seen} images, ${broken.length} broken`);
    assert.deepEqual(missing, [], "the guides' annotated notes");
    assert.deepEqual(broken, [], "images that did not load");
    assert.deepEqual(errors, [], "console errors or failed requests");
  });
}
