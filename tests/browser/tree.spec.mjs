// The flagship decision tree in Chromium (issue 4): tree.js walks every
// path in place, the outcome shown matches tree.json, back/forward/reload
// land on the same step, an earlier answer can be changed, the keyboard
// works, each step drawn in place matches its static page, and with
// JavaScript off the static pages walk a path on their own.
import test, { before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { serve, launch, watchedPage, siteDir, screenshotDir } from "./lib.mjs";

const TREE = "/decide/should-i-message/";
let server, browser, data, shots;
/** Structure of `.decide-step` per step URL, as tree.js drew it. */
const drawn = new Map();

before(async () => {
  const dir = siteDir();
  data = JSON.parse(await readFile(join(dir, TREE, "tree.json"), "utf8"));
  server = await serve(dir);
  browser = await launch();
  shots = await screenshotDir();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Every path from the start: the option labels to click, the URL and node of each step. */
function paths() {
  const out = [];
  (function walk(url, clicks) {
    const node = data.nodes[data.steps[url]];
    if (!node.o) return out.push({ clicks, url, node });
    for (const [label, slug] of node.o) walk(url + slug + "/", [...clicks, { label, url: url + slug + "/" }]);
  })(data.url, []);
  return out;
}

/** `.decide-step` as a comparable string: tags, sorted attributes, trimmed text. */
function structure(page) {
  return page.evaluate(() => {
    const ser = (n) => {
      if (n.nodeType === 3) return n.data.trim().replace(/\s+/g, " ");
      if (n.nodeType !== 1) return "";
      const attrs = [...n.attributes].map((a) => `${a.name}=${a.value}`).sort().join(" ");
      return `<${n.tagName.toLowerCase()} ${attrs}>${[...n.childNodes].map(ser).join("")}</>`;
    };
    return ser(document.querySelector(".decide-step"));
  });
}

async function newPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const watched = await watchedPage(context);
  watched.page.setDefaultTimeout(10_000);
  return { context, ...watched };
}

/** Waits until tree.js has drawn the step at `url` (a path), and checks it. */
async function expectStep(page, url) {
  await page.waitForURL(server.url + url);
  const node = data.nodes[data.steps[url]];
  const heading = node.o ? node.q : node.t;
  await page.waitForFunction((t) => document.getElementById("step-heading")?.textContent === t, heading);
  return node;
}

test("tree.js walks every path of the flagship tree in place, and each outcome matches the tree", async () => {
  const all = paths();
  assert.ok(all.length >= 10, `the flagship tree has ${all.length} paths`);
  console.log(`# walking ${all.length} paths of ${TREE}`);
  const { context, page, problems } = await newPage();
  await page.goto(server.url + TREE);
  await page.evaluate(() => { window.__noReload = true; });
  drawn.set(data.url, null); // the start page as loaded is static; compared below once redrawn
  for (const [n, path] of all.entries()) {
    for (const [k, step] of path.clicks.entries()) {
      await page.locator(".options").getByRole("link", { name: step.label, exact: true }).click();
      await expectStep(page, step.url);
      assert.equal(await page.evaluate(() => document.activeElement?.id), "step-heading", "focus moves to the new heading");
      assert.equal(await page.locator(".answer").count(), k + 1, "one answer listed per step taken");
      drawn.set(step.url, await structure(page));
    }
    // The outcome shown is the one tree.json names for this path.
    const o = path.node;
    assert.equal(await page.locator(".step.outcome h1").textContent(), o.t);
    assert.equal(await page.locator(".verdict-label").textContent(), o.vl);
    assert.ok(await page.locator(`.step.outcome.verdict-${o.v}`).count(), `verdict class for ${path.url}`);
    assert.equal(await page.locator(".next-links li").count(), o.l.length, "the outcome's links");
    const answers = await page.locator(".answer dd").allTextContents();
    assert.deepEqual(answers.map((a) => a.replace(/\s*Change your answer to.*$/s, "")), path.clicks.map((c) => c.label), "the path taken is listed");
    assert.match(await page.title(), new RegExp(`^${o.t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} – `), "the document title follows the step");
    await page.waitForFunction(() => document.querySelector("[data-tree-status]").textContent.includes("Result:"));
    if (n === 0) await page.screenshot({ path: join(shots, "tree-outcome-1280.png"), fullPage: true });
    // Start again, in place.
    await page.getByRole("link", { name: "Start again" }).click();
    await expectStep(page, data.url);
    assert.equal(await page.locator(".answers").count(), 0, "no answers after starting again");
    drawn.set(data.url, await structure(page));
  }
  assert.equal(await page.evaluate(() => window.__noReload), true, "every step was drawn in place, without a page load");
  assert.deepEqual(problems, []);
  await context.close();
});

test("every step drawn in place matches its static page", async () => {
  assert.ok(drawn.size > 1, "the walk ran first");
  const { context, page, problems } = await newPage({ javaScriptEnabled: false });
  for (const [url, structureInPlace] of drawn) {
    await page.goto(server.url + url);
    assert.equal(await structure(page), structureInPlace, `tree.js draws ${url} like the static page`);
  }
  assert.equal(drawn.size, Object.keys(data.steps).length, "the walk visited every step");
  assert.deepEqual(problems, []);
  await context.close();
});

test("back, forward and reload land on the same step; an earlier answer can be changed", async () => {
  const { context, page, problems } = await newPage();
  await page.goto(server.url + TREE);
  const start = data.nodes[data.steps[data.url]];
  // Three answers deep: the first option, then the second, then the first.
  const urls = [data.url];
  for (const i of [0, 1, 0]) {
    const node = data.nodes[data.steps[urls.at(-1)]];
    await page.locator("a.option").nth(i).click();
    urls.push(urls.at(-1) + node.o[i][1] + "/");
    await expectStep(page, urls.at(-1));
  }
  await page.goBack();
  await expectStep(page, urls[2]);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "step-heading", "focus follows the back button");
  await page.goBack();
  await expectStep(page, urls[1]);
  await page.goForward();
  await expectStep(page, urls[2]);
  const before = await structure(page);
  await page.reload();
  await expectStep(page, urls[2]);
  assert.equal(await structure(page), before, "a reload shows the same step");
  await page.goBack();
  await expectStep(page, urls[1]);
  await page.goBack();
  await expectStep(page, urls[0]);
  await page.goForward();
  await expectStep(page, urls[1]);

  // Change the first answer: back to the first question, then another option.
  await page.goto(server.url + urls[3]);
  await page.locator(".answer").first().getByRole("link", { name: /^Change/ }).click();
  await expectStep(page, data.url);
  assert.equal(await page.locator(".answers").count(), 0);
  await page.getByRole("link", { name: start.o[2][0], exact: true }).click();
  const changed = data.url + start.o[2][1] + "/";
  await expectStep(page, changed);
  assert.deepEqual(
    (await page.locator(".answer dd").allTextContents()).map((a) => a.replace(/\s*Change.*$/s, "")),
    [start.o[2][0]],
    "the changed answer replaces the old one",
  );
  // Change the second answer of a longer path, with the Back link as well.
  await page.goto(server.url + urls[3]);
  await page.locator(".answer").nth(1).getByRole("link", { name: /^Change/ }).click();
  await expectStep(page, urls[1]);
  await page.getByRole("link", { name: /^Back/ }).click();
  await expectStep(page, urls[0]);
  await page.goBack();
  await expectStep(page, urls[1]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the tree works with the keyboard alone", async () => {
  const { context, page, problems } = await newPage({ viewport: { width: 375, height: 800 } });
  await page.goto(server.url + TREE);
  const first = data.nodes[data.steps[data.url]];
  // Tab to the first answer (past any link in the question's help) and press Enter.
  await page.locator("#step-heading").focus();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement.classList.contains("option"))) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.textContent), first.o[0][0]);
  await page.keyboard.press("Enter");
  let url = data.url + first.o[0][1] + "/";
  let node = await expectStep(page, url);
  await page.screenshot({ path: join(shots, "tree-step-375.png"), fullPage: true });
  // From the focused heading, Tab reaches this step's first answer (or a link in its help).
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement.classList.contains("option"))) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.textContent), node.o[0][0]);
  await page.keyboard.press("Enter");
  url += node.o[0][1] + "/";
  await expectStep(page, url);
  // The Change link of the last answer, with Enter.
  await page.locator("a", { hasText: "Change" }).last().focus();
  await page.keyboard.press("Enter");
  await expectStep(page, data.url + first.o[0][1] + "/");
  assert.deepEqual(problems, []);
  await context.close();
});

test("with JavaScript off, the static step pages walk a path on their own", async () => {
  const { context, page, problems } = await newPage({ javaScriptEnabled: false });
  const path = paths().sort((a, b) => b.clicks.length - a.clicks.length)[0]; // the longest
  await page.goto(server.url + TREE);
  for (const step of path.clicks) {
    await Promise.all([page.waitForURL(server.url + step.url), page.getByRole("link", { name: step.label, exact: true }).click()]);
  }
  assert.equal(await page.locator(".step.outcome h1").textContent(), path.node.t);
  assert.equal(await page.locator(".verdict-label").textContent(), path.node.vl);
  assert.equal(await page.locator(".answer").count(), path.clicks.length);
  // A change link is an ordinary link to the earlier step.
  await Promise.all([page.waitForURL(server.url + data.url), page.locator(".answer").first().getByRole("link", { name: /^Change/ }).click()]);
  assert.equal(await page.locator("#step-heading").textContent(), data.nodes[data.steps[data.url]].q);
  assert.deepEqual(problems, []);
  await context.close();
});
