// Browser tests need Debian's chromium. Install it when we can (root + apt); otherwise say loudly that the
// browser tests will be skipped. test/support/browser.ts reads the same path and reports each skip.
import { existsSync } from "node:fs";
import { execSync } from "node:child_process";

const CHROMIUM = "/usr/bin/chromium";
if (existsSync(CHROMIUM)) process.exit(0);
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot) {
  console.log("[casewatch] Debian chromium is missing; installing it with apt-get for the browser tests…");
  try {
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
  } catch {
    // fall through to the loud warning below
  }
}
if (!existsSync(CHROMIUM)) {
  console.warn("\n" + "!".repeat(78) + "\n[casewatch] WARNING: /usr/bin/chromium is not installed and could not be installed.\n" +
    "[casewatch] The Playground browser tests WILL BE SKIPPED. Install it with: apt-get install -y chromium\n" + "!".repeat(78) + "\n");
}
