// Importing an image by URL, for staff. The URL is the client's choice, so the server must not be
// turned against its own network: every address a name resolves to is checked at the moment of
// connecting (no second lookup to rebind), private and loopback ranges are refused unless allowed,
// at most 3 redirects are followed (each checked again), and size and time are bounded.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP } from "node:net";
import { MediaInputError } from "./media.errors.ts";

export interface ImportSettings {
  /** Let imports reach private, loopback and link-local addresses (tests; a trusted intranet). */
  allowPrivateAddresses: boolean;
  /** The longest an import may take, redirects included. */
  importTimeoutMs: number;
}

export const MAX_REDIRECTS = 3;

const notPublic = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  notPublic.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["::ffff:0:0", 96], // IPv4-mapped: checked as IPv4 below
] as const) {
  notPublic.addSubnet(network, prefix, "ipv6");
}

/** Whether `address` is one a public import may connect to. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(address) === 6 ? "ipv6" : "ipv4";
  return !notPublic.check(address, family);
}

class RefusedAddress extends Error {}

const refuse = (message: string) => new MediaInputError("url", message);

/** The bytes at `url`, at most `maxBytes`; MediaInputError (field "url") for anything refused. */
export async function fetchImage(
  url: string,
  maxBytes: number,
  settings: ImportSettings,
): Promise<Uint8Array> {
  const deadline = AbortSignal.timeout(settings.importTimeoutMs);
  let current = URL.parse(url);
  for (let redirects = 0; ; redirects++) {
    if (!current || (current.protocol !== "http:" && current.protocol !== "https:")) {
      throw refuse("The URL must be an http or https URL");
    }
    const response = await get(current, settings, deadline);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (redirects >= MAX_REDIRECTS) throw refuse(`More than ${MAX_REDIRECTS} redirects`);
      current = URL.parse(response.headers.location, current.href);
      continue;
    }
    if (status !== 200) {
      response.resume();
      throw refuse(`The server answered ${status}`);
    }
    const declared = Number(response.headers["content-length"] ?? Number.NaN);
    if (declared > maxBytes) {
      response.destroy();
      throw refuse(`The image is larger than ${maxBytes} bytes`);
    }
    return readBounded(response, maxBytes, deadline);
  }
}

function get(url: URL, settings: ImportSettings, signal: AbortSignal): Promise<IncomingMessage> {
  // Checked when the socket connects, on the very addresses it connects to.
  const lookup = (
    hostname: string,
    options: object,
    callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      const blocked = list.find((a) => !settings.allowPrivateAddresses && !isPublicAddress(a.address));
      if (blocked) return callback(new RefusedAddress(blocked.address), []);
      callback(null, list);
    });
  };
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && !settings.allowPrivateAddresses && !isPublicAddress(literal)) {
    return Promise.reject(refuse(`The URL points at a private or loopback address (${literal})`));
  }
  return new Promise((resolve, reject) => {
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const request = send(url, { lookup, signal, headers: { accept: "image/*" } }, resolve);
    request.on("error", (error) => {
      if (error instanceof RefusedAddress) {
        reject(refuse(`The URL points at a private or loopback address (${error.message})`));
      } else if (signal.aborted) {
        reject(refuse("The image took too long to download"));
      } else {
        reject(refuse(`The image could not be downloaded: ${error.message}`));
      }
    });
    request.end();
  });
}

async function readBounded(response: IncomingMessage, maxBytes: number, signal: AbortSignal) {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        throw refuse(`The image is larger than ${maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof MediaInputError) throw error;
    throw refuse(signal.aborted ? "The image took too long to download" : "The download was cut short");
  }
  return Buffer.concat(chunks);
}
