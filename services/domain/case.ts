import { z } from "zod";
import { isoDate, isoInstant } from "./dates";

export const risk = z.enum(["low", "medium", "high", "very-high"]);
export type Risk = z.infer<typeof risk>;
export const kiratGrade = z.enum(["low", "medium", "high", "very-high"]);

/** Crime references as the force writes them (e.g. CF/01234/26); kept verbatim everywhere. */
export const crimeRef = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9/\-_. ]*$/, "is not a crime reference");

export const bailRegime = z.enum(["pcsc-2022", "pca-2017"]);
export const bail = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("pre-charge"),
    startedOn: isoDate,
    endsOn: isoDate,
    regime: bailRegime.default("pcsc-2022"),
    /** Set when a court application was made before the period ended (PACE s.47ZJ). */
    courtApplicationOn: isoDate.optional(),
  }).strict().refine((b) => b.endsOn >= b.startedOn, { message: "bail ends before it starts", path: ["endsOn"] }),
  z.object({ kind: z.literal("rui"), since: isoDate }).strict(),
]);
export type Bail = z.infer<typeof bail>;

export const caseStatus = z.enum(["open", "closed"]);

export const caseFields = {
  id: crimeRef,
  offenceCategory: z.string().min(1).max(80),
  risk,
  oicId: z.string().min(1).max(64),
  openedOn: isoDate,
  lastUpdatedOn: isoDate.optional(),
  lastReviewedOn: isoDate.optional(),
  awaitingForensicsSince: isoDate.optional(),
  awaitingCpsSince: isoDate.optional(),
  referralGrade: kiratGrade.optional(),
  firstActionOn: isoDate.optional(),
  bail: bail.optional(),
  status: caseStatus.default("open"),
};

export const CASE_SCHEMA_VERSION = 1;
/**
 * Stored case. `id` is a Cosmos-safe encoding of the crime reference (Cosmos forbids '/' in ids);
 * `ref` keeps the reference exactly as written. The due fields are denormalised so that sweeps are
 * indexed range queries.
 */
export const caseDoc = z.object({
  ...caseFields,
  id: z.string(),
  ref: crimeRef,
  type: z.literal("case"),
  schemaVersion: z.literal(CASE_SCHEMA_VERSION),
  nextReviewDueOn: isoDate.optional(),
  bailEndsOn: isoDate.optional(),
  /** Earliest date on which any rule may produce an item for this case; the sweep reads `<= today`. */
  nextAttentionOn: isoDate.optional(),
  updatedAt: isoInstant.optional(),
  _etag: z.string().optional(),
});
export type CaseDoc = z.infer<typeof caseDoc>;

/** Cosmos ids may not contain '/', '\\', '?' or '#'; base64url is injective and safe. */
export function caseDocId(ref: string): string {
  return "case-" + Buffer.from(ref, "utf8").toString("base64url");
}
