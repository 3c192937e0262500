import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Locator } from "playwright-core";
import type { Harness } from "../test/support/playground-harness";

/**
 * Taking pictures of cards in the Playground for docs/take-screenshots.ts: finding a card by typing or clicking, and
 * saving it cropped. Each picture is a step that fails alone, so one missing card does not cost the others.
 */

/** The command or button a picture needs is not in the bot yet: that picture waits for a later run. */
export class NotYet extends Error {}

/** How the bot's error cards begin (bot/casewatch-bot.ts, bot/error-card-for.ts): never a picture of what was asked for. */
const ERROR_CARD = /^(Something went wrong|Casewatch is busy|Changed at the same time|Not your card|Not available)\b/i;
/** White space kept around the card, so its border and shadow are not cut. */
const PAD = 8;
/** The "Casewatch  1:52 PM" line the Playground draws above each bot message. */
const HEADER_PX = 24;
/** The Playground's page header and compose box take this much of the window besides the chat. */
const PAGE_CHROME_PX = 400;
const FADE_PX = 120;

// Run in the page as strings: the project compiles without the DOM library, and tsx would add helpers to functions.
/** A white fade over the given area, where a long card is cut. */
const FADE = `(r) => { const d = document.createElement("div"); d.id = "casewatch-fade";
  d.style.cssText = "position:fixed;z-index:9999;pointer-events:none;background:linear-gradient(rgba(255,255,255,0),#fff 85%)";
  Object.assign(d.style, { left: r.x + "px", top: r.y + "px", width: r.width + "px", height: r.height + "px" });
  document.body.appendChild(d); }`;
/** Hides the Playground's "Your response was sent to the app" notice under a clicked card: Teams shows no such thing. */
const HIDE_NOTICE = `for (const n of document.querySelectorAll(".fai-OutputCard span")) {
  if (n.textContent.trim() === "Your response was sent to the app") n.parentElement.style.display = "none"; }`;

export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new NotYet(`no ${what} to start from`);
  return value;
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

/** The first bot message after the first `after` that matches `text`, waiting for it to arrive. */
export async function firstAfter(h: Harness, text: string | RegExp, after: number): Promise<Locator> {
  await h.waitForText(text, { after });
  const re = typeof text === "string" ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i") : text;
  const texts = await h.botMessages().allInnerTexts();
  return h.botMessages().nth(texts.findIndex((t, i) => i >= after && re.test(oneLine(t))));
}

/** Types a command and returns the bot's answer; the "did not understand" help card means the command is not in yet. */
export async function ask(h: Harness, command: string, expect: RegExp = /\S/): Promise<Locator> {
  const reply = await firstAfter(h, /\S/, await h.say(command));
  const text = oneLine(await reply.innerText());
  if (/did not understand that/i.test(text)) throw new NotYet(`"${command}" is not a command yet`);
  if (!expect.test(text) || ERROR_CARD.test(text)) throw new Error(`"${command}" answered: ${text.slice(0, 200)}`);
  return reply;
}

/**
 * Clicks a button on a card and returns the card it leads to: the same card changed in place (Action.Execute answers
 * with its replacement), or a new message below (buttons that open a form leave the card they are on as it was).
 * The button is the first of that name in `within` (a part of the card), or else in the whole card. No such button, or
 * an answer saying the bot does not know the verb, means the feature is not in yet.
 */
export async function click(h: Harness, card: Locator, button: string | RegExp, within: Locator = card): Promise<Locator> {
  const target = within.getByRole("button", { name: button, exact: typeof button === "string" }).first();
  if ((await target.count()) === 0) throw new NotYet(`no "${String(button)}" button on that card yet`);
  const before = { text: await card.innerText(), messages: await h.botMessages().count() };
  await target.click();
  await h.page.waitForFunction(
    ([el, was, selector, count]) => {
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document;
      return (el as unknown as { innerText: string }).innerText !== was || doc.querySelectorAll(selector).length > count;
    },
    [await card.elementHandle(), before.text, ".fai-OutputCard", before.messages] as const,
  );
  // The new card is drawn in a few passes; let it settle before it is read or photographed.
  await h.page.waitForTimeout(500);
  let result = card;
  for (let i = (await h.botMessages().count()) - 1; i >= before.messages; i--) {
    const message = h.botMessages().nth(i);
    if ((await message.locator(".ac-adaptiveCard").count()) > 0) { result = message; break; }
  }
  const text = oneLine(await result.innerText());
  if (/^That button did not work/i.test(text)) throw new NotYet(`"${String(button)}" answered: ${text.slice(0, 160)}`);
  if (ERROR_CARD.test(text)) throw new Error(`"${String(button)}" answered: ${text.slice(0, 160)}`);
  return result;
}

/** Picks an option in a card's drop-down (the Playground draws Input.ChoiceSet as a Fluent combobox). */
export async function choose(h: Harness, card: Locator, label: RegExp, option: string | RegExp): Promise<void> {
  await card.getByRole("combobox", { name: label }).click();
  await h.page.getByRole("option", { name: option }).first().click();
}

export type Outcome = { image: string; result: "saved" | "skipped" | "failed"; why?: string };

/** Saves cards as `<dir>/<image>.png` and keeps a note of what was saved, skipped or failed. */
export function createCamera(dir: string) {
  mkdirSync(dir, { recursive: true });
  const outcomes: Outcome[] = [];

  /**
   * Saves one bot message, cropped to the card and the "Casewatch, time" line above it. The chat is a scroll box in
   * the page, which cuts off a card taller than itself, so the window grows until the card fits and shrinks back after.
   * A card taller than `maxHeight` keeps its top part, fading out where it is cut.
   */
  const capture = async (h: Harness, card: Locator, image: string, maxHeight: number): Promise<void> => {
    const page = h.page;
    const viewport = page.viewportSize() ?? { width: 1400, height: 1000 };
    const height = (await card.boundingBox())?.height ?? 0;
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height) + PAGE_CHROME_PX) });
    try {
      // A hovered button or card, or a focused input, draws differently: the pointer and the focus go out of the way.
      await page.mouse.move(0, 0);
      await page.evaluate(`document.activeElement?.blur()`);
      await page.evaluate(HIDE_NOTICE);
      await card.scrollIntoViewIfNeeded();
      const box = await card.boundingBox();
      if (!box) throw new Error(`the ${image} card is not on screen`);
      const top = Math.max(0, box.y - HEADER_PX);
      const whole = box.y + box.height + PAD - top;
      const clip = { x: box.x - PAD, y: top, width: box.width + 2 * PAD, height: Math.min(whole, maxHeight) };
      if (clip.height < whole) await page.evaluate(`(${FADE})(${JSON.stringify({ ...clip, y: clip.y + clip.height - FADE_PX, height: FADE_PX })})`);
      await page.screenshot({ path: path.join(dir, `${image}.png`), clip, animations: "disabled" });
      if (clip.height < whole) console.log(`          (the ${image} card is ${Math.round(box.height)} px tall: kept the top ${maxHeight} px)`);
    } finally {
      await page.evaluate(`document.getElementById("casewatch-fade")?.remove()`);
      await page.setViewportSize(viewport);
    }
  };

  return {
    /**
     * One picture: `find` brings the card on screen; it is saved as `image` and returned for the steps that build on
     * it. A failure is logged and noted, not thrown, so the run goes on to the next picture.
     */
    async shot(image: string, h: Harness, find: () => Promise<Locator>, maxHeight = Infinity): Promise<Locator | undefined> {
      try {
        const card = await find();
        await capture(h, card, image, maxHeight);
        outcomes.push({ image, result: "saved" });
        console.log(`  saved   ${image}.png`);
        return card;
      } catch (err) {
        const why = oneLine((err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "").slice(0, 240);
        const result = err instanceof NotYet ? "skipped" : "failed";
        outcomes.push({ image, result, why });
        console.log(`  ${result} ${image}: ${why}`);
        return undefined;
      }
    },
    outcomes: (): readonly Outcome[] => outcomes,
    /** Counts, and the pictures in `dir` this run did not retake (left as they were). */
    summary(): string {
      const count = (r: Outcome["result"]) => outcomes.filter((o) => o.result === r).length;
      const saved = new Set(outcomes.filter((o) => o.result === "saved").map((o) => `${o.image}.png`));
      const kept = readdirSync(dir).filter((f) => f.endsWith(".png") && !saved.has(f));
      return `${count("saved")} saved, ${count("skipped")} skipped, ${count("failed")} failed` +
        (kept.length > 0 ? `\nNot retaken this run, older pictures kept: ${kept.join(", ")}` : "");
    },
  };
}
