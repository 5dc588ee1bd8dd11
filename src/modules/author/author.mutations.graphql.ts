// Writing authors (public bylines): createAuthor and updateAuthor, for editors and admins.
import { builder } from "../../graphql/builder.ts";
import { servicesOf } from "../../graphql/context.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { AuthorRef } from "./author.graphql.ts";
import type { Author } from "./author.repo.ts";
import { AUTHOR_LIMITS, createAuthor, updateAuthor } from "./author.service.ts";

const AuthorMutationSuccessRef = builder.objectRef<Author>("AuthorMutationSuccess").implement({
  fields: (t) => ({ author: t.field({ type: AuthorRef, resolve: (author) => author }) }),
});

const SocialLinkInput = builder.inputType("SocialLinkInput", {
  fields: (t) => ({
    label: t.string({ required: true, description: `At most ${AUTHOR_LIMITS.linkLabel} characters.` }),
    url: t.string({ required: true, description: "An http(s) URL." }),
  }),
});

const authorFields = {
  slug: "Lowercase letters, digits and hyphens; made from the name when absent. Must be free.",
  bio: `At most ${AUTHOR_LIMITS.bio} characters.`,
  avatarUrl: "An http(s) URL.",
  jobTitle: `At most ${AUTHOR_LIMITS.jobTitle} characters.`,
};

const CreateAuthorInput = builder.inputType("CreateAuthorInput", {
  fields: (t) => ({
    name: t.string({ required: true, description: `At most ${AUTHOR_LIMITS.name} characters.` }),
    slug: t.string({ description: authorFields.slug }),
    bio: t.string({ description: authorFields.bio }),
    avatarUrl: t.string({ description: authorFields.avatarUrl }),
    jobTitle: t.string({ description: authorFields.jobTitle }),
    links: t.field({ type: [SocialLinkInput], description: `At most ${AUTHOR_LIMITS.links}.` }),
  }),
});

builder.mutationField("createAuthor", (t) =>
  t.field({
    type: AuthorMutationSuccessRef,
    authScopes: { editor: true },
    description: "Creates a byline. Editors and admins.",
    args: { input: t.arg({ type: CreateAuthorInput, required: true }) },
    errors: { types: [ValidationError] },
    resolve: (_root, { input }, ctx) => createAuthor(servicesOf(ctx), input),
  }),
);

const UpdateAuthorInput = builder.inputType("UpdateAuthorInput", {
  fields: (t) => ({
    authorId: t.globalID({ required: true, for: AuthorRef }),
    name: t.string(),
    slug: t.string({ description: "A new public address for the author: the old slug stops working." }),
    bio: t.string({ description: `${authorFields.bio} null removes it.` }),
    avatarUrl: t.string({ description: `${authorFields.avatarUrl} null removes it.` }),
    jobTitle: t.string({ description: `${authorFields.jobTitle} null removes it.` }),
    links: t.field({ type: [SocialLinkInput], description: "The whole list of links." }),
  }),
});

builder.mutationField("updateAuthor", (t) =>
  t.field({
    type: AuthorMutationSuccessRef,
    authScopes: { editor: true },
    description: "Changes the fields given. Editors and admins.",
    args: { input: t.arg({ type: UpdateAuthorInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_root, { input }, ctx) =>
      updateAuthor(servicesOf(ctx), { ...input, authorId: input.authorId.id }),
  }),
);
