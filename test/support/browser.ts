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

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * Skips the calling suite or test when chromium is missing, and says so loudly: a browser test that vanishes silently
 * would look like a pass. Call it first in a `before` hook (skipping there skips every test in the suite).
 */
export function skipUnlessChromium(ctx: Mocha.Context): void {
  if (chromiumInstalled()) return;
  const reason = `${CHROMIUM_PATH} is not installed, so the Playground browser tests cannot run. Install it with: apt-get install -y chromium`;
  const suite = ctx.test?.parent;
  console.warn(`\n${"!".repeat(78)}\n[casewatch] SKIPPING "${suite?.fullTitle() ?? "browser tests"}"\n[casewatch] ${reason}\n${"!".repeat(78)}\n`);
  // mocha's skip() takes no reason, so put it where the reporter prints the pending tests.
  if (suite) suite.title = `${suite.title} [SKIPPED: ${CHROMIUM_PATH} not installed]`;
  ctx.skip();
}

export async function launchChromium(): Promise<Browser> {
  if (!chromiumInstalled()) throw new Error(`${CHROMIUM_PATH} is not installed; call skipUnlessChromium(this) in the suite's before hook`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}
