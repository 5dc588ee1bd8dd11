// The storage layer refuses a cursor whose values are not of its columns' types with a plain
// InvalidCursorError (db/keyset.ts). Here it becomes the API's answer, bad input on the argument,
// before yoga would mask it (and log it as an unexpected error with its stack).
import type { ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import { InvalidCursorError } from "../../db/keyset.ts";
import { findCause } from "../../infra/errors.ts";
import { atPathOf } from "../errors.ts";
import { invalidCursor } from "../pagination.ts";

export function cursorErrorsPlugin(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if (Symbol.asyncIterator in result) return;
        const single = result as ExecutionResult;
        if (!single.errors?.some((error) => findCause(error, InvalidCursorError))) return;
        setResult({
          ...single,
          errors: single.errors.map((error) => {
            const cursor = findCause(error, InvalidCursorError);
            return cursor ? atPathOf(error, invalidCursor(cursor.argument)) : error;
          }),
        });
      },
    }),
  };
}
