import { isoDate, type IsoDate, type Moment } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import { ValidationError } from "../../platform/errors";
import type { Logger } from "../../platform/logger";
import type { Policy } from "../../domain/policy";
import { addDays, laterOf } from "../../rules/calendar";
import type { Repositories } from "../../store/repositories";
import { chainOfCommand } from "../scope/chain-of-command";
import type { Purpose } from "../audit/view-audit";
import { NotPermittedError, OfficerOutOfScopeError } from "../scope/scope-errors";
import { nameOf } from "./team-figures";

export type OneToOneRecorded = { officerId: string; name: string; lastOneToOneOn: IsoDate; nextDueOn: IsoDate };

export interface WellbeingService {
  /**
   * `1:1 <officer>`: a supervisor records that a 1:1 took place on `date`. Only the date is stored (docs/domain-rules.md §7);
   * the sweep's wellbeing reminders count from it. `at` is the turn's moment: "not in the future" means after its day.
   */
  recordOneToOne(viewer: Officer, at: Moment, officerId: string, date: string, why?: Purpose): Promise<OneToOneRecorded>;
}

export interface WellbeingDeps {
  repos: Pick<Repositories, "officers" | "audit">;
  policy: Policy;
  logger: Logger;
}

export function createWellbeingService({ repos, policy, logger }: WellbeingDeps): WellbeingService {
  return {
    recordOneToOne: async (viewer, at, officerId, date, why = "command:1:1") => {
      const parsed = isoDate.safeParse(date);
      if (!parsed.success) throw new ValidationError(`"${date.slice(0, 20)}" is not a date. Write it as YYYY-MM-DD.`);
      const on = parsed.data;
      const today = at.today;
      const scope = chainOfCommand(viewer, await repos.officers.all(), today);
      if (officerId === viewer.id) throw new NotPermittedError("record your own 1:1", "your supervisor");
      const officer = scope.officers.get(officerId);
      if (!officer) throw new OfficerOutOfScopeError(officerId);
      if (on > today) throw new ValidationError(`A 1:1 on ${on} has not happened yet. Record it on the day or after.`);
      // A late entry for an older meeting must not move the last 1:1 back and re-trigger reminders already settled.
      const last = officer.lastOneToOneOn === undefined ? on : laterOf(officer.lastOneToOneOn, on);
      if (last !== officer.lastOneToOneOn) {
        await repos.officers.replace({ ...officer, lastOneToOneOn: last });
        await repos.audit.append(
          { actorId: viewer.id, operation: "alteration", action: "record 1:1 date", recordType: "officer", recordId: officer.id, why },
          at.now,
        );
        logger.info({ viewerId: viewer.id, officerId: officer.id }, "1:1 recorded");
      }
      return { officerId: officer.id, name: nameOf(officer), lastOneToOneOn: last, nextDueOn: addDays(last, policy.wellbeing.oneToOneEveryDays) };
    },
  };
}
