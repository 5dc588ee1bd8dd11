// The reader site's article page under load: GETs of the demo's published article pages, in turn,
// from the built site (web/) in front of a running lede, with no CDN in between, so that every
// request is rendered (SSR) and asks lede for its article. The throughput a CDN would multiply.
//   npm run web-article --prefix bench -- --url http://127.0.0.1:4321 [--seconds 20] [--connections 10]
import { parseArgs } from "node:util";
import { seedArticles } from "../../src/db/seed-content.ts";
import { runLoad } from "./load.ts";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:4321" },
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "10" },
  },
});
const paths = seedArticles.filter((a) => a.status === "published").map((a) => `/articles/${a.slug}`);
let next = 0;
const load = (durationSeconds: number) =>
  runLoad({
    url: values.url,
    connections: Number(values.connections),
    durationSeconds,
    request: {
      method: "GET",
      path: () => {
        next = (next + 1) % paths.length;
        return paths[next] as string;
      },
    },
  });

// A short warm-up (JIT, lede's response cache, the pools), then the measured run.
await load(3);
const result = await load(Number(values.seconds));
console.log(
  JSON.stringify(
    {
      pages: paths.length,
      connections: Number(values.connections),
      seconds: Math.round(result.seconds),
      requests: result.requests,
      rps: Math.round(result.rps),
      latencyMs: result.latencyMs,
      errors: result.errors,
      firstError: result.firstError,
    },
    null,
    2,
  ),
);
if (result.errors > 0) process.exitCode = 1;
