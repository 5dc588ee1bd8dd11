// A TCP proxy between a server and PostgreSQL that counts the statements the server sends:
// each simple Query ('Q') and each extended-protocol Execute ('E') message is one statement,
// whatever the driver, the prepared-statement cache or the GraphQL layer above it. It also keeps
// the SQL text of what it counted while `recording` is on, so a report can show one request's
// statements, and, while `capturing` is set, each distinct statement with the parameters and
// session settings it ran with, so that the harness can EXPLAIN exactly what each server sent
// (src/explain.ts). Used only in the correctness-and-count phase: it costs CPU, so the load runs
// connect directly.
import { once } from "node:events";
import { connect, createServer, type Server, type Socket } from "node:net";

/** One statement as a server sent it, with what PostgreSQL needs to plan it the same way. */
export interface CapturedStatement {
  text: string;
  /** Bind parameters in text form (`null` for SQL NULL), as the server sent them. */
  params: (string | null)[];
  /** Parameter type OIDs the server declared in its Parse message (0: left to PostgreSQL). */
  paramTypes: number[];
  /**
   * Prepared under a name, so PostgreSQL may switch to a generic plan after five executions;
   * unnamed statements and simple queries are planned afresh with their values every time.
   */
  named: boolean;
  /** Run-time settings from the connection's startup message (plan_cache_mode, ...). */
  settings: Record<string, string>;
  /** Why the statement cannot be replayed as sent, if it cannot (a parameter in binary format). */
  unreplayable?: string;
}

export interface StatementCounter {
  statements: number;
  recording: boolean;
  recorded: string[];
  /**
   * When set, each distinct statement (by `statementShape`) lands here: the instance with the most
   * parameters (the longest list, the most work), the first seen among equals.
   */
  capturing: Map<string, CapturedStatement> | null;
}

export interface CountingProxy {
  port: number;
  counter: StatementCounter;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const BYTEA_OID = 17;
/** Startup parameters that name the session rather than set how it plans. */
const NOT_SETTINGS = new Set(["user", "database", "replication", "options"]);

/**
 * A statement's shape: whitespace collapsed, string and number literals and lists of parameters
 * masked, so that a statement that inlines its values (lede's `id = any('{…}')`) or takes a list
 * of any length (`in ($1, $2, …)`) counts once, not once per page.
 */
export const statementShape = (text: string) =>
  text
    .replace(/'(?:[^']|'')*'/g, "?")
    .replace(/\$\d+(\s*,\s*\$\d+)*/g, "$?")
    .replace(/\b\d+(\.\d+)?\b/g, "?")
    .replace(/\s+/g, " ")
    .trim();

/** Reads a NUL-terminated string at `offset`: the string and the offset after its NUL. */
function cString(body: Buffer, offset: number): [string, number] {
  const end = body.indexOf(0, offset);
  return [body.toString("utf8", offset, end), end + 1];
}

function startupSettings(body: Buffer): Record<string, string> {
  const settings: Record<string, string> = {};
  let offset = 8;
  while (offset < body.length && body[offset] !== 0) {
    const [key, afterKey] = cString(body, offset);
    const [value, afterValue] = cString(body, afterKey);
    if (!NOT_SETTINGS.has(key)) settings[key] = value;
    offset = afterValue;
  }
  return settings;
}

interface Prepared {
  text: string;
  types: number[];
}

interface Bound {
  statement: Prepared;
  named: boolean;
  params: (string | null)[];
  unreplayable?: string;
}

function parseMessage(body: Buffer): [string, Prepared] {
  const [name, afterName] = cString(body, 0);
  const [text, afterText] = cString(body, afterName);
  const count = body.readInt16BE(afterText);
  const types = Array.from({ length: count }, (_, i) => body.readUInt32BE(afterText + 2 + 4 * i));
  return [name, { text, types }];
}

function bindMessage(body: Buffer, prepared: Map<string, Prepared>): Bound {
  const [, afterPortal] = cString(body, 0);
  const [name, afterName] = cString(body, afterPortal);
  const statement = prepared.get(name) ?? { text: "(unknown prepared statement)", types: [] };
  let offset = afterName;
  const formatCount = body.readInt16BE(offset);
  const formats = Array.from({ length: formatCount }, (_, i) => body.readInt16BE(offset + 2 + 2 * i));
  offset += 2 + 2 * formatCount;
  const paramCount = body.readInt16BE(offset);
  offset += 2;
  const params: (string | null)[] = [];
  let unreplayable: string | undefined;
  for (let i = 0; i < paramCount; i++) {
    const length = body.readInt32BE(offset);
    offset += 4;
    if (length < 0) {
      params.push(null);
      continue;
    }
    const value = body.subarray(offset, offset + length);
    offset += length;
    // One format code applies to all parameters; none means text.
    const binary = (formatCount === 1 ? formats[0] : formats[i]) === 1;
    if (!binary) params.push(value.toString("utf8"));
    else if (statement.types[i] === BYTEA_OID || statement.types[i] === 0)
      params.push(`\\x${value.toString("hex")}`);
    else {
      params.push(null);
      unreplayable ??= `parameter $${i + 1} was sent in binary format (type oid ${statement.types[i]})`;
    }
  }
  return { statement, named: name !== "", params, ...(unreplayable && { unreplayable }) };
}

function track(counter: StatementCounter): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  let startup = true;
  let settings: Record<string, string> = {};
  // Prepared statement name -> text and declared types, and what the last Bind chose.
  const prepared = new Map<string, Prepared>();
  let bound: Bound | null = null;
  const capture = (statement: Omit<CapturedStatement, "settings">) => {
    const key = statementShape(statement.text);
    if (counter.capturing && !counter.capturing.has(key))
      counter.capturing.set(key, { ...statement, settings });
  };
  return (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (startup) {
        if (pending.length < 8) return;
        const length = pending.readInt32BE(0);
        if (pending.length < length) return;
        const code = pending.readInt32BE(4);
        // After an SSL or GSS request the real startup message follows.
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) {
          startup = false;
          settings = startupSettings(pending.subarray(0, length));
        }
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
        const text = body.toString("utf8", 0, body.length - 1);
        if (counter.recording) counter.recorded.push(text);
        capture({ text, params: [], paramTypes: [], named: false });
      } else if (type === "P") {
        const [name, statement] = parseMessage(body);
        prepared.set(name, statement);
      } else if (type === "B") {
        bound = bindMessage(body, prepared);
      } else if (type === "E") {
        counter.statements++;
        const text = bound?.statement.text ?? "(unknown prepared statement)";
        if (counter.recording) counter.recorded.push(text);
        if (bound)
          capture({
            text,
            params: bound.params,
            paramTypes: bound.statement.types,
            named: bound.named,
            ...(bound.unreplayable && { unreplayable: bound.unreplayable }),
          });
      }
      pending = pending.subarray(1 + length);
      if (pending.length === 0) return;
    }
  };
}

export async function startProxy(target: { host: string; port: number }): Promise<CountingProxy> {
  const counter: StatementCounter = { statements: 0, recording: false, recorded: [], capturing: null };
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
