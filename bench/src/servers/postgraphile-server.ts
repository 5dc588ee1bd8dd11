// PostGraphile v5 over the bench database, as its documentation sets it up for production: the
// amber preset, one pg pool of the same size as the others, grafserv on node:http, no GraphiQL,
// no explain, no schema watching. Started by the harness as a child process.
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

const connectionString = process.env.DATABASE_URL;
const port = Number(process.env.PORT ?? 5000);
const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);
if (!connectionString) throw new Error("DATABASE_URL is required");
// Grafast runs in development mode (slower planning, extra checks) unless both say production.
if (process.env.NODE_ENV !== "production" || process.env.GRAPHILE_ENV !== "production") {
  throw new Error(
    "the bench measures PostGraphile in production mode: set NODE_ENV and GRAPHILE_ENV=production",
  );
}

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString, schemas: ["public"], poolConfig: { max: poolSize } })],
  grafserv: { port, graphiql: false, watch: false, graphqlPath: "/graphql" },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on("error", (error) => {
  console.error(error);
  process.exit(1);
});
await serv.addTo(server);
// Build the schema before saying we are ready, so the first measured request does not pay for it.
await pgl.getSchema();
server.listen(port, "127.0.0.1", () => console.log(`postgraphile ready on http://127.0.0.1:${port}/graphql`));

const stop = () => {
  server.close();
  server.closeIdleConnections();
  Promise.resolve(pgl.release()).finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
