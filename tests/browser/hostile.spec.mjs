// Hostile text in every data field (tests/fixtures/hostile) never runs:
// no dialog opens and no script error or CSP violation happens on any page.
import test from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { serve, launch, watchedPage } from "./lib.mjs";

async function htmlFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await htmlFiles(p)));
    else if (e.name.endsWith(".html")) out.push(p);
  }
  return out;
}

test("no hostile field runs script on any page", async () => {
  const root = process.env.HOSTILE_SITE_DIR;
  assert.ok(root, "HOSTILE_SITE_DIR is set by tests/browser.rs");
  const server = await serve(root);
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context);
    const dialogs = [];
    page.on("dialog", async (d) => { dialogs.push(`${page.url()}: ${d.message()}`); await d.dismiss(); });
    const files = await htmlFiles(root);
    for (const file of files) {
      let path = "/" + relative(root, file).split(sep).join("/");
      path = path.replace(/index\.html$/, "");
      if (path === "/404.html") continue;
      // Alias pages only redirect (to pages visited anyway), and a redirect
      // interrupts the navigation that loads them.
      if ((await readFile(file, "utf8")).includes("http-equiv=refresh")) continue;
      await page.goto(server.url + path);
    }
    assert.ok(files.length > 10, "pages visited");
    assert.deepEqual(dialogs, [], "dialogs opened");
    const scriptProblems = problems.filter((p) => !p.startsWith("HTTP 404") && !p.includes("status of 404"));
    assert.deepEqual(scriptProblems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
