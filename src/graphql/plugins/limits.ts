// What a stranger may send: the size of a request body and of the operation in it (tokens, aliases
// with no __typename exception, directives), how deep its variables nest, no U+0000 in any string,
// JSON that parses, and how long it may run. Depth, breadth and cost are
// checked by the Pothos complexity plugin (see builder.ts), which sees variables too. Values live in
// config (GRAPHQL_*) and the README. (graphql-armor would do the first three, but it brings its own
// graphql 16, whose errors graphql 17 does not recognise: these rules are a few lines each.)

import {
  type ArgumentNode,
  type ASTNode,
  type ASTVisitor,
  GraphQLError,
  getOperationAST,
  Kind,
  OperationTypeNode,
  parse,
  type ValidationContext,
  type ValidationRule,
  type VariableDefinitionNode,
} from "graphql";
import type { GraphQLParams, Plugin } from "graphql-yoga";
import type { OperationLimits } from "../../config.ts";
import { readBodyBounded } from "../../infra/bounded-body.ts";
import { clientError } from "../errors.ts";

// biome-ignore lint/suspicious/noExplicitAny: armor's plugins are typed for envelop's context.
type AnyPlugin = Plugin<any>;

export function limitPlugins(limits: OperationLimits): AnyPlugin[] {
  const rules = [
    maxAliasesRule(limits.maxAliases),
    maxDirectivesRule(limits.maxDirectives),
    noNulCharacterRule,
  ];
  return [
    requestParsingPlugin(limits.maxBodyBytes),
    // Before every other plugin's onParams (the response cache hashes variables there).
    { onParams: ({ params }) => checkVariables(params.variables) },
    {
      // graphql-js stops lexing past maxTokens, before building anything.
      onParse({ setParseFn }) {
        setParseFn((source) => parse(source, { maxTokens: limits.maxTokens }));
      },
      onValidate({ addValidationRule }) {
        for (const rule of rules) addValidationRule(rule);
      },
    },
    operationTimeoutPlugin(limits.timeoutMs),
    ...(limits.blockFieldSuggestions ? [noSuggestionsPlugin()] : []),
  ];
}

/**
 * Counts what `count` says of every node below each operation, fragments spread in place: a
 * fragment costs again wherever it is spread (it is work again), but is walked once, so a small
 * document that spreads a fragment 2^40 times is counted as fast as it is read.
 */
function perOperationLimit(
  max: number,
  what: string,
  count: (node: { kind: Kind; alias?: unknown; directives?: readonly unknown[] }) => number,
): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    const fragments = new Map(
      document.definitions.flatMap((d) =>
        d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
      ),
    );
    // Past the limit the exact number does not matter: sums stop at `tooMany`, which also ends a
    // walk as soon as it passes the limit.
    const tooMany = max + 1;
    const perFragment = new Map<string, number>();
    const walking = new Set<string>();
    const fragmentTotal = (name: string): number => {
      const known = perFragment.get(name);
      if (known !== undefined) return known;
      const fragment = fragments.get(name);
      // An unknown fragment or a cycle: validation reports both on its own.
      if (!fragment || walking.has(name)) return 0;
      walking.add(name);
      const sum = total(fragment.selectionSet);
      walking.delete(name);
      perFragment.set(name, sum);
      return sum;
    };
    const total = (node: unknown): number => {
      if (!node || typeof node !== "object") return 0;
      const current = node as { kind?: Kind; name?: { value: string } };
      let sum = current.kind ? count(current as Parameters<typeof count>[0]) : 0;
      if (current.kind === Kind.FRAGMENT_SPREAD && current.name) sum += fragmentTotal(current.name.value);
      for (const [key, value] of Object.entries(node)) {
        if (key === "loc" || !value || typeof value !== "object") continue;
        for (const child of Array.isArray(value) ? value : "kind" in value ? [value] : []) {
          sum += total(child);
          if (sum >= tooMany) return tooMany;
        }
      }
      return sum;
    };
    return {
      OperationDefinition(operation) {
        if (total(operation) >= tooMany) {
          context.reportError(
            new GraphQLError(`This operation has more than ${max} ${what}`, { nodes: operation }),
          );
        }
      },
    };
  };
}

/** Every alias counts, `__typename` ones too: 101 aliased __typename fields are still 101 fields. */
const maxAliasesRule = (max: number) =>
  perOperationLimit(max, "aliases", (node) => (node.kind === Kind.FIELD && node.alias ? 1 : 0));

const maxDirectivesRule = (max: number) =>
  perOperationLimit(max, "directives", (node) => (node.kind === Kind.DIRECTIVE ? 1 : 0));

/** "Did you mean …?" hints map the schema for a stranger: production drops them. */
function noSuggestionsPlugin(): AnyPlugin {
  return {
    onValidate() {
      return ({ result, setResult }) => {
        if (!result.some((error) => / Did you mean /.test(error.message))) return;
        setResult(
          result.map((error) =>
            / Did you mean /.test(error.message)
              ? new GraphQLError(error.message.replace(/ Did you mean .*$/, ""), { nodes: error.nodes })
              : error,
          ),
        );
      };
    },
  };
}

const isMultipart = (request: Request) =>
  (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");

/**
 * Reads what a request sends, in place of yoga's parsers for GET and JSON. A body over the limit is
 * refused before reading it when it says its length, and while reading it when it does not
 * (chunked): 413 either way. JSON that does not parse, in the body or in GET's `variables` and
 * `extensions`, is a plain 400: yoga's own parsers answer with the parser's message, and a 500 for
 * GET.
 */
function requestParsingPlugin(maxBytes: number): AnyPlugin {
  const tooLarge = (fetchAPI: { Response: typeof Response }) =>
    new fetchAPI.Response(
      JSON.stringify({ errors: [{ message: `The request body is larger than ${maxBytes} bytes` }] }),
      {
        status: 413,
        headers: { "content-type": "application/json" },
      },
    );
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      // Uploads have their own, larger limit (src/modules/media/media.http.ts).
      if (isMultipart(request)) return;
      if (isMultipart(request)) return;
      const declared = Number(request.headers.get("content-length") ?? Number.NaN);
      if (declared > maxBytes) endResponse(tooLarge(fetchAPI));
    },
    onRequestParse({ request, setRequestParser }) {
      if (request.method === "GET") {
        setRequestParser((get) => {
          const search = new URL(get.url).searchParams;
          return {
            query: search.get("query") ?? undefined,
            operationName: search.get("operationName") ?? undefined,
            variables: parseJsonParameter(search.get("variables"), "`variables`"),
            extensions: parseJsonParameter(search.get("extensions"), "`extensions`"),
          };
        });
        return;
      }
      // Uploads have their own, larger limit (src/modules/media/media.http.ts).
      if (isMultipart(request)) return;
      const type = (request.headers.get("content-type") ?? "").split(/[;,]/)[0]?.trim();
      const json = type === "application/json" || type === "application/graphql+json";
      // A chunked body says no length: whatever its type, it is counted while read.
      const chunked = !request.headers.has("content-length");
      if (request.method !== "POST" || !request.body || !(json || chunked)) return;
      setRequestParser(async (post) => {
        const body = parseJson(
          await readBody(post.body as ReadableStream<Uint8Array>, maxBytes),
          "The request body",
        );
        if (!body || typeof body !== "object") throw badRequest("The request body must be a JSON object");
        return body as GraphQLParams;
      });
    },
  };
}

/** The body as text, refused with 413 as soon as it passes `maxBytes`. */
async function readBody(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<string> {
  const bytes = await readBodyBounded(body, maxBytes);
  if (!bytes) {
    throw clientError("PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBytes} bytes`, {
      http: { status: 413 },
    });
  }
  return bytes.toString("utf8");
}

const badRequest = (message: string, extensions: Record<string, unknown> = {}) =>
  clientError("BAD_USER_INPUT", message, { ...extensions, http: { status: 400 } });

/** Parsed JSON, or a 400 that says what was not JSON (and not where the parser stopped). */
function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(`${what} is not valid JSON`);
  }
}

/** A GET parameter's JSON; yoga checks that it is an object next, as for a body. */
const parseJsonParameter = (text: string | null, what: string) =>
  (text ? parseJson(text, what) : undefined) as Record<string, unknown> | undefined;

/**
 * How deep variables may nest. lede's deepest input (an author's links: objects in a list in an
 * object) nests three levels; this leaves room, and stops a JSON tower (10,000 nested arrays
 * overflowed the response cache's hashing with a 500).
 */
const MAX_VARIABLES_DEPTH = 32;

/**
 * Refuses variables nested deeper than MAX_VARIABLES_DEPTH and strings with U+0000 in them, which
 * PostgreSQL text cannot hold. Walked with a stack, not recursion, before anything else walks them.
 */
export function checkVariables(variables: unknown): void {
  if (!variables || typeof variables !== "object") return;
  const stack: [value: unknown, path: string, depth: number][] = Object.entries(variables).map(
    ([name, value]) => [value, name, 1],
  );
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [value, path, depth] = entry;
    const variable = path.split(".")[0];
    if (typeof value === "string" && value.includes("\0")) {
      throw badRequest(nulMessage(`Variable \`$${path}\``), { variable });
    }
    if (!value || typeof value !== "object") continue;
    if (depth > MAX_VARIABLES_DEPTH) {
      throw badRequest(`Variable \`$${variable}\` nests deeper than ${MAX_VARIABLES_DEPTH} levels`, {
        variable,
      });
    }
    for (const [key, item] of Object.entries(value)) stack.push([item, `${path}.${key}`, depth + 1]);
  }
}

const nulMessage = (what: string) => `${what} holds a NUL character (U+0000), which text cannot contain`;

/**
 * The same refusal for a string written in the document, naming the argument (or the variable
 * whose default it is) and the input fields down to it.
 */
const noNulCharacterRule: ValidationRule = (context) => ({
  StringValue(node, _key, parent, _path, ancestors) {
    if (!node.value.includes("\0")) return;
    const chain = [...ancestors, parent].filter(
      (ancestor): ancestor is ASTNode => !!ancestor && "kind" in ancestor,
    );
    const ownerAt = chain.findLastIndex(
      (ancestor) => ancestor.kind === Kind.ARGUMENT || ancestor.kind === Kind.VARIABLE_DEFINITION,
    );
    const owner = chain[ownerAt] as ArgumentNode | VariableDefinitionNode | undefined;
    const fields = chain
      .slice(ownerAt + 1)
      .flatMap((ancestor) => (ancestor.kind === Kind.OBJECT_FIELD ? [`.${ancestor.name.value}`] : []))
      .join("");
    const [what, extensions] =
      owner?.kind === Kind.ARGUMENT
        ? [`Argument \`${owner.name.value}${fields}\``, { argument: owner.name.value }]
        : owner
          ? [`Variable \`$${owner.variable.name.value}${fields}\``, { variable: owner.variable.name.value }]
          : ["A string", {}];
    context.reportError(
      new GraphQLError(nulMessage(what), {
        nodes: node,
        // `spec: false`: a 400 whatever the client accepts, as for the same string in a variable.
        extensions: { code: "BAD_USER_INPUT", ...extensions, http: { status: 400, spec: false } },
      }),
    );
  },
});

/**
 * Every query gets at most `timeoutMs`: when it passes, the answer is TIMEOUT, and yoga's executor
 * (subscriptions' first step, documents not compiled) stops resolving on the signal. A compiled
 * operation cannot be stopped half way; what it still has in flight finishes in the background,
 * bounded by the statement timeout, and its result is dropped. A mutation is not cut short: the
 * answer would be TIMEOUT while its resolver went on to commit (and a client that retries would
 * write twice). It runs to its end, bounded by the database (pool wait, statement timeout), and
 * answers what it wrote.
 */
function operationTimeoutPlugin(timeoutMs: number): AnyPlugin {
  return {
    onExecute({ args, setExecuteFn, executeFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation === OperationTypeNode.MUTATION)
        return;
      type WithSignal = typeof args & { signal?: AbortSignal };
      const given = (args as WithSignal).signal;
      setExecuteFn((executionArgs) => {
        // A timer cleared when the operation ends: AbortSignal.timeout would fire for every
        // operation, long after it answered, and build an exception each time.
        const timeout = new AbortController();
        const signal = given ? AbortSignal.any([given, timeout.signal]) : timeout.signal;
        let timer: NodeJS.Timeout | undefined;
        const expired = new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => {
            timeout.abort();
            reject(clientError("TIMEOUT", `The operation took longer than ${timeoutMs} ms`));
          }, timeoutMs);
        });
        const running = Promise.resolve(executeFn({ ...executionArgs, signal } as WithSignal));
        return Promise.race([running, expired]).finally(() => clearTimeout(timer));
      });
    },
  };
}
