// The domain errors that services throw, shared by every module. This module registers no GraphQL
// types: error-types.ts gives the returned ones their typed union members, and the API maps
// AccessDeniedError to its FORBIDDEN/UNAUTHENTICATED error (see graphql/errors.ts).

export interface FieldIssue {
  /** The input field at fault, as a path such as "input.authorEmail". */
  field: string;
  message: string;
}

/** The input broke one or more rules; every problem is listed. Nothing was written. */
export class ValidationError extends Error {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super(issues.length === 1 ? (issues[0] as FieldIssue).message : `${issues.length} fields are invalid`);
    this.issues = issues;
  }
}

export class NotFoundError extends Error {}

export class RateLimitedError extends Error {
  readonly retryAt: Date;
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterMs: number, now: Date) {
    super(message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    this.retryAt = new Date(now.getTime() + retryAfterMs);
  }
}

/** Someone changed the row since the client read it. */
export class ConflictError extends Error {}

/**
 * The actor may not do this: nobody is signed in ("unauthenticated"), or their staff role or byline
 * does not reach ("forbidden"). Thrown, never returned: the API answers it as an error, not data.
 */
export class AccessDeniedError extends Error {
  readonly reason: "unauthenticated" | "forbidden";
  constructor(reason: "unauthenticated" | "forbidden", message: string) {
    super(message);
    this.reason = reason;
  }
}
