// Canonical JSON (sorted keys) and a short line diff, for the correctness gate.

export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 1);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** The first difference between two canonical texts, with a few lines of context on each side. */
export function diff(expected: string, actual: string, labels: [string, string], context = 6): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - context);
  const show = (lines: string[], label: string) =>
    [
      `--- ${label} (line ${i + 1} of ${lines.length})`,
      ...lines
        .slice(from, i + context)
        .map((line, k) => `${from + k === i ? ">" : " "} ${line.slice(0, 160)}`),
    ].join("\n");
  return `${show(a, labels[0])}\n${show(b, labels[1])}`;
}
