// One webhook request: a POST with a deadline, no redirects followed, and at most a little of the
// answer read. The connection goes only to addresses the policy allows (webhook.address.ts).
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { allowedLookup, resolveAllowed, type WebhookAddressPolicy } from "./webhook.address.ts";

export const DELIVERY_TIMEOUT_MS = 10_000;
/** The start of an answer kept in the delivery log. */
export const RESPONSE_BODY_BYTES = 1024;

export interface WebhookResponse {
  status: number;
  /** The first RESPONSE_BODY_BYTES of the body, as text. */
  body: string;
}

export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { policy: WebhookAddressPolicy; timeoutMs?: number },
): Promise<WebhookResponse> {
  const target = new URL(url);
  const hostname = target.hostname.replace(/^\[(.*)\]$/, "$1");
  // Node connects to an address literal without a lookup: it is checked here instead.
  if (isIP(hostname)) await resolveAllowed(hostname, options.policy);
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  return new Promise<WebhookResponse>((resolve, reject) => {
    const req = request(target, {
      method: "POST",
      headers: {
        ...headers,
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(body)),
        "user-agent": "lede-webhooks/1",
      },
      lookup: allowedLookup(options.policy),
      // One deadline for the whole exchange, connection and answer included.
      signal: AbortSignal.timeout(timeoutMs),
    });
    req.on("error", (error: Error) =>
      reject(
        error.name === "AbortError" || error.name === "TimeoutError"
          ? new Error(`no answer within ${timeoutMs / 1000} s`)
          : error,
      ),
    );
    req.on("response", (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).subarray(0, RESPONSE_BODY_BYTES).toString("utf8"),
        });
        // Whatever remains of the answer is not read: the connection goes.
        response.destroy();
      };
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= RESPONSE_BODY_BYTES) finish();
      });
      response.on("end", finish);
      response.on("error", (error) => (size ? finish() : reject(error)));
    });
    req.end(body);
  });
}
