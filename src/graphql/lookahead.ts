// What a query selects below the field being resolved, so that a list can fetch in its own
// statement what its items will be asked for.
import {
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  getArgumentValues,
  Kind,
  type SelectionSetNode,
} from "graphql";

/**
 * Field names selected in `selectionSet`, through inline fragments and named fragments. A named
 * fragment is walked once per collection (`spread`), as graphql-js does: spreading it again adds
 * nothing, and walking it at every spread is exponential in the depth of nested spreads.
 */
function fieldsOf(
  info: Pick<GraphQLResolveInfo, "fragments">,
  selectionSet: SelectionSetNode | undefined,
  into: Map<string, FieldNode[]>,
  spread: Set<string>,
): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const list = into.get(selection.name.value) ?? [];
      list.push(selection);
      into.set(selection.name.value, list);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fieldsOf(info, selection.selectionSet, into, spread);
    } else if (!spread.has(selection.name.value)) {
      spread.add(selection.name.value);
      fieldsOf(info, info.fragments[selection.name.value]?.selectionSet, into, spread);
    }
  }
}

/** The fields selected below `nodes` (one field, perhaps selected several times), by name. */
export const childFields = (info: Pick<GraphQLResolveInfo, "fragments">, nodes: readonly FieldNode[]) => {
  const fields = new Map<string, FieldNode[]>();
  const spread = new Set<string>();
  for (const node of nodes) fieldsOf(info, node.selectionSet, fields, spread);
  return fields;
};

/**
 * The arguments, variables resolved, that every one of `nodes` passes to `field`; null when they
 * differ (aliases asking for different pages) or do not resolve (the field will say why).
 */
export function sameArguments(
  info: GraphQLResolveInfo,
  field: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
): Record<string, unknown> | null {
  let found: Record<string, unknown> | null = null;
  let key: string | null = null;
  for (const node of nodes) {
    let args: Record<string, unknown>;
    try {
      args = { ...getArgumentValues(field, node, info.variableValues) };
    } catch {
      return null;
    }
    const nodeKey = JSON.stringify(args);
    if (key !== null && nodeKey !== key) return null;
    found = args;
    key = nodeKey;
  }
  return found;
}

/** What a query selects of a connection: its own fields (`totalCount`, …) and its items' fields. */
export interface ConnectionSelection {
  fields: ReadonlySet<string>;
  /** Through `nodes` and `edges { node }`, each with the nodes that select it. */
  items: ReadonlyMap<string, FieldNode[]>;
}

/**
 * Selections already walked, by field nodes: graphql-js hands every item of a list the same
 * `fieldNodes` array, so a page of comments walks its `replies` selection once, not per comment.
 * The nodes belong to one document, whose fragments are the ones `info` carries.
 */
const connectionSelections = new WeakMap<readonly FieldNode[], ConnectionSelection>();

/** What `nodes`, the field nodes of one connection field, select of it. */
export function connectionSelection(
  info: Pick<GraphQLResolveInfo, "fragments">,
  nodes: readonly FieldNode[],
): ConnectionSelection {
  const known = connectionSelections.get(nodes);
  if (known) return known;
  const top = childFields(info, nodes);
  const items = [
    ...(top.get("nodes") ?? []),
    ...(childFields(info, top.get("edges") ?? []).get("node") ?? []),
  ];
  const selection = { fields: new Set(top.keys()), items: childFields(info, items) };
  connectionSelections.set(nodes, selection);
  return selection;
}

/**
 * Whether `nodes` (one field, perhaps selected several times) select only fields in `served`: a
 * resolver that can tell whether the columns it was handed serve its selection. Remembered by
 * nodes, as `connectionSelection` is.
 */
export function selectsOnly(
  served: ReadonlySet<string>,
): (info: Pick<GraphQLResolveInfo, "fragments">, nodes: readonly FieldNode[]) => boolean {
  const known = new WeakMap<readonly FieldNode[], boolean>();
  return (info, nodes) => {
    let only = known.get(nodes);
    if (only === undefined) {
      only = [...childFields(info, nodes).keys()].every((name) => served.has(name));
      known.set(nodes, only);
    }
    return only;
  };
}
