// Creating tags, for editors and admins.
import { builder } from "../../graphql/builder.ts";
import { servicesOf } from "../../graphql/context.ts";
import { ValidationError } from "../errors.ts";
import { TagRef } from "./tag.graphql.ts";
import type { Tag } from "./tag.repo.ts";
import { createTag, TAG_NAME_MAX } from "./tag.service.ts";

const TagMutationSuccessRef = builder.objectRef<Tag>("TagMutationSuccess").implement({
  fields: (t) => ({ tag: t.field({ type: TagRef, resolve: (tag) => tag }) }),
});

const CreateTagInput = builder.inputType("CreateTagInput", {
  fields: (t) => ({
    name: t.string({ required: true, description: `At most ${TAG_NAME_MAX} characters.` }),
    slug: t.string({ description: "Made from the name when absent. Must be free; never changes after." }),
  }),
});

builder.mutationField("createTag", (t) =>
  t.field({
    type: TagMutationSuccessRef,
    authScopes: { editor: true },
    description: "Creates a tag. Editors and admins.",
    args: { input: t.arg({ type: CreateTagInput, required: true }) },
    errors: { types: [ValidationError] },
    resolve: (_root, { input }, ctx) => createTag(servicesOf(ctx), input),
  }),
);
