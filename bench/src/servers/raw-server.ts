// The raw ceiling: node:http and postgres.js with hand-written SQL, no GraphQL execution. It
// accepts lede's GraphQL POST body, routes by operation name to the scenario's SQL with the
// request's variables, and sends PostgreSQL's JSON text as it comes. Nothing can answer the same
// data with less work in Node; it shows how much of lede's time is GraphQL and mapping.
import { createServer, type IncomingMessage } from "node:http";
import postgres from "postgres";
import { scenarios } from "../scenarios/index.ts";
import { isFileScenario } from "../scenarios/types.ts";

const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT ?? 5001);
if (!url) throw new Error("DATABASE_URL is required");

const sql = postgres(url, {
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  onnotice: () => {},
  fetch_types: false,
  idle_timeout: 30,
  connection: { application_name: "lede-bench-raw" },
});
const byOperation = new Map(scenarios.flatMap((s) => (isFileScenario(s) ? [] : [[s.operationName, s]])));

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const server = createServer(async (request, response) => {
  const send = (status: number, body: string) => {
    response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    response.end(body);
  };
  try {
    if (request.method !== "POST") return send(405, '{"errors":[{"message":"POST only"}]}');
    const { operationName, variables } = JSON.parse(await readBody(request)) as {
      operationName?: string;
      variables?: Record<string, unknown>;
    };
    const scenario = operationName ? byOperation.get(operationName) : undefined;
    if (!scenario)
      return send(400, JSON.stringify({ errors: [{ message: `unknown operation ${operationName}` }] }));
    send(200, await scenario.raw(sql, variables ?? {}));
  } catch (error) {
    send(500, JSON.stringify({ errors: [{ message: String((error as Error).message ?? error) }] }));
  }
});
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => console.log(`raw ready on http://127.0.0.1:${port}/graphql`));

const stop = () => {
  server.close();
  server.closeIdleConnections();
  sql.end({ timeout: 2 }).finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
