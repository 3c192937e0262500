import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { composeApp, type App } from "../../bot/compose/compose-app";
import type { Clock } from "../../services/platform/clock";
import { loadConfig } from "../../services/platform/config/load-config";
import { createLogger, type Logger } from "../../services/platform/logger";
import type { PlaygroundRole } from "../../services/local/playground-config";
import { startPlayground, type RunningPlayground } from "../../services/local/playground";
import { launchChromium, skipUnlessChromium } from "./browser";

/** A bot the Playground talks to: Casewatch in local mode, or a stand-in for testing the harness itself. */
export interface BotUnderTest {
  botUrl: string;
  /** Casewatch's composed app (store, services), for tests that need to act behind the chat, e.g. run a sweep. */
  app?: App;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  role: PlaygroundRole;
  /**
   * Share one running bot between several harnesses (one per role); the harness then leaves it running on stop().
   * A getter lets mocha suites pass the bot from `useCasewatchBot()` before it has started.
   */
  bot?: BotUnderTest | (() => BotUnderTest);
  /** How to start a bot of its own when `bot` is not given (default: Casewatch in local mode). */
  startBot?: () => Promise<BotUnderTest>;
  /** Default wait for a reply, in ms. */
  timeoutMs?: number;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Ignore the first `after` bot messages (see `say`). */
  after?: number;
}

export interface Harness {
  role: PlaygroundRole;
  bot: BotUnderTest;
  playground: RunningPlayground;
  page: Page;
  /**
   * Types into the compose box and presses Enter. Returns how many bot messages were on screen just before, to pass
   * as `after` when the reply could be mistaken for an earlier message with the same text.
   */
  say(text: string): Promise<number>;
  /**
   * The newest bot message (text or card) containing `text` (case- and whitespace-insensitive, like Playwright's
   * hasText), waiting for it to appear; with `after`, only messages that arrived after that many.
   */
  waitForText(text: string | RegExp, opts?: number | WaitOptions): Promise<Locator>;
  /** Clicks a card button by its title: in `within` if given, else in the newest bot message that has one. */
  clickButton(name: string, within?: Locator): Promise<void>;
  /** Every message the bot has posted in the open chat, oldest first. */
  botMessages(): Locator;
  screenshot(file: string): Promise<string>;
  /** The last lines of the page's log panel: every activity both ways with its HTTP status (the log file has less). */
  logPanel(lines?: number): Promise<string>;
  stop(): Promise<void>;
}

// In the Playground page, each bot message (text or Adaptive Card) is a Fluent AI output card. The user's own messages,
// the chat list's previews and the log panel also show message text, so matching on the whole page finds those too.
const BOT_MESSAGE = ".fai-OutputCard";
const COMPOSE_BOX = '[data-lexical-editor="true"]';
// The log panel is the page's other contenteditable box.
const LOG_PANEL = '[contenteditable="true"]:not([data-lexical-editor="true"])';
const DEFAULT_TIMEOUT_MS = 15_000;

/** Casewatch in local mode on a random port, with its own embedded store seeded with the demo force. */
export async function startCasewatchBot(opts: { clock?: Clock; logger?: Logger } = {}): Promise<BotUnderTest> {
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    LOCAL_COSMOS_PORT: "0",
    CASEWATCH_PLAYGROUND: "off",
    CASEWATCH_SCHEDULER: "off",
    CASEWATCH_SEED_DEMO: "on",
    LOG_LEVEL: "warn",
  });
  const app = composeApp(config, { playground: false, ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.logger ? { logger: opts.logger } : {}) });
  try {
    const running = await app.start();
    return { botUrl: running.botUrl, app, stop: () => app.stop() };
  } catch (err) {
    await app.stop();
    throw err;
  }
}

function isLoopback(url: URL): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname) || url.protocol === "data:" || url.protocol === "blob:";
}

// The few DOM members the in-page check uses (the project compiles without the DOM library).
type PageWindow = { document: { querySelectorAll(selector: string): ArrayLike<{ innerText: string }> } };
const normalise = (s: string) => s.replace(/\s+/g, " ").trim();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function describeChat(page: Page): Promise<string> {
  const texts = await page.locator(BOT_MESSAGE).allInnerTexts();
  const recent = texts.slice(-3).map((t) => `  - ${t.replace(/\s+/g, " ").slice(0, 300)}`);
  return recent.length > 0 ? `The last bot messages were:\n${recent.join("\n")}` : "The bot has posted nothing.";
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const shared = typeof opts.bot === "function" ? opts.bot() : opts.bot;
  const cleanups: (() => Promise<void>)[] = [];
  // Every cleanup runs even if one fails, so a broken browser never leaves a Playground or a bot behind.
  const stop = async () => {
    const failures: unknown[] = [];
    for (const fn of cleanups.splice(0).reverse()) await fn().catch((err: unknown) => failures.push(err));
    if (failures.length > 0) throw new AggregateError(failures, `stopping the ${opts.role} harness failed`);
  };
  try {
    const bot = shared ?? (await (opts.startBot ?? startCasewatchBot)());
    if (!shared) cleanups.push(() => bot.stop());

    const dir = mkdtempSync(path.join(tmpdir(), `casewatch-${opts.role}-`));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const playground = await startPlayground({ botEndpoint: `${bot.botUrl}/api/messages`, port: 0, role: opts.role, logger: createLogger("warn"), cwd: dir });
    cleanups.push(() => playground.stop());

    const browser: Browser = await launchChromium();
    cleanups.push(() => browser.close());
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    // The page fetches fonts and animations from Microsoft's CDN; refusing them keeps the tests offline and quick.
    await context.route((url) => !isLoopback(url), (route) => route.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    await page.goto(playground.url, { waitUntil: "domcontentloaded", timeout: 30_000 });
    await page.locator(COMPOSE_BOX).waitFor({ state: "visible", timeout: 30_000 });

    const botMessages = () => page.locator(BOT_MESSAGE);

    const harness: Harness = {
      role: opts.role,
      bot,
      playground,
      page,
      botMessages,
      say: async (text) => {
        const before = await botMessages().count();
        const box = page.locator(COMPOSE_BOX);
        await box.click();
        await box.pressSequentially(text);
        await box.press("Enter");
        // The box empties once the Playground has taken the message.
        await page.locator(COMPOSE_BOX, { hasNotText: /\S/ }).waitFor();
        return before;
      },
      waitForText: async (text, wait) => {
        const { timeoutMs: ms = timeoutMs, after = 0 } = typeof wait === "number" ? { timeoutMs: wait } : (wait ?? {});
        const pattern = typeof text === "string" ? { source: escapeRegExp(normalise(text)), flags: "i" } : { source: text.source, flags: text.flags };
        try {
          // Checks the rendered messages in the page: a card replaced in place changes text without adding an element.
          const found = await page.waitForFunction(
            ({ selector, after, pattern }) => {
              const re = new RegExp(pattern.source, pattern.flags);
              const messages = Array.from((globalThis as unknown as PageWindow).document.querySelectorAll(selector));
              for (let i = messages.length - 1; i >= after; i--) {
                if (re.test((messages[i]?.innerText ?? "").replace(/\s+/g, " ").trim())) return i + 1;
              }
              return 0;
            },
            { selector: BOT_MESSAGE, after, pattern },
            { timeout: ms, polling: 100 },
          );
          return botMessages().nth(((await found.jsonValue()) as number) - 1);
        } catch (err) {
          const where = after > 0 ? ` after the first ${after}` : "";
          throw new Error(`No bot message matching ${typeof text === "string" ? JSON.stringify(text) : String(text)}${where} appeared within ${ms} ms (${opts.role}). ${await describeChat(page)}`, { cause: err });
        }
      },
      clickButton: async (name, within) => {
        const button = (m: Locator) => m.getByRole("button", { name, exact: true });
        const scope = within ?? botMessages().filter({ has: page.getByRole("button", { name, exact: true }) }).last();
        try {
          await button(scope).click();
        } catch (err) {
          throw new Error(`No card button "${name}" to click (${opts.role}). ${await describeChat(page)}`, { cause: err });
        }
      },
      screenshot: async (file) => {
        mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
        await page.screenshot({ path: file, fullPage: true });
        return path.resolve(file);
      },
      logPanel: async (lines = 20) => {
        const text = await page.locator(LOG_PANEL).first().innerText({ timeout: 2000 });
        return text.trimEnd().split("\n").slice(-lines).join("\n");
      },
      stop,
    };
    return harness;
  } catch (err) {
    await stop().catch((cleanupErr: unknown) => console.error("    (cleanup after a failed harness start also failed)", cleanupErr));
    throw err;
  }
}

/** One Casewatch bot for a whole mocha suite, to share between `useHarness` calls for several roles. */
export function useCasewatchBot(opts: { clock?: Clock } = {}): () => BotUnderTest {
  let bot: BotUnderTest | undefined;
  before(async function () {
    this.timeout(60_000);
    bot = await startCasewatchBot(opts);
  });
  after(async function () {
    this.timeout(30_000);
    await bot?.stop();
  });
  return () => {
    if (!bot) throw new Error("the shared Casewatch bot is not running: call useCasewatchBot() before useHarness() in the suite");
    return bot;
  };
}

/**
 * One harness for a whole mocha suite: started in `before` (skipped loudly without chromium), stopped in `after`, and
 * a screenshot plus the Playground log in test-results/ for every failing test.
 */
export function useHarness(opts: HarnessOptions): () => Harness {
  let harness: Harness | undefined;
  before(async function () {
    this.timeout(120_000);
    skipUnlessChromium(this);
    harness = await startHarness(opts);
  });
  afterEach(async function () {
    const test = this.currentTest;
    if (!harness || test?.state !== "failed") return;
    const name = test.fullTitle().replace(/[^A-Za-z0-9]+/g, "-").slice(0, 120);
    const shot = await harness.screenshot(path.join("test-results", `${name}.png`));
    const logCopy = path.resolve("test-results", `${name}.playground.log`);
    copyFileSync(harness.playground.logFile, logCopy);
    const panel = (await harness.logPanel(20)).replace(/\n/g, "\n      ");
    console.error(`    screenshot: ${shot}\n    Playground log: ${logCopy}\n    Playground log panel (${opts.role}), last lines:\n      ${panel}`);
  });
  after(async function () {
    this.timeout(30_000);
    await harness?.stop();
  });
  return () => {
    if (!harness) throw new Error("the Playground harness is not running: call useHarness() inside describe() and use it in tests");
    return harness;
  };
}
