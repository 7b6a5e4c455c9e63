// Search in Chromium (issue #5): nothing of the index loads before the
// reader asks for it; a question typed in the header box shows its answer,
// arrow keys and Enter land on the anchor; a misspelling still finds it;
// the /search/ page filters by kind and keeps a shareable URL.
import test from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serve, launch, watchedPage, siteDir, screenshotDir, settledOptions } from "./lib.mjs";

const isIndex = (url) => /\/search\/[^/]+\.json$/.test(new URL(url).pathname);

async function withPage(viewport, fn) {
  const server = await serve(siteDir());
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport });
    const { page, problems } = await watchedPage(context);
    const fetched = [];
    page.on("request", (r) => { if (isIndex(r.url())) fetched.push(new URL(r.url()).pathname); });
    await fn({ page, url: server.url, fetched });
    assert.deepEqual(problems, [], "no console error, failed request or CSP violation");
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

const box = (page) => page.locator("#site-search");
const options = (page) => page.locator("#search-listbox [role=option]");

test("nothing of the index loads until the search box is focused or / is pressed", async () => {
  await withPage({ width: 1280, height: 900 }, async ({ page, url, fetched }) => {
    await page.goto(url + "/guides/");
    await page.waitForLoadState("networkidle");
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(300);
    assert.deepEqual(fetched, [], "no index file before the reader asks");
    const manifest = page.waitForResponse((r) => r.url().endsWith("/search/manifest.json"));
    await page.keyboard.press("/");
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === "site-search");
    await manifest;
    assert.deepEqual(fetched, ["/search/manifest.json"], "focus loads the manifest only");
    assert.equal(await box(page).getAttribute("role"), "combobox");
  });
});

test("a question finds its answer; arrow keys and Enter land on the anchor", async () => {
  await withPage({ width: 1280, height: 900 }, async ({ page, url, fetched }) => {
    await page.goto(url + "/guides/");
    const input = box(page);
    await input.click();
    await page.waitForFunction(() => document.getElementById("site-search").getAttribute("role") === "combobox");
    assert.equal(await input.getAttribute("aria-expanded"), "false");
    // Most of the question at once, then the last letter typed: each query
    // a pause in typing lets through fetches the summaries of its own
    // results, and on a loaded machine those pauses came often enough to
    // fetch 16 files where the final query needs under a dozen.
    await input.fill("how long should I wait before following u");
    await input.pressSequentially("p", { delay: 5 });
    const first = options(page).first();
    // The list is the final query's once it is no longer busy: typing's pauses
    // on a slow machine may show the results of a shorter query first, and a
    // key pressed then would be undone when the final results replace them.
    await page.waitForFunction(() => {
      const list = document.getElementById("search-listbox");
      return list.getAttribute("aria-busy") === "false" &&
        /How long should I wait before following up/.test(list.querySelector("[role=option]")?.textContent || "");
    });
    assert.equal(await input.getAttribute("aria-expanded"), "true");
    assert.equal(await first.locator(".search-badge").textContent(), "FAQ");
    assert.ok(await first.locator("mark").count(), "matched words are highlighted");
    // The live region announces the count.
    await page.waitForFunction(() => /\d+ results?/.test(document.querySelector(".search-form [role=status]")?.textContent || ""));
    // Counted once each: a pause while typing may let a shorter query fetch
    // first, but the files it needs are ones the final query needs too.
    const files = new Set(fetched).size;
    assert.ok(files >= 3 && files <= 12, `a first query fetches a few files, not the index: ${fetched.join(", ")}`);
    await page.screenshot({ path: join(await screenshotDir(), "search-dropdown-1280.png") });

    await page.keyboard.press("ArrowDown");
    assert.equal(await first.getAttribute("aria-selected"), "true");
    assert.equal(await input.getAttribute("aria-activedescendant"), await first.getAttribute("id"));
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    assert.equal(await first.getAttribute("aria-selected"), "true");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/faq\/#how-long-to-wait$/);
    const target = page.locator(":target");
    assert.equal(await target.count(), 1, "the anchor exists");
    assert.ok(await target.isVisible());
    // The answer scrolls into view (smoothly, unless motion is reduced).
    await page.waitForFunction(() => { const r = document.querySelector(":target").getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2; });
  });
});

test("after a pause in typing, the list says it is busy until the final query's results replace the shorter one's", async () => {
  await withPage({ width: 1280, height: 900 }, async ({ page, url }) => {
    await page.goto(url + "/guides/");
    const input = box(page);
    await input.click();
    // A pause long enough for the shorter query's results to be drawn: they
    // already hold the FAQ the full question finds.
    await input.pressSequentially("how long should I wait before", { delay: 5 });
    await page.waitForFunction(() => /How long should I wait/.test(document.querySelector("#search-listbox [role=option]")?.textContent || ""));
    await input.pressSequentially(" following up", { delay: 5 });
    await settledOptions(page);
    await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(400);
    assert.equal(await options(page).first().getAttribute("aria-selected"), "true", "no late render undoes the key");
  });
});

test("a misspelling still finds the answer, Escape closes, no results suggests the tree", async () => {
  await withPage({ width: 375, height: 800 }, async ({ page, url }) => {
    await page.goto(url + "/");
    const input = box(page);
    await input.click();
    await input.fill("recruter");
    // Some result among the first few is about recruiters (several pages are).
    await page.waitForFunction(() => [...document.querySelectorAll("#search-listbox [role=option] .search-title")].slice(0, 3).some((t) => /recruiter/i.test(t.textContent)));
    const marks = await page.locator("#search-listbox mark").allTextContents();
    assert.ok(marks.some((m) => /^recruiters?$/i.test(m)), `the corrected word is highlighted: ${marks}`);
    await page.screenshot({ path: join(await screenshotDir(), "search-dropdown-375.png") });

    await input.fill("conection request");
    await page.waitForFunction(() => [...document.querySelectorAll("#search-listbox [role=option] .search-title")].slice(0, 3).some((t) => /connection request/i.test(t.textContent)));

    await page.keyboard.press("Escape");
    assert.equal(await input.getAttribute("aria-expanded"), "false");
    assert.ok(await page.locator(".search-panel").isHidden());
    await page.keyboard.press("Escape");
    assert.equal(await input.inputValue(), "", "a second Escape clears the box");

    // Index text and queries are inserted as text, never as HTML.
    await input.fill("<img src=x onerror=alert(1)>");
    await page.waitForFunction(() => !document.querySelector(".search-panel").hidden);
    assert.equal(await page.locator(".search-panel img").count(), 0);
    await input.fill("zzqxj qqvvw");
    await page.locator(".search-note").getByText("No results for “zzqxj qqvvw”.").waitFor();
    const links = await page.locator(".search-note a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.ok(links.includes("/decide/should-i-message/") && links.includes("/faq/"), `suggests the tree and the FAQ: ${links}`);

    // Enter with no option chosen goes to the results page.
    await input.fill("cold outreach");
    await options(page).first().waitFor();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=cold\+outreach$/);
    await page.locator("#search-results .search-result").first().waitFor();
  });
});

test("the results page: full results, filters by kind, a shareable URL", async () => {
  for (const width of [375, 1280]) {
    await withPage({ width, height: 900 }, async ({ page, url }) => {
      await page.goto(url + "/search/?q=connection+note");
      const results = page.locator("#search-results .search-result");
      await results.first().waitFor();
      assert.ok((await results.count()) >= 10);
      assert.ok(await page.locator(".search-all").isHidden(), "the no-JavaScript list is out of the way");
      assert.match(await page.locator("#search-status").textContent(), /\d+ results for “connection note”/);
      await page.screenshot({ path: join(await screenshotDir(), `search-page-${width}.png`), fullPage: false });

      await page.getByRole("button", { name: /^FAQ/ }).click();
      await page.waitForURL(/\?q=connection%20note&kind=faq$/);
      assert.equal(await page.getByRole("button", { name: /^FAQ/ }).getAttribute("aria-pressed"), "true");
      await page.waitForFunction(() => [...document.querySelectorAll("#search-results .search-badge")].every((b) => b.textContent === "FAQ"));

      // Typing updates the results and the URL.
      await page.locator("#search-page-q").fill("inmail");
      await page.waitForURL(/\?q=inmail&kind=faq$/);
      await page.waitForFunction(() => /InMail/.test(document.querySelector("#search-results")?.textContent || ""));
      // A shared link opens the same results.
      const shared = page.url();
      await page.goto(shared);
      await results.first().waitFor();
      assert.equal(await page.locator("#search-page-q").inputValue(), "inmail");
    });
  }
});
