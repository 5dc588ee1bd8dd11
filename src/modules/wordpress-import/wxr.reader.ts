// Reads a WordPress export (WXR 1.0, 1.1 or 1.2) as a stream: the file is never in memory whole.
// The channel's header (site, authors, terms) is handed over once the first <item> starts, then
// each <item> as soon as it closes, with its postmeta, terms and comments. Text and CDATA are
// joined, so a CDATA section WordPress split in two (`]]]]><![CDATA[>`) reads as one value.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { SaxesParser } from "saxes";

/** The file is not XML (with the line and column of the first fault), or not a WordPress export. */
export class WxrError extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(message: string, position?: { line: number; column: number }) {
    super(position ? `${message} (line ${position.line}, column ${position.column})` : message);
    this.line = position?.line;
    this.column = position?.column;
  }
}

export interface WxrAuthor {
  id: string;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

export interface WxrTerm {
  taxonomy: string;
  slug: string;
  name: string;
  description: string;
}

export interface WxrHeader {
  wxrVersion: string;
  title: string;
  link: string;
  language: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
  authors: WxrAuthor[];
  terms: WxrTerm[];
}

export interface WxrComment {
  id: string;
  author: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  dateGmt: string;
  date: string;
  content: string;
  approved: string;
  type: string;
  parent: string;
}

export interface WxrItemTerm {
  domain: string;
  nicename: string;
  name: string;
}

export interface WxrItem {
  id: string;
  title: string;
  link: string;
  guid: string;
  creator: string;
  content: string;
  excerpt: string;
  postDate: string;
  postDateGmt: string;
  modifiedGmt: string;
  commentStatus: string;
  postName: string;
  status: string;
  postType: string;
  attachmentUrl: string;
  terms: WxrItemTerm[];
  meta: Record<string, string>;
  comments: WxrComment[];
}

/** Where the reader is in the file, for progress. */
export interface ReadPosition {
  bytes: number;
  totalBytes: number;
}

export interface WxrHandlers {
  header?(header: WxrHeader): void | Promise<void>;
  item(item: WxrItem, position: ReadPosition): void | Promise<void>;
  /** False: items come without their comments, whose text is not even gathered (a cheaper read). */
  comments?: boolean;
}

const WXR_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/(\d+\.\d+)\/?$/;
const SUPPORTED_VERSIONS = ["1.0", "1.1", "1.2"];

const emptyItem = (): WxrItem => ({
  id: "",
  title: "",
  link: "",
  guid: "",
  creator: "",
  content: "",
  excerpt: "",
  postDate: "",
  postDateGmt: "",
  modifiedGmt: "",
  commentStatus: "",
  postName: "",
  status: "",
  postType: "",
  attachmentUrl: "",
  terms: [],
  meta: {},
  comments: [],
});

const emptyComment = (): WxrComment => ({
  id: "",
  author: "",
  authorEmail: "",
  authorUrl: "",
  authorIp: "",
  dateGmt: "",
  date: "",
  content: "",
  approved: "",
  type: "",
  parent: "",
});

const itemFields: Record<string, keyof WxrItem> = {
  title: "title",
  link: "link",
  guid: "guid",
  "dc:creator": "creator",
  "content:encoded": "content",
  "excerpt:encoded": "excerpt",
  "wp:post_id": "id",
  "wp:post_date": "postDate",
  "wp:post_date_gmt": "postDateGmt",
  "wp:post_modified_gmt": "modifiedGmt",
  "wp:comment_status": "commentStatus",
  "wp:post_name": "postName",
  "wp:status": "status",
  "wp:post_type": "postType",
  "wp:attachment_url": "attachmentUrl",
};

const commentFields: Record<string, keyof WxrComment> = {
  "wp:comment_id": "id",
  "wp:comment_author": "author",
  "wp:comment_author_email": "authorEmail",
  "wp:comment_author_url": "authorUrl",
  "wp:comment_author_IP": "authorIp",
  "wp:comment_date_gmt": "dateGmt",
  "wp:comment_date": "date",
  "wp:comment_content": "content",
  "wp:comment_approved": "approved",
  "wp:comment_type": "type",
  "wp:comment_parent": "parent",
};

const authorFields: Record<string, keyof WxrAuthor> = {
  "wp:author_id": "id",
  "wp:author_login": "login",
  "wp:author_email": "email",
  "wp:author_display_name": "displayName",
  "wp:author_first_name": "firstName",
  "wp:author_last_name": "lastName",
};

const termFields: Record<string, keyof WxrTerm> = {
  "wp:category_nicename": "slug",
  "wp:cat_name": "name",
  "wp:category_description": "description",
  "wp:tag_slug": "slug",
  "wp:tag_name": "name",
  "wp:tag_description": "description",
  "wp:term_taxonomy": "taxonomy",
  "wp:term_slug": "slug",
  "wp:term_name": "name",
  "wp:term_description": "description",
};

const headerFields: Record<
  string,
  "title" | "link" | "language" | "wxrVersion" | "baseSiteUrl" | "baseBlogUrl"
> = {
  title: "title",
  link: "link",
  language: "language",
  "wp:wxr_version": "wxrVersion",
  "wp:base_site_url": "baseSiteUrl",
  "wp:base_blog_url": "baseBlogUrl",
};

/**
 * Reads `file` from start to end, calling `handlers` in document order; the handlers' promises are
 * awaited before more of the file is read, so a slow consumer holds the reader back (bounded memory).
 */
export async function readWxr(file: string, handlers: WxrHandlers): Promise<WxrHeader> {
  const totalBytes = (await stat(file)).size;
  if (totalBytes === 0) throw new WxrError("The file is empty (0 bytes): it is not a WordPress export");

  const parser = new SaxesParser({ position: true });
  let parseError: Error | null = null;
  parser.on("error", (error) => {
    parseError ??= error;
  });

  const header: WxrHeader = {
    wxrVersion: "",
    title: "",
    link: "",
    language: "",
    baseSiteUrl: "",
    baseBlogUrl: "",
    authors: [],
    terms: [],
  };
  let namespaceVersion: string | null = null;
  let sawRoot = false;
  let headerSent = false;
  const pending: (() => void | Promise<void>)[] = [];
  const stack: string[] = [];
  let text = "";
  let item: WxrItem | null = null;
  let comment: WxrComment | null = null;
  let author: WxrAuthor | null = null;
  let term: WxrTerm | null = null;
  let itemTerm: WxrItemTerm | null = null;
  const withComments = handlers.comments !== false;
  /** Inside a comment that is not wanted. */
  let skippedComment = false;
  let metaKey = "";
  let metaValue = "";
  let bytes = 0;

  const position = () => ({ line: parser.line, column: parser.column });
  const fail = (message: string) => {
    throw new WxrError(message, position());
  };
  const sendHeader = () => {
    if (headerSent) return;
    headerSent = true;
    if (!header.wxrVersion && namespaceVersion) header.wxrVersion = namespaceVersion;
    if (!SUPPORTED_VERSIONS.includes(header.wxrVersion)) {
      fail(`WXR version ${header.wxrVersion || "(none)"} is not one lede reads (1.0, 1.1 or 1.2)`);
    }
    const snapshot = { ...header };
    if (handlers.header) pending.push(() => handlers.header?.(snapshot));
  };

  parser.on("opentag", (tag) => {
    const name = tag.name;
    const parent = stack.at(-1);
    stack.push(name);
    text = "";
    if (!sawRoot) {
      sawRoot = true;
      if (name !== "rss") fail(`This is not a WordPress export: the document is <${name}>, not <rss>`);
      const wp = tag.attributes["xmlns:wp"];
      const version = typeof wp === "string" ? WXR_NAMESPACE.exec(wp)?.[1] : undefined;
      if (!version) fail("This is not a WordPress export: the <rss> has no WordPress (xmlns:wp) namespace");
      namespaceVersion = version ?? null;
      return;
    }
    if (name === "item" && parent === "channel") {
      sendHeader();
      item = emptyItem();
    } else if (item && name === "wp:comment") {
      if (withComments) comment = emptyComment();
      else skippedComment = true;
    } else if (item && name === "category" && parent === "item") {
      const attr = (key: string) => String(tag.attributes[key] ?? "");
      itemTerm = { domain: attr("domain"), nicename: attr("nicename"), name: "" };
    } else if (item && name === "wp:postmeta") {
      metaKey = "";
      metaValue = "";
    } else if (!item && name === "wp:author" && parent === "channel") {
      author = { id: "", login: "", email: "", displayName: "", firstName: "", lastName: "" };
    } else if (
      !item &&
      parent === "channel" &&
      (name === "wp:category" || name === "wp:tag" || name === "wp:term")
    ) {
      const taxonomy = name === "wp:category" ? "category" : name === "wp:tag" ? "post_tag" : "";
      term = { taxonomy, slug: "", name: "", description: "" };
    }
  });
  const append = (chunk: string) => {
    if (!skippedComment) text += chunk;
  };
  parser.on("text", append);
  parser.on("cdata", append);
  parser.on("closetag", (tag) => {
    const name = tag.name;
    stack.pop();
    const parent = stack.at(-1);
    const value = text;
    text = "";
    if (item) {
      if (skippedComment) {
        if (name === "wp:comment") skippedComment = false;
        return;
      }
      if (comment) {
        if (name === "wp:comment") {
          item.comments.push(comment);
          comment = null;
        } else if (parent === "wp:comment") {
          const field = commentFields[name];
          if (field) comment[field] = value;
        }
        return;
      }
      if (name === "item") {
        const done = item;
        item = null;
        const at = { bytes, totalBytes };
        pending.push(() => handlers.item(done, at));
      } else if (name === "category" && itemTerm) {
        itemTerm.name = value;
        item.terms.push(itemTerm);
        itemTerm = null;
      } else if (parent === "wp:postmeta") {
        if (name === "wp:meta_key") metaKey = value;
        else if (name === "wp:meta_value") metaValue = value;
      } else if (name === "wp:postmeta") {
        if (metaKey) item.meta[metaKey] = metaValue;
      } else if (parent === "item") {
        const field = itemFields[name];
        if (field) (item as unknown as Record<string, string>)[field] = value;
      }
      return;
    }
    if (author) {
      if (name === "wp:author") {
        header.authors.push(author);
        author = null;
      } else {
        const field = authorFields[name];
        if (field) author[field] = value;
      }
    } else if (term) {
      if (name === "wp:category" || name === "wp:tag" || name === "wp:term") {
        header.terms.push(term);
        term = null;
      } else {
        const field = termFields[name];
        if (field) term[field] = value;
      }
    } else if (parent === "channel") {
      const field = headerFields[name];
      if (field) header[field] = value.trim();
    }
  });

  const stream = createReadStream(file, { encoding: "utf8", highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      bytes += Buffer.byteLength(chunk);
      parser.write(chunk);
      if (parseError) break;
      while (pending.length) await (pending.shift() as () => void | Promise<void>)();
    }
    if (!parseError) parser.close();
  } catch (error) {
    if (error instanceof WxrError) throw error;
    // saxes reports the first fault through the error event and throws on the next write.
    if (!parseError) throw error;
  } finally {
    stream.destroy();
  }
  if (parseError) throw malformed(parseError);
  if (!sawRoot) throw new WxrError("This is not a WordPress export: the file holds no XML element");
  sendHeader();
  while (pending.length) await (pending.shift() as () => void | Promise<void>)();
  if (!header.wxrVersion) header.wxrVersion = namespaceVersion ?? "";
  return header;
}

/** saxes writes "file:line:column: message"; lede says it in its own words, keeping the place. */
function malformed(error: Error): WxrError {
  const match = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(error.message);
  if (!match) return new WxrError(`The file is not well-formed XML: ${error.message}`);
  return new WxrError(`The file is not well-formed XML: ${match[3]}`, {
    line: Number(match[1]),
    column: Number(match[2]),
  });
}
