/**
 * Typed errors with a stable code. Handlers map codes to words for users; nothing matches on message text.
 */
export type ErrorCode =
  | "CONFIG_INVALID"
  | "POLICY_INVALID"
  | "CONCURRENCY_CONFLICT"
  | "ALREADY_EXISTS"
  | "NOT_FOUND"
  | "OUT_OF_SCOPE"
  | "UNKNOWN_USER"
  | "TENANT_NOT_ALLOWED"
  | "VALIDATION_FAILED"
  | "IMPORT_INVALID"
  | "STORE_UNAVAILABLE"
  | "LEASE_HELD"
  | "PLAYGROUND_START_FAILED";

export class CasewatchError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly details?: readonly string[]) {
    super(message);
    this.name = new.target.name;
  }
}

/** ETag precondition failed (HTTP 412): someone else changed the document first. */
export class ConcurrencyError extends CasewatchError {
  constructor(readonly recordType: string, readonly recordId: string) {
    super("CONCURRENCY_CONFLICT", `${recordType} ${recordId} was changed by someone else. Re-read it and try again.`);
  }
}

/** Create of a document whose id already exists (HTTP 409). */
export class AlreadyExistsError extends CasewatchError {
  constructor(readonly recordType: string, readonly recordId: string) {
    super("ALREADY_EXISTS", `${recordType} ${recordId} already exists.`);
  }
}

export class ValidationError extends CasewatchError {
  constructor(message: string, details: readonly string[] = []) {
    super("VALIDATION_FAILED", message, details);
  }
}
