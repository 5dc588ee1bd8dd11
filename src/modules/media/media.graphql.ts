// Images in the schema: the Image type with its renditions' URLs, Article.coverImage, the staff
// list of uploads, and the mutations that upload, import and describe images. Domain errors of
// media.service.ts become the API's typed errors here.
import { builder } from "../../graphql/builder.ts";
import { clientError } from "../../graphql/errors.ts";
import { pageRequest, toConnection } from "../../graphql/pagination.ts";
import { doNotCache } from "../../graphql/plugins/response-cache.ts";
import { ArticleRef } from "../article/article.graphql.ts";
import { loadVisibleArticle } from "../article/article.loaders.ts";
import { refreshArticlesShowingImage } from "../article/article.service.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { ImageNotFoundError, MediaInputError, MediaStoreError } from "./media.errors.ts";
import type { ImageFormat } from "./media.images.ts";
import { articleIdsByImageId, imageById } from "./media.loaders.ts";
import { countImages, type Image, imageCursor, listImages } from "./media.repo.ts";
import { addImage, type ImageText, importImage, TEXT_LIMITS, updateImage } from "./media.service.ts";
import { ownFormat, pickWidth, type RequestedFormat, renditionUrl, srcset } from "./media.urls.ts";

const ImageFormatEnum = builder.enumType("ImageFormat", {
  values: {
    AVIF: { value: "avif" },
    WEBP: { value: "webp" },
    JPEG: {
      value: "jpeg",
      description: "Offered for JPEG images only (each image comes in its own format).",
    },
    PNG: { value: "png", description: "Offered for PNG images only." },
    GIF: { value: "gif", description: "Offered for GIF images only." },
    AUTO: {
      value: "auto",
      description: "AVIF, WebP or the image's own format, by the browser's Accept header.",
    },
  } as const,
});

export const ImageRef = builder.objectRef<Image>("Image");

builder.node(ImageRef, {
  description: "An uploaded image, served in several widths and formats; its bytes never change.",
  id: { resolve: (image) => image.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => ctx.loader(imageById).load(id))),
  fields: (t) => ({
    width: t.exposeInt("width", { description: "In pixels, upright." }),
    height: t.exposeInt("height"),
    alt: t.exposeString("alt", { nullable: true, description: "Text that stands for the image." }),
    caption: t.exposeString("caption", { nullable: true }),
    credit: t.exposeString("credit", { nullable: true }),
    decorative: t.exposeBoolean("decorative", {
      description: 'Purely decorative: shown with alt="", and publishable without alt text.',
    }),
    placeholder: t.exposeString("placeholder", {
      description: "A ThumbHash (base64) to show blurred while the image loads.",
    }),
    mimeType: t.exposeString("mimeType", { description: "Of the original upload." }),
    url: t.field({
      type: "URL",
      description:
        "A rendition at least `width` pixels wide where one is (never enlarged: at most the image's own width), in `format` (default: the image's own).",
      args: {
        width: t.arg.int({ description: "320, 640, 960, 1280 or 1920; others round up. Default 960." }),
        format: t.arg({ type: ImageFormatEnum }),
      },
      resolve: (image, args, ctx) =>
        renditionUrl(
          ctx.media.publicBase,
          image,
          pickWidth(image, args.width),
          (args.format ?? ownFormat(image)) as RequestedFormat,
        ),
    }),
    srcset: t.string({
      description: "Every width of `format` (default: the image's own), for an <img srcset> or <source>.",
      args: { format: t.arg({ type: ImageFormatEnum }) },
      resolve: (image, args, ctx) => {
        const format =
          args.format === "auto" || !args.format ? ownFormat(image) : (args.format as ImageFormat);
        return srcset(ctx.media.publicBase, image, format);
      },
    }),
    articles: t.field({
      type: [ArticleRef],
      authScopes: { staff: true },
      description: "Staff: the articles that show this image, as cover or in the body (deleted ones aside).",
      resolve: async (image, _args, ctx) => {
        const rows = await ctx.loader(articleIdsByImageId).load(image.id);
        const articles = await Promise.all(rows.map((row) => loadVisibleArticle(ctx, row.articleId)));
        return articles.filter((article) => article !== null);
      },
    }),
  }),
});

builder.objectField(ArticleRef, "coverImage", (t) =>
  t.field({
    type: ImageRef,
    nullable: true,
    description: "The image shown above the title.",
    resolve: (article, _args, ctx) =>
      article.coverImageId ? ctx.loader(imageById).load(article.coverImageId) : null,
  }),
);

builder.queryField("images", (t) =>
  t.connection(
    {
      type: ImageRef,
      authScopes: { staff: true },
      description: "Staff: every upload, newest first, with the articles that use each.",
      resolve: async (_root, args, ctx) => {
        const page = pageRequest(args, 2);
        const rows = await listImages(ctx.db, page);
        return toConnection(rows, page, imageCursor, () => countImages(ctx.db));
      },
    },
    { name: "ImageConnection" },
  ),
);

/** The media rules' errors as the API's: typed union members, or a retryable SERVICE_UNAVAILABLE. */
async function asApiErrors<T>(work: Promise<T>, fieldPrefix = ""): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof MediaInputError) {
      throw new ValidationError([{ field: `${fieldPrefix}${error.field}`, message: error.message }]);
    }
    if (error instanceof ImageNotFoundError) throw new NotFoundError(error.message);
    if (error instanceof MediaStoreError) throw clientError("SERVICE_UNAVAILABLE", error.message);
    throw error;
  }
}

const ImageMutationSuccessRef = builder.objectRef<Image>("ImageMutationSuccess").implement({
  description: "The image as the mutation left it.",
  fields: (t) => ({ image: t.field({ type: ImageRef, resolve: (image) => image }) }),
});

const textArgs = (t: Parameters<Parameters<typeof builder.mutationField>[1]>[0]) => ({
  alt: t.arg.string({
    description: `At most ${TEXT_LIMITS.alt} characters; needed to publish unless decorative.`,
  }),
  caption: t.arg.string({ description: `At most ${TEXT_LIMITS.caption} characters.` }),
  credit: t.arg.string({ description: `At most ${TEXT_LIMITS.credit} characters.` }),
  decorative: t.arg.boolean({ description: "Purely decorative (no alt text needed). Default false." }),
});

builder.mutationField("uploadImage", (t) =>
  t.field({
    type: ImageMutationSuccessRef,
    authScopes: { staff: true },
    description:
      "Staff: uploads a JPEG, PNG, WebP, AVIF or GIF (a multipart request; send the header `GraphQL-Preflight: 1`). The same bytes again give the same image.",
    args: { file: t.arg({ type: "File", required: true }), ...textArgs(t) },
    errors: { types: [ValidationError] },
    resolve: async (_root, { file, ...text }, ctx) => {
      doNotCache(ctx);
      const bytes = new Uint8Array(await file.arrayBuffer());
      return asApiErrors(addImage(ctx, ctx.viewer?.id ?? null, bytes, text as ImageText));
    },
  }),
);

builder.mutationField("importImageFromUrl", (t) =>
  t.field({
    type: ImageMutationSuccessRef,
    authScopes: { staff: true },
    description:
      "Staff: fetches an image from an http(s) URL (public addresses only, at most 3 redirects) and adds it as uploadImage does.",
    args: { url: t.arg.string({ required: true }), ...textArgs(t) },
    errors: { types: [ValidationError] },
    resolve: (_root, { url, ...text }, ctx) => {
      doNotCache(ctx);
      return asApiErrors(importImage(ctx, ctx.viewer?.id ?? null, url, text as ImageText));
    },
  }),
);

const UpdateImageInput = builder.inputType("UpdateImageInput", {
  fields: (t) => ({
    imageId: t.globalID({ required: true, for: ImageRef }),
    alt: t.string({ description: 'null or "" removes it.' }),
    caption: t.string(),
    credit: t.string(),
    decorative: t.boolean(),
  }),
});

builder.mutationField("updateImage", (t) =>
  t.field({
    type: ImageMutationSuccessRef,
    authScopes: { staff: true },
    description:
      "Staff: changes an image's alt text, caption, credit or decorative flag, wherever it is shown.",
    args: { input: t.arg({ type: UpdateImageInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: async (_root, { input }, ctx) => {
      const { imageId, ...text } = input;
      const image = await asApiErrors(updateImage(ctx, imageId.id, text as ImageText), "input.");
      await refreshArticlesShowingImage(ctx, image.id);
      return image;
    },
  }),
);
