// Hostile text in every data field (tests/fixtures/hostile) never runs:
// no dialog opens and no script error or CSP violation happens on any page,
// neither in the built HTML nor in what the scripts draw from JSON (search
// results, decision-tree steps, message-checker flags).
import test from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { serve, launch, watchedPage, settledOptions } from "./lib.mjs";

async function htmlFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await htmlFiles(p)));
    else if (e.name.endsWith(".html")) out.push(p);
  }
  return out;
}

/**
 * Runs `fn({ page, url, root })` on the hostile site in Chromium, then
 * asserts that no dialog opened and no script error or CSP violation
 * happened (a 404 is not one).
 */
async function onHostileSite(fn) {
  const root = process.env.HOSTILE_SITE_DIR;
  assert.ok(root, "HOSTILE_SITE_DIR is set by tests/browser.rs");
  const server = await serve(root);
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context);
    const dialogs = [];
    page.on("dialog", async (d) => { dialogs.push(`${page.url()}: ${d.message()}`); await d.dismiss(); });
    await fn({ page, url: server.url, root });
    assert.deepEqual(dialogs, [], "dialogs opened");
    const scriptProblems = problems.filter((p) => !p.startsWith("HTTP 404") && !p.includes("status of 404"));
    assert.deepEqual(scriptProblems, []);
  } finally {
    await browser.close();
    await server.close();
  }
}

test("no hostile field runs script on any page", async () => {
  await onHostileSite(async ({ page, url, root }) => {
    const files = await htmlFiles(root);
    for (const file of files) {
      let path = "/" + relative(root, file).split(sep).join("/");
      path = path.replace(/index\.html$/, "");
      if (path === "/404.html") continue;
      // Alias pages only redirect (to pages visited anyway), and a redirect
      // interrupts the navigation that loads them.
      if ((await readFile(file, "utf8")).includes("http-equiv=refresh")) continue;
      await page.goto(url + path);
    }
    assert.ok(files.length > 10, "pages visited");
  });
});

/** Elements that hostile text would have become, had a script parsed it as HTML. */
const INJECTED = "script:not([src]):not([type='application/ld+json']), img[onerror], [onerror]";

test("hostile text that the scripts draw stays text: search, tree steps, checker flags", async () => {
  await onHostileSite(async ({ page, url }) => {
    const noInjected = async (where) => assert.equal(await page.locator(INJECTED).count(), 0, `markup injected in ${where}`);

    // The header search box: hostile titles come back as option text.
    await page.goto(url + "/guides/");
    const box = page.locator("#site-search");
    await box.click();
    await box.pressSequentially("alert onerror", { delay: 5 });
    await settledOptions(page);
    assert.match(await page.locator("#search-listbox").textContent(), /<script>alert\(1\)<\/script>/);
    await noInjected("the search box's options");

    // The results page draws titles and excerpts of every kind of record.
    await page.goto(url + "/search/?q=alert+onerror");
    const results = page.locator("#search-results .search-result");
    await results.first().waitFor();
    assert.ok((await results.count()) >= 5, "hostile records are found");
    assert.match(await page.locator("#search-results").textContent(), /onerror=alert\(2\)/);
    await noInjected("the search results");

    // The decision tree drawn in place: every option of the hostile tree.
    for (const i of [0, 1]) {
      await page.goto(url + "/decide/hostile/");
      assert.match(await page.locator("#step-heading").textContent(), /<script>alert\(1\)/);
      await page.locator("a.option").nth(i).click();
      await page.locator(".step.outcome").waitFor();
      assert.match(await page.locator(".step.outcome h1").textContent(), /<script>alert\(1\)/);
      assert.match(await page.locator(".answer dd").first().textContent(), /<\/?script>/);
      await noInjected(`the tree step after option ${i}`);
    }

    // The message checker: a flag carries the hostile rule's title and message.
    await page.goto(url + "/check/", { waitUntil: "networkidle" });
    await page.getByLabel("Your LinkedIn note").fill("Hello, alert reader.");
    const flag = page.locator(".checker-flags .flag", { hasText: "onerror=alert(2)" });
    await flag.first().waitFor();
    await noInjected("the checker's flags");
  });
});
