// Page statements are built once per shape and then only bound (src/db/prepared.ts): a shape's
// statement is reused whatever its values, each database keeps its own, and the cache is bounded.
import { describe, expect, it } from "vitest";
import type { Executor } from "../src/db/client.ts";
import { type Preparable, statementByShape } from "../src/db/prepared.ts";

/** A statement that answers with the values it was run with, and counts how often it was built. */
function countingStatement(maxShapes?: number) {
  const built: string[] = [];
  const run = statementByShape(
    "test",
    (shape: string) => (shape === "one-off" ? null : shape),
    (_db, shape): Preparable<{ shape: string; values: unknown }> => {
      built.push(shape);
      const statement = { execute: async (values?: Record<string, unknown>) => ({ shape, values }) };
      return { ...statement, prepare: () => statement };
    },
    maxShapes,
  );
  return { run, built };
}

const db = {} as Executor;

describe("statements prepared by shape", () => {
  it("builds a shape's statement once and binds each run's values", async () => {
    const { run, built } = countingStatement();
    expect(await run(db, "a", { slug: "first" })).toEqual({ shape: "a", values: { slug: "first" } });
    expect(await run(db, "a", { slug: "second" })).toEqual({ shape: "a", values: { slug: "second" } });
    await run(db, "b", {});
    expect(built).toEqual(["a", "b"]);
  });

  it("builds a statement that carries its own values for each run", async () => {
    const { run, built } = countingStatement();
    await run(db, "one-off", {});
    await run(db, "one-off", {});
    expect(built).toEqual(["one-off", "one-off"]);
  });

  it("keeps one cache per database (prepared queries belong to it)", async () => {
    const { run, built } = countingStatement();
    await run(db, "a", {});
    await run({} as Executor, "a", {});
    expect(built).toEqual(["a", "a"]);
  });

  it("forgets the least recently used shape when full", async () => {
    const { run, built } = countingStatement(2);
    await run(db, "a", {});
    await run(db, "b", {});
    await run(db, "a", {});
    await run(db, "c", {}); // evicts b, the least recently used
    await run(db, "a", {});
    await run(db, "b", {});
    expect(built).toEqual(["a", "b", "c", "b"]);
  });
});
