#!/usr/bin/env node
// `npx lede <command>`: the operator's commands (cli-main.ts), loaded once Node's compile cache is on
// so that a command starts from the modules compiled by the last one.
import { enableCompileCache } from "node:module";

enableCompileCache();
await import("./cli-main.ts");
