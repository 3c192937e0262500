import { CASE_SCHEMA_VERSION, caseDocId, type CaseDoc } from "../../domain/case";
import { OFFICER_SCHEMA_VERSION, type Absence, type Officer } from "../../domain/officer";
import type { Clock } from "../../platform/clock";
import type { Logger } from "../../platform/logger";
import { defaultPolicy, type Policy } from "../../domain/policy";
import type { Moment } from "../../domain/dates";
import { laterOf, momentAt } from "../../rules/calendar";
import type { Repositories } from "../../store/repositories";
import type { CaseImportRow, ImportError, OfficerImportRow } from "./import-format";
import { ImportInvalidError } from "./import-invalid-error";
import { readImportSource, type ImportInput } from "./read-import-source";
import { sweepFields } from "./sweep-fields";
import { validateImport, type ValidatedImport } from "./validate-import";

export interface ImportServiceDeps {
  repos: Pick<Repositories, "officers" | "cases" | "audit">;
  clock: Clock;
  logger: Logger;
  /** Review cadences and lead times for the denormalised due fields; docs/domain-rules.md defaults when left out. */
  policy?: Policy;
}

export interface ImportProgress {
  phase: "read" | "write";
  done: number;
  total: number;
}

export interface RunOptions {
  dryRun?: boolean;
  /** Who imports, for the audit log, e.g. `cli:jsmith` or `system:demo-seed`. */
  actorId: string;
  onProgress?: (p: ImportProgress) => void;
  /** Report progress every this many rows (default 100). */
  progressEvery?: number;
  /**
   * The instant the import acts at and its day in the force's time zone; read from the clock once at the start when
   * left out. Every case's due fields and the audit entry use this one moment, so an import that runs past midnight
   * does not mix two days.
   */
  at?: Moment;
}

export interface SupervisorChange {
  officerId: string;
  from: string | undefined;
  to: string | undefined;
}

export interface ImportCounts {
  created: number;
  updated: number;
}

export interface ImportResult {
  label: string;
  dryRun: boolean;
  officers: ImportCounts;
  cases: ImportCounts;
  /** Officers whose stored supervisor differs from the file's: the new supervisor is owed a handover digest. */
  supervisorChanges: SupervisorChange[];
}

export type ValidationResult =
  | { ok: true; label: string; officers: number; cases: number }
  | { ok: false; label: string; errors: ImportError[] };

export interface ImportService {
  validate(input: ImportInput): Promise<ValidationResult>;
  /** Validate, then upsert everything; throws ImportInvalidError (nothing written) on any error. */
  run(input: ImportInput, opts: RunOptions): Promise<ImportResult>;
}

// Cosmos handles a handful of concurrent writes well; more just queues in the SDK.
const CONCURRENCY = 8;

async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// Dates the app itself advances (reviews, 1:1s recorded in chat) must not be rolled back by an older export.
function laterOpt(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined ? a : laterOf(a, b);
}

/** The file's absences, plus stored ones the file does not mention (e.g. recorded in chat), keyed by kind and start. */
function mergeAbsences(imported: Absence[], stored: Absence[]): Absence[] {
  const key = (a: Absence) => `${a.kind}:${a.from}`;
  const seen = new Set(imported.map(key));
  return [...imported, ...stored.filter((a) => !seen.has(key(a)))];
}

function officerDocFrom(row: OfficerImportRow, stored: Officer | undefined): Officer {
  const doc: Officer = { ...row, type: "officer", schemaVersion: OFFICER_SCHEMA_VERSION };
  if (!stored) return doc;
  return {
    ...doc,
    absences: mergeAbsences(row.absences, stored.absences),
    lastOneToOneOn: laterOpt(row.lastOneToOneOn, stored.lastOneToOneOn),
    lastScreeningOn: laterOpt(row.lastScreeningOn, stored.lastScreeningOn),
  };
}

function caseDocFrom(row: CaseImportRow, stored: CaseDoc | undefined, policy: Policy, today: string, at: string): CaseDoc {
  const { id: ref, ...fields } = row;
  const doc: CaseDoc = { ...fields, id: caseDocId(ref), ref, type: "case", schemaVersion: CASE_SCHEMA_VERSION, updatedAt: at };
  if (stored) {
    doc.lastReviewedOn = laterOpt(row.lastReviewedOn, stored.lastReviewedOn);
    doc.lastUpdatedOn = laterOpt(row.lastUpdatedOn, stored.lastUpdatedOn);
    doc.firstActionOn = row.firstActionOn ?? stored.firstActionOn;
    // A date a reviewer chose stays in force; the review-cadence rule drops it once a later review supersedes it.
    doc.nextReviewDueOn = stored.nextReviewDueOn;
  }
  return { ...doc, ...sweepFields(doc, policy, today) };
}

/** Loads officers and cases in the import contract format (FORMAT.md): all-or-nothing validation, then upserts. */
export function createImportService(deps: ImportServiceDeps): ImportService {
  const { repos, clock, logger } = deps;
  const policy = deps.policy ?? defaultPolicy();

  const check = async (input: ImportInput): Promise<{ label: string; checked: ValidatedImport; stored: Officer[] }> => {
    const raw = await readImportSource(input);
    const stored = await repos.officers.all();
    return { label: raw.label, checked: validateImport(raw, stored), stored };
  };

  return {
    async validate(input) {
      const { label, checked } = await check(input);
      if (checked.errors.length > 0) return { ok: false, label, errors: checked.errors };
      return { ok: true, label, officers: checked.officers.length, cases: checked.cases.length };
    },

    async run(input, opts) {
      const { now, today } = opts.at ?? momentAt(clock.now(), policy.timeZone);
      const { label, checked, stored } = await check(input);
      if (checked.errors.length > 0) {
        logger.warn({ import: label, errors: checked.errors.length }, "import refused: validation errors");
        throw new ImportInvalidError(checked.errors);
      }
      const every = opts.progressEvery ?? 100;
      const progress = (phase: ImportProgress["phase"], total: number) => {
        let done = 0;
        return () => {
          done++;
          if (done % every === 0 || done === total) opts.onProgress?.({ phase, done, total });
        };
      };

      const storedById = new Map(stored.map((o) => [o.id, o]));
      const officers = checked.officers.map(({ value }) => officerDocFrom(value, storedById.get(value.id)));
      const supervisorChanges: SupervisorChange[] = officers.flatMap((o) => {
        const before = storedById.get(o.id);
        return before && before.supervisorId !== o.supervisorId ? [{ officerId: o.id, from: before.supervisorId, to: o.supervisorId }] : [];
      });

      const cases: CaseDoc[] = [];
      const caseCounts: ImportCounts = { created: 0, updated: 0 };
      const readTick = progress("read", checked.cases.length);
      await forEachLimited(checked.cases, CONCURRENCY, async ({ value }) => {
        const before = await repos.cases.getByRef(value.id);
        if (before) caseCounts.updated++;
        else caseCounts.created++;
        cases.push(caseDocFrom(value, before, policy, today, now.toISOString()));
        readTick();
      });
      const officerCounts: ImportCounts = {
        created: officers.filter((o) => !storedById.has(o.id)).length,
        updated: officers.filter((o) => storedById.has(o.id)).length,
      };
      const result: ImportResult = { label, dryRun: opts.dryRun === true, officers: officerCounts, cases: caseCounts, supervisorChanges };
      if (opts.dryRun) return result;

      const writeTick = progress("write", officers.length + cases.length);
      let written = 0;
      const write = async (doWrite: () => Promise<unknown>) => {
        await doWrite();
        written++;
        writeTick();
      };
      try {
        await forEachLimited(officers, CONCURRENCY, (o) => write(() => repos.officers.upsert(o)));
        await forEachLimited(cases, CONCURRENCY, (c) => write(() => repos.cases.upsert(c)));
      } finally {
        // A store failure part-way still leaves a record of what was collected; re-running the import is safe (upserts).
        if (written > 0 || officers.length + cases.length === 0) {
          const complete = written === officers.length + cases.length;
          await repos.audit.append(
            {
              actorId: opts.actorId,
              operation: "collection",
              action: complete
                ? `import: officers ${officerCounts.created} created ${officerCounts.updated} updated; cases ${caseCounts.created} created ${caseCounts.updated} updated`
                : `import incomplete: ${written} of ${officers.length + cases.length} records written`,
              recordType: "import",
              recordId: label,
              why: `import ${label}`,
            },
            now,
          );
        }
      }
      logger.info({ import: label, officers: officerCounts, cases: caseCounts, supervisorChanges: supervisorChanges.length }, "import written");
      return result;
    },
  };
}
