// Loaded first by `npm start`, `npm run dev` and `npm run lede` (`node --import`): Node's compile
// cache is then on before Node reads the entry itself, a TypeScript file that would otherwise be
// stripped anew on every start (which loads Node's TypeScript stripper: tens of ms of CPU). Plain
// JavaScript, so that nothing here needs stripping. The entries enable the cache too, for
// `node src/server.ts` run directly.
import { enableCompileCache } from "node:module";

enableCompileCache();
