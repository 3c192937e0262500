import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's chromium; `.ci/run` and test/support/ensure-chromium.mjs install it with apt. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

// Headless in containers and CI: no sandbox (often no user namespaces), no GPU, and nothing that phones home.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

export function chromiumInstalled(executablePath: string = CHROMIUM_PATH): boolean {
  return existsSync(executablePath);
}

function markSkipped(suite: Mocha.Suite, note: string): void {
  for (const test of suite.tests) test.title = `${test.title} ${note}`;
  for (const child of suite.suites) markSkipped(child, note);
}

/**
 * Skips the calling suite or test when chromium is missing, and says so loudly: a browser test that vanishes silently
 * would look like a pass. Call it first in a `before` hook (skipping there skips every test in the suite).
 */
export function skipUnlessChromium(ctx: Mocha.Context, executablePath: string = CHROMIUM_PATH): void {
  if (chromiumInstalled(executablePath)) return;
  const reason = `${executablePath} is not installed, so the Playground browser tests cannot run. Install it with: apt-get install -y chromium`;
  const suite = ctx.test?.parent;
  console.warn(`\n${"!".repeat(78)}\n[casewatch] SKIPPING "${suite?.fullTitle() ?? "browser tests"}"\n[casewatch] ${reason}\n${"!".repeat(78)}\n`);
  // mocha's skip() takes no reason, so put it where the reporter prints each pending test.
  if (suite) markSkipped(suite, `[SKIPPED: ${executablePath} not installed]`);
  ctx.skip();
}

export async function launchChromium(): Promise<Browser> {
  if (!chromiumInstalled()) throw new Error(`${CHROMIUM_PATH} is not installed; call skipUnlessChromium(this) in the suite's before hook`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}
