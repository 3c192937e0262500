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
import path from "node:path";
import type { Locator } from "playwright-core";
import { systemClock, type Clock } from "../services/platform/clock";
import { defaultPolicy } from "../services/domain/policy";
import { addDays, londonDay, nextWorkingDay, zonedInstant } from "../services/rules/calendar";
import { chromiumInstalled, CHROMIUM_PATH } from "../test/support/browser";
import { startCasewatchBot, startHarness, type BotUnderTest, type Harness } from "../test/support/playground-harness";
import { ask, choose, click, createCamera, firstAfter, need } from "./playground-camera";

/** Digests on the demo force run long: items for detectives with no Playground go up to their supervisors. */
const DIGEST_MAX_PX = 1500;
const REF = /[A-Z]{1,6}\/\d{1,8}\/\d{2,4}/;

type Camera = ReturnType<typeof createCamera>;

/**
 * The digest only goes out on a working day's morning, so on a weekend or bank holiday the bot runs on a clock moved
 * to the next working day; the demo force's dates are relative to that day.
 */
function workingDayClock(now: Date = new Date()): { clock: Clock; day: string; sweepAt: Date } {
  const policy = defaultPolicy();
  const today = londonDay(now, policy.timeZone);
  const day = nextWorkingDay(today, policy.schedule.bankHolidays);
  const sweepAt = zonedInstant(day, policy.schedule.morningTime, policy.timeZone);
  if (day === today) return { clock: systemClock, day, sweepAt };
  const shift = zonedInstant(day, "10:00", policy.timeZone).getTime() - now.getTime();
  return { clock: { now: () => new Date(Date.now() + shift) }, day, sweepAt };
}

async function main(camera: Camera): Promise<void> {
  if (!chromiumInstalled()) throw new Error(`${CHROMIUM_PATH} is not installed; install it with: apt-get install -y chromium`);
  const { shot } = camera;
  const { clock, day, sweepAt } = workingDayClock();
  console.log(`Casewatch screenshots: the demo force as of ${day}, the digest sweep at ${sweepAt.toISOString()}`);
  const bot: BotUnderTest = await startCasewatchBot({ clock });
  const harnesses: Harness[] = [];
  try {
    const [sergeant, inspector, detective, stranger] = await Promise.all(
      (["sergeant", "inspector", "detective", "unregistered"] as const).map(async (role) => {
        const h = await startHarness({ role, bot, timeoutMs: 20_000 });
        harnesses.push(h);
        return h;
      }),
    );
    if (!sergeant || !inspector || !detective || !stranger) throw new Error("a Playground did not open");

    // Installing: the welcome and not-registered cards arrive as each page opens.
    await shot("welcome", detective, () => detective.waitForText("Hello, DC Owen Price"));
    await shot("not-registered", stranger, () => stranger.waitForText("You are not registered"));
    // The sweep reaches only people whose Playground has told the bot where they are.
    await sergeant.waitForText("Hello, DS Sam Khan");
    await inspector.waitForText("Hello, DI Tom Reid");

    // The detective's commands.
    await shot("help", detective, () => ask(detective, "help", /What you can ask Casewatch/));
    const myCases = await shot("my-cases", detective, () => ask(detective, "my cases", /My cases: DC Owen Price/));
    const ref = myCases && REF.exec(await myCases.innerText())?.[0];
    await shot("due", detective, () => ask(detective, "due", /Due: DC Owen Price/));
    await shot("case", detective, () => ask(detective, `case ${need(ref, "crime reference on the my-cases card")}`, /Officer in charge/));
    await shot("error", detective, () => ask(detective, "case CF/99999/26", /not found/i));

    // Status and drill-down, before the workflows below change the figures.
    const teamStatus = await shot("status-sergeant", sergeant, () => ask(sergeant, "status", /Team status: DS Sam Khan/));
    const teams = await shot("status-inspector", inspector, () => ask(inspector, "status", /Teams status: DI Tom Reid/));
    const team = await shot("status-team", inspector, () => click(inspector, need(teams, "inspector status card"), "Open team"));
    await shot("status-officer", inspector, () => click(inspector, need(team, "team card"), "Open officer"));

    // The morning sweep: one digest per person, in each open chat.
    const before = await Promise.all([sergeant, inspector, detective].map((h) => h.botMessages().count()));
    const report = await need(bot.app, "Casewatch app").sweep().run({ at: sweepAt });
    console.log(`  sweep: planned ${report.planned}, sent ${report.sent}, cards ${report.cards}, not reachable ${report.unreachable}`);
    const digest = (h: Harness, i: number) => () => firstAfter(h, "Casewatch digest for", before[i] ?? 0);
    const sergeantDigest = await shot("digest-sergeant", sergeant, digest(sergeant, 0), DIGEST_MAX_PX);
    await shot("digest-inspector", inspector, digest(inspector, 1), DIGEST_MAX_PX);
    const detectiveDigest = await shot("digest-detective", detective, digest(detective, 2));

    // The workflows, each started from a digest button or a command.
    await progressSteps(camera, detective, detectiveDigest);
    await reviewSteps(camera, sergeant, sergeantDigest);
    await planSteps(camera, sergeant, detective);
    await absenceSteps(camera, sergeant, day, teamStatus);
    // Last, because it moves a team: the inspector hands DS Priya Shah's team to DS Sam Khan.
    await shot("handover", sergeant, async () => {
      const waiting = await sergeant.botMessages().count();
      await ask(inspector, "handover Priya Shah to Sam Khan");
      return firstAfter(sergeant, /handover/i, waiting);
    });
  } finally {
    for (const h of harnesses.reverse()) await h.stop().catch((err: unknown) => console.error("stopping a Playground failed:", err));
    await bot.stop();
  }
}

/** The detective confirms progress on a case of theirs that has had no update for a while. */
async function progressSteps(camera: Camera, detective: Harness, digest: Locator | undefined): Promise<void> {
  const card = await camera.shot("progress", detective, async () => {
    const found = need(digest, "detective digest");
    // The innermost part of the digest holding a "no update" line and its button.
    const item = found.locator(".ac-container").filter({ hasText: /No update recorded/ })
      .filter({ has: detective.page.getByRole("button", { name: "Confirm progress" }) }).last();
    return click(detective, found, "Confirm progress", (await item.count()) > 0 ? item : found);
  });
  await camera.shot("progress-done", detective, () => click(detective, need(card, "progress card"), "Updated the crime report"));
}

/** The sergeant reviews the first case in their digest: one action for the OIC, then saves. */
async function reviewSteps(camera: Camera, sergeant: Harness, digest: Locator | undefined): Promise<void> {
  const form = await camera.shot("review", sergeant, async () => {
    const card = await click(sergeant, need(digest, "sergeant digest"), "Review now");
    await choose(sergeant, card, /^Outcome/, "Actions set");
    await card.getByLabel("Action 1", { exact: true }).fill("Submit the file for a charging decision before bail ends");
    return card;
  });
  await camera.shot("review-saved", sergeant, () => click(sergeant, need(form, "review form"), "Save review"));
}

/** The sergeant fills in an action plan for the demo detective and sends it; he is asked to acknowledge it. */
async function planSteps(camera: Camera, sergeant: Harness, detective: Harness): Promise<void> {
  const form = await camera.shot("plan-start", sergeant, async () => {
    const card = await ask(sergeant, "plan Owen Price", /Action plan for/i);
    const field = (label: string, n = 0) => card.getByLabel(label, { exact: true }).nth(n);
    await field("Objective 1").fill("Bring every open case up to date on the crime report");
    await field("Measure", 0).fill("No case without an update for more than 14 days");
    await field("Objective 2").fill("Set a chase date for each forensic submission");
    await field("Measure", 1).fill("A chase date recorded on every waiting case");
    await field("Support offered").fill("Weekly catch-up with DS Khan, and time with the file-build mentor");
    return card;
  });
  await camera.shot("plan-acknowledge", detective, async () => {
    const waiting = await detective.botMessages().count();
    await click(sergeant, need(form, "action plan form"), /^Send to/);
    return firstAfter(detective, /acknowledge/i, waiting);
  });
}

/**
 * The sergeant records leave for DC Daniel Hughes, whose bail date falls inside it, and starts to move that case to
 * DC Carys Lloyd, a part-timer already over capacity, so Casewatch warns (nothing is moved).
 */
async function absenceSteps(camera: Camera, sergeant: Harness, day: string, teamStatus: Locator | undefined): Promise<void> {
  const absence = await camera.shot("absence", sergeant, () =>
    ask(sergeant, `absent Daniel Hughes leave from ${addDays(day, 1)} to ${addDays(day, 14)}`, /Absence recorded/i));
  const chooser = await camera.shot("reassign", sergeant, async () => {
    const card = absence && (await absence.getByRole("button", { name: "Reassign", exact: true }).count()) > 0
      ? await click(sergeant, absence, "Reassign")
      : await ask(sergeant, `reassign ${need(REF.exec(await need(teamStatus, "status card").innerText())?.[0], "crime reference")} to Carys Lloyd`);
    if ((await card.getByRole("combobox").count()) > 0) await choose(sergeant, card, /New officer in charge/, /Carys Lloyd/);
    return card;
  });
  await camera.shot("reassign-capacity", sergeant, async () => {
    const card = await click(sergeant, need(chooser, "reassign card"), "Reassign");
    if (!/capacity/i.test(await card.innerText())) throw new Error("reassigning to DC Carys Lloyd gave no capacity warning");
    return card;
  });
}

const camera = createCamera(path.join(__dirname, "images"));
main(camera)
  .then(() => {
    console.log(`\n${camera.summary()}`);
    process.exitCode = camera.outcomes().some((o) => o.result === "failed") ? 1 : 0;
  })
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
