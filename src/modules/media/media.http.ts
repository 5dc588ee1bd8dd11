// Plain HTTP for images:
//   GET /media/{id}/{width}.{format}   a rendition: avif, webp, the image's own format (jpg, png,
//                                      gif), or auto (chosen by Accept). Immutable: cached for a
//                                      year, with an ETag and byte ranges. Unknown ids, widths and
//                                      formats are 404.
// and the reading of uploads (GraphQL multipart requests), bounded before the body is read.
import type { Plugin } from "graphql-yoga";
import { clientError } from "../../graphql/errors.ts";
import { readBodyBounded } from "../../infra/bounded-body.ts";
import { mimeTypes } from "./media.images.ts";
import { findRendition, type MediaServices, type Rendition } from "./media.service.ts";
import { formatOfExtension } from "./media.urls.ts";

const PATH = /^\/media\/([0-9a-f-]{36})\/(\d{1,5})\.([a-z]{3,4})$/;
const IMMUTABLE = "public, max-age=31536000, immutable";

export function mediaHttpPlugin(services: MediaServices, log: (error: unknown) => void): Plugin {
  return {
    onRequest: async ({ request, url, endResponse }) => {
      if (!url.pathname.startsWith("/media/")) return;
      if (request.method !== "GET" && request.method !== "HEAD") {
        endResponse(plain(405, "Method Not Allowed", { allow: "GET, HEAD" }));
        return;
      }
      const match = PATH.exec(url.pathname);
      const format = match ? formatOfExtension(match[3] as string) : null;
      if (!match || !format) {
        endResponse(plain(404, "Not Found"));
        return;
      }
      let rendition: Rendition | null;
      try {
        rendition = await findRendition(
          services,
          match[1] as string,
          Number(match[2]),
          format,
          request.headers.get("accept") ?? "",
        );
      } catch (error) {
        log(error);
        endResponse(plain(503, "The image cannot be served right now", { "retry-after": "5" }));
        return;
      }
      if (!rendition) {
        endResponse(plain(404, "Not Found"));
        return;
      }
      endResponse(serve(request, rendition, format === "auto"));
    },
  };
}

function serve(request: Request, rendition: Rendition, negotiated: boolean): Response {
  const headers: Record<string, string> = {
    "content-type": mimeTypes[rendition.format],
    "cache-control": IMMUTABLE,
    etag: rendition.etag,
    "accept-ranges": "bytes",
    "x-content-type-options": "nosniff",
    // What `auto` answers depends on Accept: a CDN must keep one copy per Accept.
    ...(negotiated && { vary: "Accept" }),
  };
  const size = rendition.bytes.byteLength;
  const bytes = rendition.bytes as Uint8Array<ArrayBuffer>;
  const head = request.method === "HEAD";
  if (matchesEtag(request.headers.get("if-none-match"), rendition.etag)) {
    return new Response(null, { status: 304, headers });
  }
  const rangeHeader = request.headers.get("range");
  const ifRange = request.headers.get("if-range");
  if (rangeHeader && (!ifRange || ifRange === rendition.etag)) {
    const range = parseRange(rangeHeader, size);
    if (range === "unsatisfiable") {
      return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${size}` } });
    }
    if (range) {
      const [start, end] = range;
      return new Response(head ? null : bytes.slice(start, end + 1), {
        status: 206,
        headers: {
          ...headers,
          "content-range": `bytes ${start}-${end}/${size}`,
          "content-length": String(end - start + 1),
        },
      });
    }
  }
  return new Response(head ? null : bytes, {
    status: 200,
    headers: { ...headers, "content-length": String(size) },
  });
}

const matchesEtag = (header: string | null, etag: string) =>
  header !== null &&
  (header.trim() === "*" || header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag));

/**
 * One byte range (`bytes=a-b`, `bytes=a-`, `bytes=-n`), clamped to the size; null to ignore the
 * header (several ranges, or not bytes: the whole image is served), "unsatisfiable" past the end.
 */
export function parseRange(header: string, size: number): [number, number] | null | "unsatisfiable" {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return null;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0) return "unsatisfiable";
    return [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return [start, end];
}

function plain(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(`${text}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

// ---- Uploads -------------------------------------------------------------------------------------

/** Room for the multipart framing and the operation beside the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const isMultipart = (request: Request) =>
  (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");

const jsonError = (status: number, message: string, code: string) =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { "content-type": "application/json" },
  });

/**
 * GraphQL multipart requests (uploads) to /graphql: refused at once without a staff token, or with
 * a declared length over the limit, and cut off while reading as soon as they pass it; then
 * parsed by the spec (operations, map, files) from the bytes read.
 */
export function multipartUploadPlugin(maxUploadBytes: number): Plugin {
  const limit = maxUploadBytes + MULTIPART_OVERHEAD_BYTES;
  const tooLarge = () =>
    jsonError(413, `The upload is larger than ${maxUploadBytes} bytes`, "PAYLOAD_TOO_LARGE");
  return {
    onRequest({ request, url, endResponse }) {
      if (request.method !== "POST" || url.pathname !== "/graphql" || !isMultipart(request)) return;
      if (!request.headers.has("authorization")) {
        endResponse(
          jsonError(
            401,
            "Uploads are for staff: sign in with a staff token (Authorization: Bearer <token>)",
            "UNAUTHENTICATED",
          ),
        );
        return;
      }
      if (Number(request.headers.get("content-length") ?? Number.NaN) > limit) endResponse(tooLarge());
    },
    onRequestParse({ request, setRequestParser }) {
      if (request.method !== "POST" || !isMultipart(request) || !request.body) return;
      setRequestParser(async (upload) => {
        const body = await readBodyBounded(upload.body as ReadableStream<Uint8Array>, limit);
        if (!body) {
          throw clientError("PAYLOAD_TOO_LARGE", `The upload is larger than ${maxUploadBytes} bytes`, {
            http: { status: 413 },
          });
        }
        const form = await new Response(body as Uint8Array<ArrayBuffer>, {
          headers: { "content-type": upload.headers.get("content-type") as string },
        }).formData();
        return operationsOf(form);
      });
    },
  };
}

/** The graphql-multipart-request-spec: `operations` JSON, `map` from file fields to variable paths. */
function operationsOf(form: FormData) {
  const bad = (message: string) => clientError("BAD_USER_INPUT", message, { http: { status: 400 } });
  const parse = (name: string) => {
    const value = form.get(name);
    if (typeof value !== "string") throw bad(`The multipart field "${name}" is missing`);
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw bad(`The multipart field "${name}" is not JSON`);
    }
  };
  const operations = parse("operations") as Record<string, unknown>;
  const map = (form.has("map") ? parse("map") : {}) as Record<string, string[]>;
  for (const [field, paths] of Object.entries(map)) {
    const file = form.get(field);
    if (!(file instanceof File)) throw bad(`The multipart map names a file "${field}" that was not sent`);
    for (const path of Array.isArray(paths) ? paths : []) setPath(operations, path.split("."), file, bad);
  }
  return operations;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown, bad: (m: string) => Error) {
  const [head, ...rest] = path;
  if (head === undefined || head === "__proto__" || head === "constructor" || head === "prototype") {
    throw bad("The multipart map has a bad path");
  }
  if (!rest.length) {
    target[head] = value;
    return;
  }
  const next = target[head];
  if (typeof next !== "object" || next === null) throw bad("The multipart map has a path to nothing");
  setPath(next as Record<string, unknown>, rest, value, bad);
}
