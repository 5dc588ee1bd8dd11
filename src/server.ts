// `npm start`: lede's server process. Node's compile cache keeps the compiled modules (TypeScript
// stripped, bytecode) between starts, which is most of a warm start's work; it has to be on before
// they load, so the server itself is imported after.
import { enableCompileCache } from "node:module";

enableCompileCache();
await import("./server-main.ts");
