// What a PostgreSQL error means for the code that wrote the statement.
import { hasErrorCode } from "../infra/errors.ts";

const UNIQUE_VIOLATION = new Set(["23505"]);

/** Whether `error`, or one of its causes, is PostgreSQL's unique_violation (23505). */
export const isUniqueViolation = (error: unknown): boolean => hasErrorCode(error, UNIQUE_VIOLATION);
