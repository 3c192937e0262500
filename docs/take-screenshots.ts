/**
 * `npm run screenshots`: the pictures in docs/user-guide.md, taken from real conversations in the Playground.
 *
 * Starts Casewatch in local mode with the demo force, opens a Playground (in chromium) for the sergeant, the inspector,
 * the detective and an unregistered user, types commands, clicks card buttons, runs one sweep so the morning digests
 * arrive, and saves each card, cropped, as docs/images/<name>.png.
 *
 * Every picture is its own step. A step whose command or button the bot does not have yet is logged as "skipped" and
 * the run goes on; any other failure is logged as "failed" and makes the run exit 1 once every step has had its turn.
 */
import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Locator } from "playwright-core";
import { systemClock, type Clock } from "../services/clock";
import type { PlaygroundRole } from "../services/local/playground-config";
import { defaultPolicy } from "../services/policy/policy";
import { addDays, londonDay, nextWorkingDay, zonedInstant } from "../services/rules/calendar";
import { chromiumInstalled, CHROMIUM_PATH } from "../test/support/browser";
import { startCasewatchBot, startHarness, type BotUnderTest, type Harness } from "../test/support/playground-harness";

const IMAGES = path.join(__dirname, "images");
/** White space kept around the card, so its border and shadow are not cut. */
const PAD = 8;
/** The "Casewatch  1:52 PM" line the Playground draws above each bot message. */
const HEADER_PX = 24;
const FADE_PX = 120;
/** Draws a white fade over the given area of the page (a string, so the bundler adds nothing to it). */
const FADE = `(r) => { const d = document.createElement("div"); d.id = "casewatch-fade";
  d.style.cssText = "position:fixed;z-index:9999;pointer-events:none;background:linear-gradient(rgba(255,255,255,0),#fff 85%)";
  Object.assign(d.style, { left: r.x + "px", top: r.y + "px", width: r.width + "px", height: r.height + "px" });
  document.body.appendChild(d); }`;
/** Digests on the demo force run long (items for detectives with no Playground go to their supervisors). */
const DIGEST_MAX_PX = 1500;
/** The Playground's page header and compose box take this much of the window besides the chat. */
const PAGE_CHROME_PX = 400;
const REF = /[A-Z]{1,6}\/\d{1,8}\/\d{2,4}/;

/** The command or button a picture needs is not in the bot yet: that picture waits for a later run. */
class NotYet extends Error {}

type Outcome = { image: string; result: "saved" | "skipped" | "failed"; why?: string };
const outcomes: Outcome[] = [];

/**
 * The digest only goes out on a working day's morning, so on a weekend or bank holiday the bot runs on a clock moved
 * to the next working day; the demo force's dates are relative to that day.
 */
function workingDayClock(): { clock: Clock; day: string; sweepAt: Date } {
  const policy = defaultPolicy();
  const now = new Date();
  const today = londonDay(now, policy.timeZone);
  const day = nextWorkingDay(today, policy.schedule.bankHolidays);
  const sweepAt = zonedInstant(day, policy.schedule.morningTime, policy.timeZone);
  if (day === today) return { clock: systemClock, day, sweepAt };
  const shift = zonedInstant(day, "10:00", policy.timeZone).getTime() - now.getTime();
  return { clock: { now: () => new Date(Date.now() + shift) }, day, sweepAt };
}

async function step(image: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
    outcomes.push({ image, result: "saved" });
    console.log(`  saved   ${image}.png`);
  } catch (err) {
    const why = err instanceof Error ? err.message.split("\n")[0] : String(err);
    const result = err instanceof NotYet ? "skipped" : "failed";
    outcomes.push({ image, result, why });
    console.log(`  ${result} ${image}: ${why}`);
  }
}

/**
 * Saves one bot message, cropped to the card and the "Casewatch, time" line above it. The chat is a scroll box inside
 * the page, which cuts off a card taller than itself, so the window grows until the card fits and shrinks back after.
 * A card taller than `maxHeight` (a demo digest collects every unreachable detective's items) keeps its top part,
 * fading out where it is cut.
 */
async function capture(h: Harness, card: Locator, image: string, maxHeight = Infinity): Promise<void> {
  const page = h.page;
  const viewport = page.viewportSize() ?? { width: 1400, height: 1000 };
  const height = (await card.boundingBox())?.height ?? 0;
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height) + PAGE_CHROME_PX) });
  try {
    // A hovered button or card draws differently, so the pointer goes out of the way.
    await page.mouse.move(0, 0);
    await card.scrollIntoViewIfNeeded();
    const box = await card.boundingBox();
    if (!box) throw new Error(`the ${image} card is not on screen`);
    const top = Math.max(0, box.y - HEADER_PX);
    const cut = box.height + PAD > maxHeight;
    const clip = { x: box.x - PAD, y: top, width: box.width + 2 * PAD, height: Math.min(box.y + box.height + PAD - top, maxHeight) };
    if (cut) await page.evaluate(FADE, { x: clip.x, y: clip.y + clip.height - FADE_PX, width: clip.width, height: FADE_PX });
    await page.screenshot({ path: path.join(IMAGES, `${image}.png`), clip, animations: "disabled" });
    if (cut) console.log(`          (${image}: the card is ${Math.round(box.height)} px tall; kept the top ${maxHeight} px)`);
  } finally {
    await page.evaluate(`document.getElementById("casewatch-fade")?.remove()`);
    await page.setViewportSize(viewport);
  }
}

/** The first bot message after the first `after` that matches `text`, waiting for it to arrive. */
async function firstAfter(h: Harness, text: string | RegExp, after: number, timeoutMs?: number): Promise<Locator> {
  await h.waitForText(text, { after, ...(timeoutMs ? { timeoutMs } : {}) });
  const texts = await h.botMessages().allInnerTexts();
  const re = typeof text === "string" ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i") : text;
  const index = texts.findIndex((t, i) => i >= after && re.test(t.replace(/\s+/g, " ")));
  return h.botMessages().nth(index);
}

/** Types a command and returns the bot's answer; the "did not understand" help card means the command is not in yet. */
async function ask(h: Harness, command: string, expect: string | RegExp = /\S/): Promise<Locator> {
  const reply = await firstAfter(h, /\S/, await h.say(command));
  const text = await reply.innerText();
  if (/did not understand that/i.test(text)) throw new NotYet(`"${command}" is not a command yet`);
  const re = typeof expect === "string" ? new RegExp(expect, "i") : expect;
  if (!re.test(text.replace(/\s+/g, " "))) throw new Error(`"${command}" answered: ${text.replace(/\s+/g, " ").slice(0, 200)}`);
  return reply;
}

/**
 * Clicks a button on a card and waits for the card to change in place (Action.Execute answers with its replacement).
 * No such button, or an answer saying the bot does not know the verb, means the feature is not in yet.
 */
async function click(h: Harness, card: Locator, button: string | RegExp): Promise<Locator> {
  const target = card.getByRole("button", { name: button, exact: typeof button === "string" }).first();
  if ((await target.count()) === 0) throw new NotYet(`no "${String(button)}" button on that card yet`);
  const before = await card.innerText();
  await target.click();
  const handle = await card.elementHandle();
  await h.page.waitForFunction(([el, was]) => (el as unknown as { innerText: string }).innerText !== was, [handle, before] as const);
  // The card is drawn in a few passes; let it settle before anyone reads or photographs it.
  await h.page.waitForTimeout(300);
  const after = (await card.innerText()).replace(/\s+/g, " ");
  if (/That button did not work/i.test(after)) throw new NotYet(`"${String(button)}" answered: ${after.slice(0, 200)}`);
  return card;
}

/** The first message with a button called `button`, among those on screen. */
async function withButton(h: Harness, button: string): Promise<Locator> {
  const found = h.botMessages().filter({ has: h.page.getByRole("button", { name: button, exact: true }) });
  if ((await found.count()) === 0) throw new NotYet(`no card with a "${button}" button yet`);
  return found.first();
}

async function main(): Promise<void> {
  if (!chromiumInstalled()) throw new Error(`${CHROMIUM_PATH} is not installed; install it with: apt-get install -y chromium`);
  mkdirSync(IMAGES, { recursive: true });
  const { clock, day, sweepAt } = workingDayClock();
  console.log(`Casewatch screenshots: demo force as of ${day}, digest sweep at ${sweepAt.toISOString()}`);
  const bot: BotUnderTest = await startCasewatchBot({ clock });
  const harnesses: Harness[] = [];
  const open = async (role: PlaygroundRole) => {
    const h = await startHarness({ role, bot, timeoutMs: 20_000 });
    harnesses.push(h);
    return h;
  };
  try {
    const [sergeant, inspector, detective, stranger] = await Promise.all(
      (["sergeant", "inspector", "detective", "unregistered"] as const).map(open),
    );
    if (!sergeant || !inspector || !detective || !stranger) throw new Error("a Playground did not open");

    // Installation: the welcome and not-registered cards arrive when the page opens.
    await step("welcome", async () => capture(detective, await detective.waitForText("Hello, DC Owen Price"), "welcome"));
    await step("not-registered", async () => capture(stranger, await stranger.waitForText("You are not registered"), "not-registered"));
    await stranger.stop();
    harnesses.splice(harnesses.indexOf(stranger), 1);
    // Sweeps reach only people whose Playground has told the bot where they are.
    await sergeant.waitForText("Hello, DS Sam Khan");
    await inspector.waitForText("Hello, DI Tom Reid");

    // The detective's commands.
    let ref: string | undefined;
    await step("help", async () => capture(detective, await ask(detective, "help", "What you can ask Casewatch"), "help"));
    await step("my-cases", async () => {
      const card = await ask(detective, "my cases", "Your cases|open cases");
      ref = REF.exec(await card.innerText())?.[0];
      await capture(detective, card, "my-cases");
    });
    await step("due", async () => capture(detective, await ask(detective, "due", "Overdue|Due by|Nothing is overdue"), "due"));
    await step("case", async () => {
      if (!ref) throw new NotYet("no crime reference on the my-cases card to open");
      await capture(detective, await ask(detective, `case ${ref}`, ref.replace(/\//g, "\\/")), "case");
    });
    await step("error", async () => capture(detective, await ask(detective, "case CF/99999/26", "not found"), "error"));

    // Status, before anything below changes the figures.
    await step("status-sergeant", async () => capture(sergeant, await ask(sergeant, "status", "Team status: DS Sam Khan"), "status-sergeant"));
    let inspectorStatus: Locator | undefined;
    await step("status-inspector", async () => {
      inspectorStatus = await ask(inspector, "status", "Teams status: DI Tom Reid");
      await capture(inspector, inspectorStatus, "status-inspector");
    });
    await step("status-team", async () => {
      if (!inspectorStatus) throw new NotYet("no inspector status card to drill into");
      const team = await click(inspector, inspectorStatus, "Open team");
      await capture(inspector, team, "status-team");
      await step("officer", async () => capture(inspector, await click(inspector, team, "Open officer"), "officer"));
    });

    // The morning sweep: one digest per person, in each open chat.
    const before = { sergeant: await sergeant.botMessages().count(), inspector: await inspector.botMessages().count(), detective: await detective.botMessages().count() };
    const app = bot.app;
    if (!app) throw new Error("the bot under test has no app to sweep with");
    const report = await app.sweep().run({ at: sweepAt });
    console.log(`  sweep: planned ${report.planned}, sent ${report.sent}, cards ${report.cards}, unreachable ${report.unreachable}`);
    const digests = { sergeant: undefined as Locator | undefined, detective: undefined as Locator | undefined };
    await step("digest-sergeant", async () => {
      digests.sergeant = await firstAfter(sergeant, "Casewatch digest for", before.sergeant);
      await capture(sergeant, digests.sergeant, "digest-sergeant", DIGEST_MAX_PX);
    });
    await step("digest-inspector", async () => capture(inspector, await firstAfter(inspector, "Casewatch digest for", before.inspector), "digest-inspector", DIGEST_MAX_PX));
    await step("digest-detective", async () => {
      digests.detective = await firstAfter(detective, "Casewatch digest for", before.detective);
      await capture(detective, digests.detective, "digest-detective");
    });

    // Workflows from the digests (each click replaces that digest, so each digest serves one of them).
    await step("progress", async () => {
      if (!digests.detective) throw new NotYet("no detective digest");
      await capture(detective, await click(detective, digests.detective, "Confirm progress"), "progress");
    });
    await step("review", async () => {
      if (!digests.sergeant) throw new NotYet("no sergeant digest");
      await capture(sergeant, await click(sergeant, digests.sergeant, "Review now"), "review");
    });
    await planSteps(sergeant, detective);
    await absenceSteps(sergeant, day);
    await handoverStep(inspector, sergeant);
  } finally {
    for (const h of harnesses.reverse()) await h.stop().catch((err: unknown) => console.error("stopping a Playground failed", err));
    await bot.stop();
  }
}

/** The sergeant starts an action plan for Mark Doyle (two stale cases in the demo force); he acknowledges it. */
async function planSteps(sergeant: Harness, detective: Harness): Promise<void> {
  await step("plan-start", async () => {
    const status = await ask(sergeant, "status", "Team status");
    const form = (await status.getByRole("button", { name: "Start action plan" }).count()) > 0
      ? await click(sergeant, status, "Start action plan")
      : await ask(sergeant, "plan Mark Doyle", "action plan");
    await capture(sergeant, form, "plan-start");
  });
  // The plan is for Mark Doyle, so the demo detective (Owen Price) only sees one if the sergeant plans for him too.
  await step("plan-acknowledge", async () => {
    const form = await ask(sergeant, "plan Owen Price", "action plan");
    const inputs = form.locator("input[type=text], textarea");
    const words = ["Bring every case up to date on the crime report", "No case without an update for 14 days", "Weekly catch-up with DS Khan"];
    for (let i = 0; i < Math.min(await inputs.count(), words.length); i++) await inputs.nth(i).fill(words[i] ?? "");
    const waiting = await detective.botMessages().count();
    await click(sergeant, form, /Send|Start|Propose/);
    await capture(detective, await firstAfter(detective, "Acknowledge", waiting), "plan-acknowledge");
  });
}

/** The sergeant records leave for DC Daniel Hughes, whose bail case falls inside it, and reassigns that case. */
async function absenceSteps(sergeant: Harness, day: string): Promise<void> {
  let absence: Locator | undefined;
  await step("absence", async () => {
    absence = await ask(sergeant, `absent Daniel Hughes leave from ${addDays(day, 1)} to ${addDays(day, 14)}`, "absen");
    await capture(sergeant, absence, "absence");
  });
  await step("reassign", async () => {
    const card = absence && (await absence.getByRole("button", { name: "Reassign" }).count()) > 0
      ? await click(sergeant, absence, "Reassign")
      : await ask(sergeant, `reassign ${await someRefOf(sergeant)} to Carys Lloyd`, "reassign|capacity");
    await capture(sergeant, card, "reassign");
  });
}

/** A case of the sergeant's team, from the status card. */
async function someRefOf(sergeant: Harness): Promise<string> {
  const ref = REF.exec(await (await withButton(sergeant, "Mark as seen")).innerText())?.[0];
  if (!ref) throw new NotYet("no crime reference on the sergeant's status card");
  return ref;
}

/** The inspector hands DS Priya Shah's team to DS Sam Khan, who gets the handover digest. Last: it moves a team. */
async function handoverStep(inspector: Harness, sergeant: Harness): Promise<void> {
  await step("handover", async () => {
    const waiting = await sergeant.botMessages().count();
    await ask(inspector, "handover Priya Shah to Sam Khan");
    await capture(sergeant, await firstAfter(sergeant, /handover|inherit/i, waiting), "handover");
  });
}

function report(): void {
  const produced = new Set(outcomes.filter((o) => o.result === "saved").map((o) => `${o.image}.png`));
  const stale = readdirSync(IMAGES).filter((f) => f.endsWith(".png") && !produced.has(f));
  console.log(`\n${produced.size} saved, ${outcomes.filter((o) => o.result === "skipped").length} skipped, ${outcomes.filter((o) => o.result === "failed").length} failed`);
  if (stale.length > 0) console.log(`Not retaken this run (older pictures kept): ${stale.join(", ")}`);
}

main()
  .then(() => {
    report();
    process.exitCode = outcomes.some((o) => o.result === "failed") ? 1 : 0;
  })
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
