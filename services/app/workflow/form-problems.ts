import type { z } from "zod";
import type { FieldProblem } from "./form-view";
import { FormValidationError } from "./workflow-errors";

/** zod's issues as field problems: the path joined with dots, so `actions.1.targetOn` names the second action's date. */
export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join(".") || "form", reason: i.message }));
}

/** Parses a form with `schema`, or throws FormValidationError naming every bad field; nothing has been written. */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new FormValidationError(problemsOf(parsed.error));
  return parsed.data;
}
