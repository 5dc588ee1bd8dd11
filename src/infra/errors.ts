// Walking an error's causes, for every layer: GraphQL wraps what a resolver threw in
// `originalError`, drizzle wraps driver errors in `cause`, and a failed connect may be an
// AggregateError of one error per address.

/** `error`, then each error it carries, breadth first, each once (at most 20). */
export function* errorChain(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length && seen.size < 20) {
    const current = queue.shift();
    if (current === undefined || current === null || seen.has(current)) continue;
    seen.add(current);
    yield current;
    if (typeof current !== "object") continue;
    const { originalError, cause, errors } = current as {
      originalError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    queue.push(originalError, cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
}

/** The first error in the chain that is a `type`, if any. */
export function findCause<T extends Error>(
  error: unknown,
  type: abstract new (...args: never[]) => T,
): T | undefined {
  for (const link of errorChain(error)) if (link instanceof type) return link;
  return undefined;
}

/** Whether some error in the chain has a `code` in `codes` (PostgreSQL's SQLSTATE, Node's errno name). */
export function hasErrorCode(error: unknown, codes: ReadonlySet<string>): boolean {
  for (const link of errorChain(error)) {
    const code = (link as { code?: unknown }).code;
    if (typeof code === "string" && codes.has(code)) return true;
  }
  return false;
}

/** The message to log for anything thrown. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
