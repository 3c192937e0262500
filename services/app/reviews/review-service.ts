import { createHash } from "node:crypto";
import type { Scope } from "../scope/chain-of-command";
import { describeCase } from "../cases/case-line";
import type { Purpose } from "../audit/view-audit";
import type { CaseDoc } from "../../domain/case";
import type { IsoDate, Moment } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import { REVIEW_SCHEMA_VERSION, type ReviewDoc } from "../../domain/review";
import type { Logger } from "../../platform/logger";
import type { Policy } from "../../domain/policy";
import { addDays, daysBetween, londonDay } from "../../rules/calendar";
import type { Repositories } from "../../store/repositories";
import { caseInScope } from "../scope/case-in-scope";
import { doneBy } from "../labels/done-by";
import { parseForm } from "../workflow/form-problems";
import { officerLabel } from "../labels/officer-label";
import { reviewInput, checkReview } from "./review-input";
import { replaceCase } from "../workflow/replace-case";
import { reviewedCase, storeReview } from "./review-writes";
import { completeClaim, createWorkflowClaims, type Holder, type Slot } from "../workflow/workflow-claims";
import type { DoneBy } from "../workflow/form-view";
import { AlreadyDoneError, FormValidationError, NotPermittedError } from "../workflow/workflow-errors";
import { notificationKey, recipientFor, type WorkflowNotification } from "../workflow/workflow-notification";
import type { ReviewSummaryView, ReviewView } from "./review-view";

export type ReviewSubmitted =
  | { kind: "saved"; review: ReviewDoc; summary: ReviewSummaryView; notifications: WorkflowNotification[] }
  | { kind: "already-done"; alreadyDone: DoneBy; summary?: ReviewSummaryView };

/** Every method takes the turn's moment `at`: its day judges the review, its instant stamps what is written. */
export interface ReviewService {
  /** The review card's view; audited as a consultation. CaseNotFoundError, identically, for unknown and out-of-scope. */
  openReview(viewer: Officer, scope: Scope, at: Moment, ref: string, why?: Purpose): Promise<ReviewView>;
  /**
   * Saves a review. Throws FormValidationError (nothing written), AlreadyDoneError when another review got there
   * first ("already reviewed by DS X at 10:42"), CaseNotFoundError or NotPermittedError. The same invoke again
   * (same idempotency key) returns `alreadyDone` and records nothing.
   */
  submitReview(viewer: Officer, scope: Scope, at: Moment, input: unknown, opts: { idempotencyKey: string; why?: Purpose }): Promise<ReviewSubmitted>;
}

export interface ReviewServiceDeps {
  repos: Pick<Repositories, "cases" | "reviews" | "officers" | "audit" | "ledger">;
  policy: Policy;
  logger: Logger;
}

const OWNER_CHOICES_LIMIT = 40;

/** A supervisor reviews; the OIC may see their case but not sign off their own work. */
function assertReviewer(viewer: Officer, c: CaseDoc): void {
  if (viewer.id === c.oicId) {
    throw new NotPermittedError(`You are the officer in charge of ${c.ref}; a supervisor in your chain of command reviews it.`);
  }
}

/**
 * Reviews are a chain: each review follows the one the reviewer saw when they opened the card ("first" if none).
 * Claiming that link makes two reviewers of the same state one winner and one "already reviewed by …", and makes
 * a redelivered invoke find its own claim. The review's id derives from the link, so a retry after a crash rewrites
 * the same document instead of adding a second.
 */
function reviewSlot(c: CaseDoc, basis: ReviewDoc | undefined, basisId: string | undefined, timeZone: string): Slot {
  return { kind: "review", subjectId: c.ref, on: basis ? londonDay(new Date(basis.reviewedAt), timeZone) : c.openedOn, slot: basisId ?? "first" };
}
const reviewIdFor = (c: CaseDoc, slot: Slot) => `review-${createHash("sha256").update(`${c.id}|${slot.slot}`).digest("base64url").slice(0, 27)}`;

export function createReviewService(deps: ReviewServiceDeps): ReviewService {
  const { repos, policy, logger } = deps;
  const claims = createWorkflowClaims({ ledger: repos.ledger });
  const officerOf = async (scope: Scope, id: string) => scope.officers.get(id) ?? (await repos.officers.get(id));
  const done = async (scope: Scope, at: Moment, byId: string, when: string) => doneBy({ id: byId, officer: await officerOf(scope, byId) }, when, at.now, policy.timeZone);

  async function summaryOf(scope: Scope, at: Moment, r: ReviewDoc, c: CaseDoc, extra: Partial<ReviewSummaryView>): Promise<ReviewSummaryView> {
    const by = await done(scope, at, r.reviewerId, r.reviewedAt);
    return {
      audience: "everyone", ref: c.ref, offenceCategory: c.offenceCategory, reviewerName: by.byName, reviewedAt: r.reviewedAt, atLabel: by.atLabel,
      outcome: r.outcome, risk: r.risk, ...(r.outcome === "close-nfa" ? {} : { nextReviewOn: r.nextReviewOn }), actionCount: r.actions.length, ...extra,
    };
  }

  async function actionsWithNames(scope: Scope, actions: ReviewDoc["actions"]) {
    return Promise.all(actions.map(async (a) => ({ text: a.text, ownerName: officerLabel(await officerOf(scope, a.ownerId)), targetOn: a.targetOn })));
  }

  async function alreadyDone(scope: Scope, at: Moment, c: CaseDoc, holder: Holder, reviewId: string): Promise<ReviewSubmitted> {
    const review = await repos.reviews.get(c.id, reviewId);
    return {
      kind: "already-done",
      alreadyDone: await done(scope, at, holder.actorId, review?.reviewedAt ?? holder.at),
      ...(review ? { summary: await summaryOf(scope, at, review, c, { already: true }) } : {}),
    };
  }

  async function notifications(viewer: Officer, scope: Scope, today: IsoDate, review: ReviewDoc, summary: ReviewSummaryView): Promise<WorkflowNotification[]> {
    const wanted = review.outcome === "escalate" || review.actions.some((a) => a.ownerId !== viewer.id);
    if (!wanted) return [];
    const officers = new Map((await repos.officers.all()).map((o) => [o.id, o]));
    const out: WorkflowNotification[] = [];
    const inspector = review.outcome === "escalate" ? recipientFor(viewer.supervisorId, officers, today, viewer.id) : undefined;
    if (review.outcome === "escalate" && inspector === undefined) logger.warn({ reviewId: review.id, reviewerId: viewer.id }, "escalation has no reachable inspector");
    const about = { recordType: "case", recordId: review.ref } as const;
    if (inspector) {
      const data: ReviewSummaryView = { ...summary, audience: "inspector", actions: await actionsWithNames(scope, review.actions), ...(review.note ? { note: review.note } : {}) };
      out.push({ recipientOfficerId: inspector, reason: "review-escalated", key: notificationKey("review-escalated", review.id, today, inspector), view: { card: "review-summary", data }, about });
    }
    // Grouped by who actually receives them, so an absent owner's actions and their cover's own arrive as one card.
    const byRecipient = new Map<string, ReviewDoc["actions"]>();
    for (const a of review.actions) {
      const to = recipientFor(a.ownerId, officers, today, viewer.id);
      if (to) byRecipient.set(to, [...(byRecipient.get(to) ?? []), a]);
    }
    for (const [to, theirs] of byRecipient) {
      const data: ReviewSummaryView = { ...summary, audience: "owner", actions: await actionsWithNames(scope, theirs) };
      out.push({ recipientOfficerId: to, reason: "review-actions", key: notificationKey("review-actions", review.id, today, to), view: { card: "review-summary", data }, about });
    }
    return out;
  }

  return {
    openReview: async (viewer, scope, at, ref, why = "action:review") => {
      const { today } = at;
      const c = await caseInScope(repos.cases, scope, ref);
      assertReviewer(viewer, c);
      const [last] = await repos.reviews.forCase(c.id);
      const oic = await officerOf(scope, c.oicId);
      const line = describeCase(c, oic, policy, today);
      // The OIC first, then their team and the reviewer: enough to choose from without listing a whole command.
      const team = [oic, ...scope.teamOf(oic?.supervisorId ?? viewer.id), viewer].filter((o): o is Officer => o !== undefined && scope.includes(o.id));
      const owners = [...new Map(team.map((o) => [o.id, { id: o.id, name: officerLabel(o) }])).values()].slice(0, OWNER_CHOICES_LIMIT);
      const data: ReviewView = {
        ref: c.ref, offenceCategory: c.offenceCategory, risk: c.risk, oicId: c.oicId, oicName: line.oicName, today,
        ...(c.lastUpdatedOn ? { lastUpdatedOn: c.lastUpdatedOn } : {}),
        daysSinceUpdate: line.daysSinceUpdate,
        ...(c.lastReviewedOn ? { lastReviewedOn: c.lastReviewedOn, daysSinceReview: daysBetween(c.lastReviewedOn, today) } : {}),
        reviewDueOn: line.review.dueOn, reviewOverdueDays: line.review.overdueDays,
        ...(line.bail ? { bail: line.bail } : {}),
        ...(line.forensicsDays !== undefined ? { forensicsDays: line.forensicsDays } : {}),
        forensicsOverdue: line.forensicsOverdue,
        ...(c.awaitingCpsSince ? { awaitingCpsSince: c.awaitingCpsSince } : {}),
        ...(last ? {
          lastReview: {
            id: last.id, on: londonDay(new Date(last.reviewedAt), policy.timeZone), reviewerName: officerLabel(await officerOf(scope, last.reviewerId)),
            outcome: last.outcome, actions: await actionsWithNames(scope, last.actions),
          },
        } : {}),
        owners: owners.length > 0 ? owners : [{ id: c.oicId, name: line.oicName }],
        cadenceDays: { ...policy.review.cadenceDays },
        maxNextReviewOn: addDays(today, policy.review.maxNextReviewDays),
      };
      await repos.audit.append({ actorId: viewer.id, operation: "consultation", action: "open review", recordType: "case", recordId: c.ref, why }, at.now);
      return data;
    },

    submitReview: async (viewer, scope, at, input, { idempotencyKey, why = "action:submit-review" }) => {
      const { now, today } = at;
      const parsed = parseForm(reviewInput, input);
      const c = await caseInScope(repos.cases, scope, parsed.ref);
      assertReviewer(viewer, c);
      const reviews = await repos.reviews.forCase(c.id);
      const latest = reviews[0];
      const basis = parsed.basisReviewId === undefined ? undefined : reviews.find((r) => r.id === parsed.basisReviewId);
      const slot = reviewSlot(c, basis, parsed.basisReviewId, policy.timeZone);
      const reviewId = reviewIdFor(c, slot);
      const conflict = async (byId: string, when: string) => new AlreadyDoneError("case", c.ref, await done(scope, at, byId, when), "reviewed");

      const held = await claims.find(slot, idempotencyKey, now);
      if (held?.sameInvoke) return alreadyDone(scope, at, c, held, reviewId);
      if (held) throw await conflict(held.actorId, held.at);
      // The card was opened before a review that has since been saved: its view of the case is out of date.
      if (latest && latest.id !== parsed.basisReviewId) throw await conflict(latest.reviewerId, latest.reviewedAt);
      const checked = checkReview(parsed, { today, scope, policy, oicId: c.oicId, currentRisk: c.risk });
      if (!checked.ok) throw new FormValidationError(checked.problems);

      const claim = await claims.acquire(slot, viewer.id, idempotencyKey, now);
      if (claim.status === "held") {
        if (claim.holder.sameInvoke) return alreadyDone(scope, at, c, claim.holder, reviewId);
        throw await conflict(claim.holder.actorId, claim.holder.at);
      }
      const review: ReviewDoc = {
        id: reviewId, type: "review", schemaVersion: REVIEW_SCHEMA_VERSION, caseId: c.id, ref: c.ref, reviewerId: viewer.id,
        reviewedAt: now.toISOString(), ...checked.review,
      };
      await completeClaim(claim, async () => {
        await replaceCase(repos.cases, c, (doc) => reviewedCase(doc, review, policy, today, now));
        await storeReview(repos.reviews, review);
        await repos.audit.append({
          actorId: viewer.id, operation: "alteration", action: `review case: ${review.outcome}`, recordType: "case", recordId: c.ref, why,
        }, now);
      });
      logger.info({ reviewId: review.id, reviewerId: viewer.id, outcome: review.outcome, actions: review.actions.length }, "review saved");
      const summary = await summaryOf(scope, at, review, c, { previousRisk: c.risk });
      return { kind: "saved", review, summary, notifications: await notifications(viewer, scope, today, review, summary) };
    },
  };
}
