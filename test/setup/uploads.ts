// Uploading an image as a client does: a GraphQL multipart request (the spec yoga implements).
import type { TestApp } from "./app.ts";

const UPLOAD = `mutation Upload($file: File!, $alt: String, $decorative: Boolean) {
  uploadImage(file: $file, alt: $alt, decorative: $decorative) {
    __typename
    ... on ImageMutationSuccess { image { id width height mimeType placeholder alt url srcset(format: WEBP) } }
    ... on ValidationError { message issues { field message } }
  }
}`;

export interface UploadAnswer {
  status: number;
  body: {
    data?: { uploadImage: Record<string, unknown> & { image?: Record<string, unknown>; issues?: unknown[] } };
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

/** A GraphQL multipart request, as a browser's FormData sends it. */
export async function upload(
  t: TestApp,
  token: string | null,
  bytes: Uint8Array,
  filename = "photo.jpg",
  variables: Record<string, unknown> = {},
): Promise<UploadAnswer> {
  const form = new FormData();
  form.set("operations", JSON.stringify({ query: UPLOAD, variables: { file: null, ...variables } }));
  form.set("map", JSON.stringify({ 0: ["variables.file"] }));
  form.set("0", new File([bytes as Uint8Array<ArrayBuffer>], filename));
  const response = await t.app.fetch("http://lede.test/graphql", {
    method: "POST",
    headers: { "graphql-preflight": "1", ...(token && { authorization: `Bearer ${token}` }) },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as UploadAnswer["body"] };
}

export const uploaded = (answer: UploadAnswer) => {
  const result = answer.body.data?.uploadImage;
  if (result?.__typename !== "ImageMutationSuccess") throw new Error(JSON.stringify(answer.body));
  return result.image as { id: string; width: number; height: number; mimeType: string; url: string };
};
