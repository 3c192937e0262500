#!/usr/bin/env node
// `casewatch` CLI entry: runs the TypeScript CLI through tsx so no build step is needed.
require("tsx/cjs");
require("../bot/cli/cli.ts").runCli(process.argv);
