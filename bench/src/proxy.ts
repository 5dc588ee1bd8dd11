// A TCP proxy between a server and PostgreSQL that counts the statements the server sends:
// each simple Query ('Q') and each extended-protocol Execute ('E') message is one statement,
// whatever the driver, the prepared-statement cache or the GraphQL layer above it. It also keeps
// the SQL text of what it counted while `recording` is on, so a report can show one request's
// statements. Used only in the correctness-and-count phase: it costs CPU, so the load runs
// connect directly.
import { once } from "node:events";
import { connect, createServer, type Server, type Socket } from "node:net";

export interface StatementCounter {
  statements: number;
  recording: boolean;
  recorded: string[];
}

export interface CountingProxy {
  port: number;
  counter: StatementCounter;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

function track(counter: StatementCounter): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  let startup = true;
  // Prepared statement name -> text, and the statement the last Bind chose.
  const prepared = new Map<string, string>();
  let bound = "";
  return (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (startup) {
        if (pending.length < 8) return;
        const length = pending.readInt32BE(0);
        if (pending.length < length) return;
        const code = pending.readInt32BE(4);
        // After an SSL or GSS request the real startup message follows.
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) startup = false;
        pending = pending.subarray(length);
        continue;
      }
      if (pending.length < 5) return;
      const type = String.fromCharCode(pending[0] as number);
      const length = pending.readInt32BE(1);
      if (pending.length < 1 + length) return;
      const body = pending.subarray(5, 1 + length);
      if (type === "Q") {
        counter.statements++;
        if (counter.recording) counter.recorded.push(body.toString("utf8", 0, body.length - 1));
      } else if (type === "P") {
        const nameEnd = body.indexOf(0);
        const textEnd = body.indexOf(0, nameEnd + 1);
        prepared.set(body.toString("utf8", 0, nameEnd), body.toString("utf8", nameEnd + 1, textEnd));
      } else if (type === "B") {
        const portalEnd = body.indexOf(0);
        const nameEnd = body.indexOf(0, portalEnd + 1);
        bound = prepared.get(body.toString("utf8", portalEnd + 1, nameEnd)) ?? "(unknown prepared statement)";
      } else if (type === "E") {
        counter.statements++;
        if (counter.recording) counter.recorded.push(bound);
      }
      pending = pending.subarray(1 + length);
      if (pending.length === 0) return;
    }
  };
}

export async function startProxy(target: { host: string; port: number }): Promise<CountingProxy> {
  const counter: StatementCounter = { statements: 0, recording: false, recorded: [] };
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const count = track(counter);
    client.on("data", (chunk: Buffer) => {
      count(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end);
    upstream.on("close", end);
    client.on("error", end);
    upstream.on("error", end);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    counter,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, "close");
    },
  };
}
