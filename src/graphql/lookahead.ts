// What a query selects below the field being resolved, so that a list can fetch in its own
// statement what its items will be asked for.
import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";

/**
 * Field names selected in `selectionSet`, through inline fragments and named fragments. A named
 * fragment is walked once per collection (`spread`), as graphql-js does: spreading it again adds
 * nothing, and walking it at every spread is exponential in the depth of nested spreads.
 */
function fieldsOf(
  info: GraphQLResolveInfo,
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

const childFields = (info: GraphQLResolveInfo, nodes: readonly FieldNode[]) => {
  const fields = new Map<string, FieldNode[]>();
  const spread = new Set<string>();
  for (const node of nodes) fieldsOf(info, node.selectionSet, fields, spread);
  return fields;
};

/** The field names selected on a connection's items, through `nodes` and `edges { node }`. */
export function connectionItemFields(info: GraphQLResolveInfo): Set<string> {
  const top = childFields(info, info.fieldNodes);
  const items = [
    ...(top.get("nodes") ?? []),
    ...(childFields(info, top.get("edges") ?? []).get("node") ?? []),
  ];
  return new Set(childFields(info, items).keys());
}
