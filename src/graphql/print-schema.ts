// Writes schema.graphql, the sorted SDL that clients generate their types from.
import { writeFileSync } from "node:fs";
import { printSchema } from "graphql";
import { schema } from "./schema.ts";

export const schemaPath = new URL("../../schema.graphql", import.meta.url);
export const printedSchema = () => `${printSchema(schema)}\n`;

if (import.meta.main) {
  writeFileSync(schemaPath, printedSchema());
  console.error(`wrote ${schemaPath.pathname}`);
}
