// The GraphQL face of the domain errors (src/modules/errors.ts) that mutations return as union
// members instead of throwing: the client gets a typed object with a message (and the fields at
// fault), and nothing was written.
import {
  ConflictError,
  type FieldIssue,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from "../modules/errors.ts";
import { builder } from "./builder.ts";

export const UserErrorRef = builder.interfaceRef<Error>("UserError").implement({
  description: "A problem with what the client asked, returned as data. Nothing was written.",
  fields: (t) => ({ message: t.exposeString("message") }),
});

const FieldIssueRef = builder.objectRef<FieldIssue>("FieldIssue").implement({
  fields: (t) => ({
    field: t.exposeString("field", { description: 'The input field at fault, e.g. "input.authorEmail".' }),
    message: t.exposeString("message"),
  }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  interfaces: [UserErrorRef],
  description: "The input broke one or more rules; every problem is listed.",
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({ issues: t.field({ type: [FieldIssueRef], resolve: (error) => error.issues }) }),
});

builder.objectType(NotFoundError, {
  name: "NotFound",
  interfaces: [UserErrorRef],
  description: "What the input points at does not exist, or is not visible to you.",
  isTypeOf: (value) => value instanceof NotFoundError,
});

builder.objectType(RateLimitedError, {
  name: "RateLimited",
  interfaces: [UserErrorRef],
  description: "Too many attempts; try again after `retryAt`.",
  isTypeOf: (value) => value instanceof RateLimitedError,
  fields: (t) => ({
    retryAt: t.field({ type: "DateTime", resolve: (error) => error.retryAt }),
    retryAfterSeconds: t.exposeInt("retryAfterSeconds"),
  }),
});

builder.objectType(ConflictError, {
  name: "Conflict",
  interfaces: [UserErrorRef],
  description: "Someone changed this since you read it; reload and apply your change again.",
  isTypeOf: (value) => value instanceof ConflictError,
});
