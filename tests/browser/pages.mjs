// The page types of the flagship site that the quality gates (issue 8)
// check, each a URL plus, where the interesting state needs one, what a
// reader does first (type a search, take a step of the tree). Shared by
// a11y.spec.mjs, weight.spec.mjs and lighthouse.spec.mjs so that a page type
// added here is checked by every gate.
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { screenshotDir, settledOptions } from "./lib.mjs";

/** Every file under `dir`, as site paths ("/guides/x/index.html"). */
export async function siteFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const parent = entry.parentPath ?? entry.path;
    out.push("/" + relative(dir, join(parent, entry.name)).split(sep).join("/"));
  }
  return out.sort();
}

/** A file's site path as the URL a reader uses: "/x/index.html" → "/x/". */
export function urlOf(file) {
  return file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file;
}

const first = (list, what) => {
  if (!list.length) throw new Error(`the flagship site has no ${what}: update tests/browser/pages.mjs`);
  return list[0];
};

/**
 * The page types, found in the built site at `dir`. Each is
 * `{ name, path, status?, act? }`: `act(page)` puts the page in the state to
 * check (after it has loaded) and `status` is the expected HTTP status.
 */
export async function pageTypes(dir) {
  const files = await siteFiles(dir);
  const html = files.filter((f) => f.endsWith(".html"));
  const has = (path) => html.includes(path + "index.html");
  const must = (path) => {
    if (!has(path)) throw new Error(`${path} is missing from the built site: update tests/browser/pages.mjs`);
    return path;
  };
  const guide = guideOf(html, "");
  const tag = urlOf(first(html.filter((f) => /^\/tags\/[^/]+\/index\.html$/.test(f)), "tag page"));
  const { tree, question, outcome } = await treeOf(dir, files, "");
  // The checker (issue 7) may live at /check/ or on any page that loads checker.js.
  let check = has("/check/") ? "/check/" : null;
  if (!check) {
    for (const f of html) {
      if ((await readFile(join(dir, f), "utf8")).includes("/checker.")) { check = urlOf(f); break; }
    }
  }

  const types = [
    { name: "home", path: "/" },
    { name: "section", path: must("/guides/") },
    { name: "guide", path: guide },
    { name: "cases", path: must("/cases/") },
    { name: "quotes", path: must("/quotes/") },
    { name: "faq", path: must("/faq/") },
    { name: "templates", path: must("/templates/") },
    { name: "sources", path: must("/sources/") },
    { name: "tags", path: must("/tags/") },
    { name: "tag", path: tag },
    { name: "search", path: must("/search/"), act: searchPage("connection note") },
    { name: "search-as-you-type", path: "/", act: headerSearch("hiring manager") },
    { name: "decide-start", path: tree.url },
    { name: "decide-step", path: question },
    { name: "decide-stepped", path: tree.url, act: takeAStep },
    { name: "outcome", path: outcome },
    { name: "map", path: must(tree.url + "map/") },
    { name: "404", path: "/definitely-missing/", status: 404 },
  ];
  if (check) types.push({ name: "check", path: check, act: typeANote });
  if (has("/es/")) types.push(...(await spanishTypes(dir, files, types)));
  return types;
}

/** The guide with the flagship's image (#19), or the edition's first guide. */
function guideOf(html, prefix) {
  const wanted = `${prefix}/guides/connection-request/`;
  if (html.includes(wanted + "index.html")) return wanted;
  const pattern = new RegExp(`^${prefix}/guides/[^/]+/index\\.html$`);
  return urlOf(first(html.filter((f) => pattern.test(f)), `${prefix || "English"} guide`));
}

/** An edition's decision tree, a question step of it and an outcome. */
async function treeOf(dir, files, prefix) {
  const pattern = new RegExp(`^${prefix}/decide/[^/]+/tree\\.json$`);
  const treeJson = first(files.filter((f) => pattern.test(f)), `${prefix} decision tree`);
  const tree = JSON.parse(await readFile(join(dir, treeJson), "utf8"));
  const steps = Object.keys(tree.steps);
  const isOutcome = (url) => !tree.nodes[tree.steps[url]].o;
  const question = first(steps.filter((u) => u !== tree.url && !isOutcome(u)), `${prefix} question step`);
  const outcome = first(steps.filter(isOutcome), `${prefix} outcome`);
  return { tree, question, outcome };
}

/**
 * The Spanish edition (#18): every page type the English list has that
 * Spanish translates (the rest link to the English page), named "es-…",
 * with its own tree's steps and searches in Spanish.
 */
async function spanishTypes(dir, files, english) {
  const html = files.filter((f) => f.endsWith(".html"));
  const has = (path) => html.includes(path + "index.html");
  const { tree, question, outcome } = await treeOf(dir, files, "/es");
  const own = {
    guide: guideOf(html, "/es"),
    "decide-start": tree.url,
    "decide-step": question,
    "decide-stepped": tree.url,
    outcome,
    map: tree.url + "map/",
  };
  const acts = {
    search: searchPage("nota de conexión"),
    "search-as-you-type": headerSearch("responsable de contratación"),
  };
  const out = [];
  for (const type of english) {
    if (type.status) continue; // the 404 page is one for the whole site
    const path = own[type.name] ?? (type.name === "tag" ? null : "/es" + type.path);
    if (!path || !has(path)) continue;
    out.push({ ...type, name: `es-${type.name}`, path, act: acts[type.name] ?? type.act });
  }
  const tag = html.find((f) => /^\/es\/tags\/[^/]+\/index\.html$/.test(f));
  if (tag) out.push({ name: "es-tag", path: urlOf(tag) });
  for (const name of ["home", "section", "guide", "search", "decide-start"]) {
    if (!out.some((t) => t.name === `es-${name}`)) throw new Error(`the Spanish edition has no ${name} page: update tests/browser/pages.mjs`);
  }
  return out;
}

/** /search/: type `query` into the page's own box and wait for results. */
function searchPage(query) {
  return async (page) => {
    await page.locator("#search-page-q").fill(query);
    await page.locator("#search-page-q").press("Enter");
    await page.locator("#search-results li").first().waitFor({ timeout: 10_000 });
  };
}

/** The header box: type `query` and wait for the results listed under it. */
function headerSearch(query) {
  return async (page) => {
    await page.locator("#site-search").click();
    await page.keyboard.type(query, { delay: 20 });
    await settledOptions(page);
  };
}

/** The tree drawn in place by tree.js: the first answer of the start page. */
async function takeAStep(page) {
  const before = page.url();
  await page.locator(".decide-step a.option").first().click();
  await page.waitForURL((u) => u.href !== before, { timeout: 10_000 });
  await page.locator(".decide-step h1, .decide-step h2").first().waitFor();
}

/** The checker: a generic note, so its flags show. */
async function typeANote(page) {
  const box = page.locator("main textarea").first();
  if (await box.count()) {
    await box.fill("Hi [Name], I'd love to connect and pick your brain about opportunities.");
    await page.waitForTimeout(300);
  }
}

/** A file-name-safe label: "decide-step-375-dark". */
export function slug(...parts) {
  return parts.join("-").replace(/[^a-z0-9-]+/gi, "_");
}

/** Saves a full-page screenshot for a failed gate; returns its path. */
export async function failShot(page, ...parts) {
  const path = join(await screenshotDir(), `${slug(...parts)}.png`);
  await page.screenshot({ path, fullPage: true }).catch(() => {});
  return path;
}
