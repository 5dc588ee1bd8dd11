// What a stranger may send: the size of a request body and of the operation in it (tokens, aliases
// with no __typename exception, directives), and how long it may run. Depth, breadth and cost are
// checked by the Pothos complexity plugin (see builder.ts), which sees variables too. Values live in
// config (GRAPHQL_*) and the README. (graphql-armor would do the first three, but it brings its own
// graphql 16, whose errors graphql 17 does not recognise: these rules are a few lines each.)

import {
  type ASTVisitor,
  GraphQLError,
  getOperationAST,
  Kind,
  OperationTypeNode,
  parse,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { readBodyBounded } from "../../infra/bounded-body.ts";
import { clientError } from "../errors.ts";

export interface OperationLimits {
  maxBodyBytes: number;
  maxTokens: number;
  maxDepth: number;
  maxBreadth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
  timeoutMs: number;
  /** Hide "did you mean …?" hints, which map the schema for a stranger. */
  blockFieldSuggestions: boolean;
}

export const defaultOperationLimits: OperationLimits = {
  maxBodyBytes: 1_000_000,
  maxTokens: 3_000,
  maxDepth: 16,
  maxBreadth: 300,
  maxAliases: 15,
  maxDirectives: 5,
  maxCost: 50_000,
  timeoutMs: 10_000,
  blockFieldSuggestions: false,
};

// biome-ignore lint/suspicious/noExplicitAny: armor's plugins are typed for envelop's context.
type AnyPlugin = Plugin<any>;

export function limitPlugins(limits: OperationLimits): AnyPlugin[] {
  const rules = [maxAliasesRule(limits.maxAliases), maxDirectivesRule(limits.maxDirectives)];
  return [
    bodySizePlugin(limits.maxBodyBytes),
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

/** Counts what `count` says of every node below each operation, fragments spread in place. */
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
    // Every spread counts again (it is work again); `path` only stops a cycle, which validation
    // reports on its own.
    const total = (node: unknown, path: ReadonlySet<string>): number => {
      if (!node || typeof node !== "object") return 0;
      const current = node as { kind?: Kind; name?: { value: string } };
      let sum = current.kind ? count(current as Parameters<typeof count>[0]) : 0;
      if (current.kind === Kind.FRAGMENT_SPREAD && current.name && !path.has(current.name.value)) {
        const name = current.name.value;
        sum += total(fragments.get(name)?.selectionSet, new Set([...path, name]));
      }
      for (const [key, value] of Object.entries(node)) {
        if (key === "loc") continue;
        if (Array.isArray(value)) for (const item of value) sum += total(item, path);
        else if (value && typeof value === "object" && "kind" in value) sum += total(value, path);
      }
      return sum;
    };
    return {
      OperationDefinition(operation) {
        const found = total(operation, new Set());
        if (found > max) {
          context.reportError(
            new GraphQLError(`This operation has ${found} ${what}; at most ${max} are allowed`, {
              nodes: operation,
            }),
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
 * Refuses a body over the limit before reading it when it says its length, and while reading it
 * when it does not (chunked): 413 either way.
 */
function bodySizePlugin(maxBytes: number): AnyPlugin {
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
      const declared = Number(request.headers.get("content-length") ?? Number.NaN);
      if (declared > maxBytes) endResponse(tooLarge(fetchAPI));
    },
    onRequestParse({ request, setRequestParser }) {
      if (request.method !== "POST" || request.headers.has("content-length") || !request.body) return;
      if (isMultipart(request)) return;
      // A chunked body says no length: count it while reading.
      setRequestParser(async (chunked) => {
        const body = await readBodyBounded(chunked.body as ReadableStream<Uint8Array>, maxBytes);
        if (!body) {
          throw clientError("PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBytes} bytes`, {
            http: { status: 413 },
          });
        }
        try {
          return JSON.parse(body.toString("utf8"));
        } catch {
          throw clientError("BAD_USER_INPUT", "The request body is not valid JSON", {
            http: { status: 400 },
          });
        }
      });
    },
  };
}

/**
 * Every query gets at most `timeoutMs`; graphql-js stops resolving when the signal fires. A mutation
 * is not cut short: the answer would be TIMEOUT while its resolver went on to commit (and a client
 * that retries would write twice). It runs to its end, bounded by the database (pool wait,
 * statement timeout), and answers what it wrote.
 */
function operationTimeoutPlugin(timeoutMs: number): AnyPlugin {
  return {
    onExecute({ args, setExecuteFn, executeFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation === OperationTypeNode.MUTATION)
        return;
      // yoga executes with @graphql-tools/executor, which stops resolving once `signal` aborts.
      type WithSignal = typeof args & { signal?: AbortSignal };
      const timeout = AbortSignal.timeout(timeoutMs);
      const given = (args as WithSignal).signal;
      const signal = given ? AbortSignal.any([given, timeout]) : timeout;
      setExecuteFn((executionArgs) =>
        Promise.resolve(executeFn({ ...executionArgs, signal } as WithSignal)).catch((error: unknown) => {
          if (timeout.aborted) throw clientError("TIMEOUT", `The operation took longer than ${timeoutMs} ms`);
          throw error;
        }),
      );
    },
  };
}
