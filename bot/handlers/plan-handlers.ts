import { actionPlanFormAfterRefusal, buildActionPlanCard, planInputFromAction } from "../../cards/action-plan";
import { buildPlanAcknowledgeCard } from "../../cards/plan-acknowledge";
import { buildPlanCheckpointCard, checkpointFormAfterRefusal, checkpointInputFromAction } from "../../cards/plan-checkpoint";
import { CasewatchError, ValidationError } from "../../services/platform/errors";
import { NotFoundInScopeError } from "../../services/app/workflow/workflow-errors";
import { recorded, shown, submitForm, type ActionHandlers, type CommandHandlers, type Turn } from "./turn";
import { alreadyDoneCard, outgoing, workflowCard } from "./workflow-cards";

/** Action plans are employment data: they are drawn only in a personal chat, never where colleagues can read them. */
export class PersonalChatOnlyError extends CasewatchError {
  constructor() {
    super("OUT_OF_SCOPE", "Action plans are shown only in your personal chat with Casewatch. Open that chat and try again there.");
  }
}

/** Issue 5 §3: `plan <officer>`, the sergeant's form, the officer's acknowledgement, checkpoints and closing. */
export const planCommands: Pick<CommandHandlers, "plan"> = {
  plan: async (t, c) => {
    const { scope } = await personal(t);
    const found = t.services.workflows.plans.findOfficers(scope, c.officer);
    if (found.length === 0) throw new NotFoundInScopeError("officer", c.officer.slice(0, 64));
    if (found.length > 1) throw new ValidationError(`More than one officer matches "${c.officer.slice(0, 64)}".`, [`Use one of: ${found.slice(0, 8).map((o) => `${o.rank} ${o.name} (${o.id})`).join(", ")}.`]);
    return buildActionPlanCard(await t.services.workflows.plans.startForm(t.me, scope, t.at, found[0]!.id, "command:plan"));
  },
};

export const planActions: Pick<ActionHandlers, "start-plan" | "propose-plan" | "open-plan" | "acknowledge-plan" | "record-checkpoint" | "close-plan"> = {
  "start-plan": async (t, a) => shown(buildActionPlanCard(await t.services.workflows.plans.startForm(t.me, (await personal(t)).scope, t.at, a.officerId, "action:start-plan"))),

  "propose-plan": async (t, a) => {
    const { scope } = await personal(t);
    const plans = t.services.workflows.plans;
    return submitForm(async () => {
      const r = await plans.propose(t.me, scope, t.at, planInputFromAction(a), { idempotencyKey: t.idempotencyKey(a.verb, a.officerId), why: "action:propose-plan" });
      if (r.kind === "already-done") return { card: r.view ? buildPlanAcknowledgeCard(r.view) : alreadyDoneCard("proposed", r.alreadyDone) };
      await t.notify(r.notifications.map(outgoing), "action:propose-plan");
      return recorded(buildPlanAcknowledgeCard(r.view));
    }, async (problems) => buildActionPlanCard({ ...(await plans.startForm(t.me, scope, t.at, a.officerId, "action:propose-plan")), form: actionPlanFormAfterRefusal(a, problems) }));
  },

  "open-plan": async (t, a) => shown(workflowCard(await t.services.workflows.plans.openPlan(t.me, (await personal(t)).scope, t.at, a.planId, "action:open-plan"))),

  "acknowledge-plan": async (t, a) => {
    const r = await t.services.workflows.plans.acknowledge(t.me, (await personal(t)).scope, t.at, a.planId, { why: "action:acknowledge-plan" });
    if (r.kind === "already-done") return { card: r.view ? buildPlanAcknowledgeCard(r.view) : alreadyDoneCard("acknowledged", r.alreadyDone) };
    await t.notify(r.notifications.map(outgoing), "action:acknowledge-plan");
    return recorded(buildPlanAcknowledgeCard(r.view));
  },

  "record-checkpoint": async (t, a) => {
    const { scope } = await personal(t);
    const plans = t.services.workflows.plans;
    return submitForm(async () => {
      const r = await plans.recordCheckpoint(t.me, scope, t.at, a.planId, checkpointInputFromAction(a), { why: "action:record-checkpoint" });
      return r.kind === "saved" ? recorded(buildPlanCheckpointCard(r.view)) : { card: r.view ? buildPlanCheckpointCard(r.view) : alreadyDoneCard("recorded", r.alreadyDone) };
    }, async (problems) => {
      const current = await plans.openPlan(t.me, scope, t.at, a.planId, "action:record-checkpoint");
      return current.card === "plan-checkpoint" ? buildPlanCheckpointCard({ ...current.data, form: checkpointFormAfterRefusal(a, problems) }) : workflowCard(current);
    });
  },

  "close-plan": async (t, a) => {
    const r = await t.services.workflows.plans.close(t.me, (await personal(t)).scope, t.at, a.planId, a.outcome, { idempotencyKey: t.idempotencyKey(a.verb, a.planId), why: "action:close-plan" });
    return r.kind === "saved" ? recorded(buildPlanCheckpointCard(r.view)) : { card: r.view ? buildPlanCheckpointCard(r.view) : alreadyDoneCard("closed", r.alreadyDone) };
  },
};

async function personal(t: Turn) {
  if (t.isGroup) throw new PersonalChatOnlyError();
  return t.scope();
}
