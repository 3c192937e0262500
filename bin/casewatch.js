#!/usr/bin/env node
"use strict";
// `casewatch` CLI entry: runs the compiled CLI from dist/ with plain node, in development and in production alike.
// dist/ is built by `npm run build`, which `npm install` runs as `prepare` and `npm start`/`npm test` run first.
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const compiled = join(root, "dist", "bot", "cli", "cli.js");
if (!existsSync(compiled)) {
  process.stderr.write(`casewatch: the compiled CLI (${compiled}) is missing. Run \`npm run build\` in ${root} first.\n`);
  process.exit(1);
}
require(compiled).runCli(process.argv);
