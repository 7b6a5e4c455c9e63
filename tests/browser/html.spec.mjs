// Valid HTML gate (issue 8): every generated .html file of the flagship
// site passes the Nu Html Checker (npm vnu-jar, run with the machine's Java)
// with zero errors. One JVM checks the whole folder: starting Java per file
// would cost more than the checking. A failure names the file, line,
// column and message, and saves a screenshot of each page with errors.
import test from "node:test";
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, launch, siteDir } from "./lib.mjs";
import { siteFiles, urlOf, failShot } from "./pages.mjs";

const require = createRequire(import.meta.url);
const VNU = String(require("vnu-jar")); // the path of vnu.jar
const JAVA = process.env.JAVA || "java";

/** Why the checker cannot run here, or null. */
function missing() {
  const java = spawnSync(JAVA, ["-version"], { encoding: "utf8" });
  if (java.error || java.status !== 0) return `no Java (${JAVA} -version failed; apt-get install default-jre-headless)`;
  const major = Number((java.stderr.match(/version "(\d+)/) || [])[1]);
  if (major && major < 11) return `the Nu Html Checker needs Java 11 or later, found ${major}`;
  return null;
}

const why = missing();
if (why && process.env.CASEBOOK_REQUIRE_BROWSER) throw new Error(`HTML validation required but cannot run: ${why}`);
if (why) console.log(`\n*** SKIPPED HTML validation: ${why} ***\n`);

test("every generated HTML page passes the Nu Html Checker with zero errors", { skip: why ?? false }, async () => {
  const dir = siteDir();
  const pages = (await siteFiles(dir)).filter((f) => f.endsWith(".html"));
  const { stderr } = await new Promise((resolve, reject) => {
    // vnu exits with 1 when it finds errors; its JSON report is on stderr.
    execFile(JAVA, ["-Xss8m", "-jar", VNU, "--skip-non-html", "--errors-only", "--format", "json", dir],
      { maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
      (err, stdout, stderr) => (err && err.code !== 1 ? reject(err) : resolve({ stdout, stderr })));
  });
  const messages = JSON.parse(stderr).messages;
  const errors = messages.filter((m) => m.type === "error" || m.subType === "fatal" || m.type === "non-document-error");
  console.log(`Nu Html Checker: ${pages.length} HTML files, ${errors.length} errors`);
  if (!errors.length) return;
  const byPage = new Map();
  for (const m of errors) {
    const file = m.url ? "/" + relative(dir, fileURLToPath(m.url)).split(sep).join("/") : "(no file)";
    if (!byPage.has(file)) byPage.set(file, []);
    byPage.get(file).push(`  ${file}:${m.lastLine ?? "?"}:${m.firstColumn ?? m.lastColumn ?? "?"}: ${m.message}` +
      (m.extract ? `\n      ${m.extract.replace(/\n/g, " ").trim()}` : ""));
  }
  const server = await serve(dir);
  const browser = await launch();
  const shots = [];
  try {
    const page = await browser.newPage();
    for (const file of [...byPage.keys()].slice(0, 10)) {
      if (!file.startsWith("/")) continue;
      await page.goto(server.url + urlOf(file)).catch(() => {});
      shots.push(await failShot(page, "html", urlOf(file)));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  assert.fail(`${errors.length} HTML errors in ${byPage.size} files:\n${[...byPage.values()].flat().join("\n")}\nscreenshots: ${shots.join(", ")}`);
});
