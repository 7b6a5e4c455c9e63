// Search in each language (#18), on the multilingual fixture
// ($MULTILINGUAL_SITE_DIR, built by tests/testsuite/browser.rs): a page's
// search box asks its own language's index only; Spanish finds a word by
// its stem; Chinese finds a page by two letters of a longer word and by a
// whole phrase, and highlights what matched.
import test from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serve, launch, watchedPage, screenshotDir, settledOptions } from "./lib.mjs";

const isIndex = (url) => /\/search\/[^/]+\.json$/.test(new URL(url).pathname);

async function withPage(fn) {
  const root = process.env.MULTILINGUAL_SITE_DIR;
  assert.ok(root, "MULTILINGUAL_SITE_DIR is set by tests/testsuite/browser.rs");
  const server = await serve(root);
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
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

// The links the dropdown offers, once it shows results for the query.
async function offered(page, query) {
  const input = page.locator("#site-search");
  await input.click();
  await input.fill(query);
  await settledOptions(page);
  return page.locator("#search-listbox [role=option]").evaluateAll((as) => as.map((a) => { const u = new URL(a.href); return u.pathname + u.hash; }));
}

test("Spanish: the search box asks the Spanish index and finds a word by its stem", async () => {
  await withPage(async ({ page, url, fetched }) => {
    await page.goto(url + "/es/guides/timing/");
    // The home page says "detalles", never "detalle".
    const links = await offered(page, "detalle");
    assert.equal(links[0], "/es/", `the Spanish home page first: ${links}`);
    assert.ok(links.every((h) => h.startsWith("/es/")), `Spanish pages only: ${links}`);
    assert.equal(links.at(-1), "/es/search/", "the Spanish search page for all results");
    const marks = await page.locator("#search-listbox mark").allTextContents();
    assert.ok(marks.includes("detalles"), `the inflected word is highlighted: ${marks}`);
    assert.ok(fetched.length > 0 && fetched.every((p) => p.startsWith("/es/search/")), `only the Spanish index: ${fetched}`);
  });
});

test("Chinese: two letters of a longer word, and a whole phrase, find the page", async () => {
  await withPage(async ({ page, url, fetched }) => {
    await page.goto(url + "/zh/");
    // The guide says 人工智能研究团队的招聘经理通常很忙。
    let links = await offered(page, "智能");
    assert.equal(links[0], "/zh/guides/timing/#applied", `${links}`);
    const marks = await page.locator("#search-listbox [role=option]").first().locator("mark").allTextContents();
    assert.deepEqual(marks, ["智能"], "the two letters are highlighted, not the whole run");
    await page.screenshot({ path: join(await screenshotDir(), "search-zh-1280.png") });
    links = await offered(page, "招聘经理通常很忙");
    assert.equal(links[0], "/zh/guides/timing/#applied", `${links}`);
    assert.ok(fetched.every((p) => p.startsWith("/zh/search/")), `only the Chinese index: ${fetched}`);
    // Letters that are never next to each other find nothing.
    await page.locator("#site-search").fill("能人");
    await page.locator(".search-note").getByText("能人").waitFor();
    assert.equal(await page.locator("#search-listbox a[role=option][href^='/zh/guides/']").count(), 0);
  });
});

test("Spanish: the search UI speaks Spanish (dropdown, announcements, results page)", async () => {
  await withPage(async ({ page, url }) => {
    await page.goto(url + "/es/guides/timing/");
    await offered(page, "detalle");
    const said = () => page.locator("[role=status]").allTextContents().then((t) => t.join(" "));
    await page.waitForFunction(() => [...document.querySelectorAll("[role=status]")].some((s) => /resultados? ?;/.test(s.textContent)));
    assert.match(await said(), /elige con las flechas del teclado/, "the live region in Spanish");
    assert.equal(await page.locator("#search-listbox").getAttribute("aria-label"), "Resultados de búsqueda");
    const input = page.locator("#site-search");
    await input.fill("zzqxwv");
    await page.getByText("No hay resultados para “zzqxwv”.").waitFor();
    await page.goto(url + "/es/search/?q=detalle");
    await page.locator("#search-status").filter({ hasText: /resultados? para “detalle”/ }).waitFor();
    assert.equal((await page.locator("#search-filters button").first().textContent()).trim().split(/\s/)[0], "Todo");
    const filters = await page.locator("#search-filters button").allTextContents();
    assert.ok(filters.some((f) => f.includes("Guía")) && !filters.some((f) => /Guide|Template/.test(f)), `filters in Spanish: ${filters}`);
    const english = await page.locator("body").textContent();
    assert.doesNotMatch(english, /No results|results for|use the arrow keys/, "no English left");
  });
});
