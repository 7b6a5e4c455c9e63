// Shared helpers for the browser tests: a static server for a built site
// and Debian Chromium driven by playwright-core (which never downloads a
// browser of its own).
import { createServer } from "node:http";
import { readFile, stat, mkdir } from "node:fs/promises";
import { join, extname, normalize, sep } from "node:path";
import { tmpdir } from "node:os";
import { chromium } from "playwright-core";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml",
  ".txt": "text/plain", ".png": "image/png", ".webp": "image/webp", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
  ".gif": "image/gif", ".avif": "image/avif", ".ico": "image/x-icon", ".bin": "application/octet-stream",
};

/** The built site to test: $SITE_DIR, set by `cargo test browser::` (tests/testsuite/browser.rs). */
export function siteDir() {
  const dir = process.env.SITE_DIR;
  if (!dir) throw new Error("SITE_DIR is not set: run these through `cargo test browser::`");
  return dir;
}

/** Where screenshots go, for a developer to look at after a failure. */
export async function screenshotDir() {
  const dir = process.env.SCREENSHOT_DIR || join(tmpdir(), "casebook-screenshots");
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Serves `root` on 127.0.0.1 like a static host: `/x/` → `x/index.html`, 404.html for misses. */
export async function serve(root) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info && info.isDirectory()) {
        file = join(file, "index.html");
        info = await stat(file).catch(() => null);
      }
      if (!info) {
        res.writeHead(404, { "content-type": TYPES[".html"] });
        res.end(await readFile(join(root, "404.html")).catch(() => "not found"));
        return;
      }
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(await readFile(file));
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  const close = () => new Promise((r) => { server.close(r); server.closeAllConnections(); });
  return { url: `http://127.0.0.1:${port}`, close };
}

/** Launches Debian Chromium headless; Playwright gives every launch a fresh
 * temporary profile (it refuses an explicit --user-data-dir for launch()). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/** A page that records console errors, failed requests and CSP violations. */
export async function watchedPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  // ERR_ABORTED is a request cut short by our own next navigation, not a failure.
  page.on("requestfailed", (r) => { if (r.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`); });
  page.on("response", (r) => { if (r.status() >= 400 && !r.url().endsWith("/definitely-missing/")) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.exposeFunction("__cspViolation", (v) => problems.push(`CSP violation: ${v}`)).catch(() => {});
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolation?.(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, problems };
}

/**
 * Waits until the header box's list shows the results for what the box now
 * says: search.js marks the list aria-busy from a keystroke until that text's
 * results are drawn, so an earlier, shorter query's list never passes.
 */
export async function settledOptions(page, timeout = 10_000) {
  await page.waitForFunction(() => {
    const list = document.getElementById("search-listbox");
    return list && list.getAttribute("aria-busy") === "false" && list.querySelector("[role=option]");
  }, null, { timeout });
}
