/**
 * What a person typed, reduced to one of the bot's commands. Pure: no botbuilder, no I/O, so it is table-tested.
 * The crime reference is kept exactly as typed (apart from surrounding whitespace): it must round-trip unchanged.
 */
export type Command =
  | { kind: "help" }
  | { kind: "status" }
  | { kind: "my-cases" }
  | { kind: "due" }
  | { kind: "case"; ref: string }
  | { kind: "absent"; officer: string; absenceKind: string; from: string; to?: string }
  | { kind: "back" }
  | { kind: "reassign"; ref: string; officer: string }
  | { kind: "handover"; from: string; to: string }
  | { kind: "one-to-one"; officer: string; on?: string }
  | { kind: "plan"; officer: string }
  | { kind: "unknown" };

/** Longer than any command; anything beyond is not a command and is not worth matching. */
export const MAX_COMMAND_LENGTH = 200;

const HELP = new Set(["help", "?", "commands", "what can you do", "hi", "hello", "hey", "start", "menu"]);
const STATUS = new Set([
  "status", "team status", "teams status", "my status", "my team", "team", "teams", "overview", "summary", "show status",
  "show team status", "how is my team doing", "hows my team doing", "how's my team doing", "how are we doing",
  "how is the team doing", "how are my teams doing", "status please", "team overview",
]);
const MY_CASES = new Set([
  "my cases", "cases", "my caseload", "caseload", "show my cases", "list my cases", "my investigations", "my crimes", "mine",
]);
const DUE = new Set([
  "due", "whats due", "what's due", "what is due", "due soon", "due this week", "what's due this week", "whats due this week",
  "deadlines", "upcoming", "next 7 days", "due dates", "what is coming up", "whats coming up", "what's coming up",
]);

// Officer names and dates are kept as typed; the services resolve them inside the viewer's scope and judge the dates.
const ABSENT = /^(?:record\s+)?absen(?:t|ce)\s+(?:for\s+)?(.+?)\s+(leave|sick|training|other)\s+from\s+(\S+)(?:\s+(?:to|until)\s+(\S+))?$/i;
const BACK = /^(?:i'?m\s+|i\s+am\s+)?back(?:\s+(?:at\s+work|today))?$/i;
const REASSIGN = /^(?:reassign|reallocate)\s+(?:case\s+)?(.+?)\s+to\s+(.+)$/i;
const HANDOVER = /^hand\s*-?\s*over\s+(.+?)\s+to\s+(.+)$/i;
const HANDOVER_PAIR = /^hand\s*-?\s*over\s+(\S+)\s+(\S+)$/i;
const ONE_TO_ONE = /^(?:1:1|1-2-1|121|one[- ]to[- ]one)\s+(?:done\s+)?(?:with\s+)?(.+?)(?:\s+on\s+(\d{4}-\d{2}-\d{2}))?$/i;
const PLAN = /^(?:(?:start\s+)?(?:an?\s+)?(?:action\s+)?plan)\s+(?:for\s+)?(.+)$/i;

const CASE_PREFIX = /^(?:(?:show|open|view|get|find)\s+)?(?:case|crime)(?:\s+(?:ref(?:erence)?|number|no\.?))?\s*[:#]?\s+(.+)$/i;
/** A bare crime reference such as CF/01234/26: letters, a slash, digits, a slash, a year. */
const BARE_REF = /^[A-Za-z]{1,6}\/\d{1,8}\/\d{2,4}$/;

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ")
    .replace(/^(?:please|can you|could you)\s+/, "")
    .replace(/\s*(?:please)?\s*[?!.]*$/, "")
    .trim();
}

export function matchCommand(raw: string | undefined): Command {
  const text = (raw ?? "").trim();
  if (text.length === 0 || text.length > MAX_COMMAND_LENGTH) return { kind: text.length === 0 ? "help" : "unknown" };
  const worded = matchWorkflow(text.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, " ").replace(/[?!.]+$/, ""));
  if (worded) return worded;
  const caseMatch = CASE_PREFIX.exec(text);
  if (caseMatch?.[1]) return { kind: "case", ref: caseMatch[1].trim().replace(/[?!.]+$/, "") };
  if (BARE_REF.test(text)) return { kind: "case", ref: text };
  const said = normalise(text);
  if (HELP.has(said)) return { kind: "help" };
  if (STATUS.has(said)) return { kind: "status" };
  if (MY_CASES.has(said)) return { kind: "my-cases" };
  if (DUE.has(said)) return { kind: "due" };
  return { kind: "unknown" };
}

/** The oversight and workflow commands, which carry officer names, references or dates as typed. */
function matchWorkflow(text: string): Command | undefined {
  const trim = (s: string | undefined) => (s ?? "").trim();
  let m = ABSENT.exec(text);
  if (m) return { kind: "absent", officer: trim(m[1]), absenceKind: trim(m[2]).toLowerCase(), from: trim(m[3]), ...(m[4] ? { to: trim(m[4]) } : {}) };
  if (BACK.test(text)) return { kind: "back" };
  if ((m = REASSIGN.exec(text))) return { kind: "reassign", ref: trim(m[1]), officer: trim(m[2]) };
  if ((m = HANDOVER.exec(text) ?? HANDOVER_PAIR.exec(text))) return { kind: "handover", from: trim(m[1]), to: trim(m[2]) };
  if ((m = ONE_TO_ONE.exec(text))) return { kind: "one-to-one", officer: trim(m[1]), ...(m[2] ? { on: m[2] } : {}) };
  if ((m = PLAN.exec(text))) return { kind: "plan", officer: trim(m[1]) };
  return undefined;
}
