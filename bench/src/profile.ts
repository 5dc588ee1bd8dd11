// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by package,
// which is enough to name where a server's time goes.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  top: { name: string; where: string; selfPercent: number }[];
  byPackage: { name: string; selfPercent: number }[];
}

/**
 * The source file a line of lede's server bundle came from. esbuild writes `// <path>` above each
 * module it bundles (node_modules/graphql/execution/execute.js, src/app.ts); without this every
 * bundled frame would be one package, the bundle's cache directory. Null when the file is gone.
 */
const bundleMarkers = new Map<string, { line: number; path: string }[] | null>();
function bundledSource(url: string, line: number): string | null {
  if (!url.includes("/.cache/lede/server/")) return null;
  let markers = bundleMarkers.get(url);
  if (markers === undefined) {
    try {
      markers = readFileSync(url.startsWith("file:") ? fileURLToPath(url) : url, "utf8")
        .split("\n")
        .flatMap((text, index) => {
          // Relative to where esbuild ran: `// ../../../node_modules/postgres/src/types.js`.
          const path = /^\/\/ ((?:\.\.\/)*(?:node_modules|src)\/\S+)$/.exec(text)?.[1];
          return path ? [{ line: index, path }] : [];
        });
    } catch {
      markers = null;
    }
    bundleMarkers.set(url, markers);
  }
  if (!markers) return null;
  let found: string | null = null;
  for (let lo = 0, hi = markers.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    const marker = markers[mid] as { line: number; path: string };
    if (marker.line <= line) {
      found = marker.path;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function packageOf(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules !== -1) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith("node:")) return "node internals";
  // A source file's path, or (a bundled module) the path esbuild wrote, from src/.
  const src = url.startsWith("src/") ? 0 : url.includes("/src/") ? url.indexOf("/src/") + 1 : -1;
  return src !== -1 ? `lede ${url.slice(src).split("/").slice(0, 2).join("/")}` : url;
}

export function summariseProfile(path: string, topN = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  const byFunction = new Map<string, { name: string; where: string; time: number }>();
  const byPackage = new Map<string, number>();
  for (const [id, time] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const name = frame.functionName || "(anonymous)";
    if (name === "(idle)" || name === "(program)") {
      byPackage.set(name, (byPackage.get(name) ?? 0) + time);
      continue;
    }
    // A bundled frame is named by the module it came from (the line would be the bundle's).
    const source = bundledSource(frame.url, frame.lineNumber);
    const url = source ?? frame.url;
    const where = source
      ? `${source.replace(/^.*node_modules\//, "").replace(/^(\.\.\/)*/, "")} (bundled)`
      : frame.url
        ? `${frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(src|bench)\//, "$1/")}:${frame.lineNumber + 1}`
        : "";
    const key = `${name}@${where}`;
    const entry = byFunction.get(key) ?? { name, where, time: 0 };
    entry.time += time;
    byFunction.set(key, entry);
    const pkg = packageOf(url, name);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + time);
  }
  const pct = (time: number) => (100 * time) / Math.max(1, total);
  return {
    top: [...byFunction.values()]
      .sort((a, b) => b.time - a.time)
      .slice(0, topN)
      .map((entry) => ({ name: entry.name, where: entry.where, selfPercent: pct(entry.time) })),
    byPackage: [...byPackage.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topN)
      .map(([name, time]) => ({ name, selfPercent: pct(time) })),
  };
}
