// What a server process loads before its first request: the modules only some requests need
// (sharp and libvips for images, the 9 MB GraphiQL bundle for the playground) wait for that request,
// so that a process serving the API alone does not carry them (about 80 MB resident together).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("modules loaded at start", () => {
  it("leaves sharp and the GraphiQL bundle until a request needs them", () => {
    const script = `
import { registerHooks } from "node:module";
const loaded = [];
registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
await Promise.all([
  import("./src/app.ts"),
  import("./src/websocket.ts"),
  import("./src/worker.ts"),
  import("./src/modules/article/article.scheduler.ts"),
  import("./src/db/setup.ts"),
  import("./src/modules/media/media.setup.ts"),
]);
const lazy = /node_modules\\/(sharp|@img\\/sharp[^/]*|@graphql-yoga\\/render-graphiql)\\//;
console.log(JSON.stringify({ modules: loaded.length, lazy: loaded.filter((url) => lazy.test(url)) }));
`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: new URL("..", import.meta.url),
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(child.stderr).toBe("");
    const result = JSON.parse(child.stdout) as { modules: number; lazy: string[] };
    expect(result.modules).toBeGreaterThan(100);
    expect(result.lazy).toEqual([]);
  }, 90_000);
});
