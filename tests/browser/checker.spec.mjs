// The message checker (#7) in Chromium: a generic note is flagged and the
// counter counts, a rewritten note clears the flags; nothing typed is sent
// or stored; with JavaScript off the page explains the rules instead.
import test from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serve, launch, watchedPage, siteDir, screenshotDir } from "./lib.mjs";

const GENERIC = "Hi Tara, I came across your profile and I'd love to connect and pick your brain! Here is my résumé: [link]";
const SPECIFIC = "Hi Tara, your write-up on moving Ledgerly's fraud checks to real time was the clearest I've read. I work on payment risk models. How did you handle false positives during the switch?";

test("typing a generic note flags it; fixing it clears the flags", async () => {
  const server = await serve(siteDir());
  const browser = await launch();
  const shots = await screenshotDir();
  try {
    const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
    const { page, problems } = await watchedPage(context);
    const requests = [];
    page.on("request", (r) => requests.push(r.url() + " " + (r.postData() || "")));
    const rulesLoaded = page.waitForResponse((r) => r.url().endsWith("/check/rules.json"));
    // Wait until the page has gone quiet: Chromium asks for the favicon on
    // its own schedule after load, and that request is not typing's doing.
    await page.goto(server.url + "/check/", { waitUntil: "networkidle" });
    await rulesLoaded;
    const box = page.getByLabel("Your LinkedIn note");
    assert.equal(await box.isVisible(), true, "the form is shown when JavaScript runs");
    assert.equal(await page.locator("[data-checker-nojs]").isVisible(), false);
    const before = requests.length;

    await box.pressSequentially(GENERIC, { delay: 2 });
    const flags = page.locator(".checker-flags .flag");
    await flags.first().waitFor();
    const texts = await flags.allTextContents();
    for (const title of ["Came across your profile", "A stock line", "Pick your brain", "A placeholder is still there", "Sending your résumé"]) {
      assert.ok(texts.some((t) => t.startsWith(title)), `flags ${title}: ${texts.join(" | ")}`);
    }
    const link = flags.first().getByRole("link");
    assert.match(await link.getAttribute("href"), /\/cases\/#[a-z0-9-]+$/, "each flag links to its case");
    assert.equal(await page.locator("[data-checker-count]").textContent(), String([...GENERIC].length));
    await page.waitForFunction(() => /to look at/.test(document.querySelector("[data-checker-status]").textContent));
    assert.equal(await page.locator("[data-checker-status]").getAttribute("aria-live"), "polite");
    await page.screenshot({ path: join(shots, "checker-flags-375.png"), fullPage: true });

    await box.fill(SPECIFIC);
    await page.waitForFunction(() => document.querySelectorAll(".checker-flags .flag").length === 0);
    await page.waitForFunction(() => /None of the lines it knows/.test(document.querySelector("[data-checker-status]").textContent));
    assert.equal(await page.locator("[data-checker-count]").textContent(), String([...SPECIFIC].length));

    // Over the limit: the counter says so and the length flag appears; an
    // emoji counts as one character, as LinkedIn counts it.
    await box.fill("👋".repeat(301));
    assert.equal(await page.locator("[data-checker-count]").textContent(), "301");
    await page.locator(".checker-flags .flag", { hasText: "Over the limit" }).waitFor();
    assert.match(await page.locator(".checker-count").textContent(), /1 over/);

    // Nothing typed left the page or was stored.
    const sent = requests.slice(before).filter((r) => r.includes("Tara") || r.includes("fraud"));
    assert.deepEqual(sent, [], "no request carries the note");
    // The browser may still fetch the favicon late on a slow machine; any
    // other request made while typing fails the test.
    const afterTyping = requests.slice(before).filter((r) => !new URL(r.split(" ")[0]).pathname.endsWith("/favicon.svg"));
    assert.deepEqual(afterTyping, [], "typing makes no request at all");
    const stored = await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length);
    assert.equal(stored, 0, "nothing is stored");
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

test("with JavaScript off the checker page lists every rule with its case", async () => {
  const server = await serve(siteDir());
  const browser = await launch();
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watchedPage(context);
    await page.goto(server.url + "/check/");
    assert.equal(await page.locator("textarea").isVisible(), false, "no dead text box");
    assert.equal(await page.locator("[data-checker-nojs]").isVisible(), true);
    assert.match(await page.locator(".checker-privacy").textContent(), /never sent anywhere or saved/);
    const rules = page.locator(".rule-list li");
    const n = await rules.count();
    assert.ok(n >= 20, `lists the rules (${n})`);
    for (let i = 0; i < n; i++) {
      const href = await rules.nth(i).getByRole("link").getAttribute("href");
      assert.match(href, /\/cases\/#[a-z0-9-]+$/);
    }
    await page.locator("[data-checker-nojs] a").click();
    await page.waitForURL(/#rules$/);
    await page.screenshot({ path: join(await screenshotDir(), "checker-nojs-1280.png"), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
