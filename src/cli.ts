#!/usr/bin/env node
// `npx lede <command>`: the operator's commands (cli-main.ts), loaded once Node's compile cache is on
// so that a command starts from the modules compiled by the last one.
import { spawn } from "node:child_process";
import { enableCompileCache } from "node:module";
import { constants } from "node:os";

// An import writes for minutes at a high allocation rate, and V8's default heap then keeps up to
// half a gigabyte of garbage: it runs in a child with a capped heap (unless the caller capped it).
const IMPORT_HEAP_FLAGS = ["--max-old-space-size=192", "--max-semi-space-size=16"];
const heapCapped = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((flag) =>
  flag.includes("--max-old-space-size"),
);

if (process.argv[2] === "import" && !heapCapped) {
  const child = spawn(
    process.execPath,
    [...IMPORT_HEAP_FLAGS, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: "inherit" },
  );
  // Ctrl-C reaches the child from the terminal itself (it stops after its batch); a SIGTERM sent
  // to this process is passed on.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  child.on("exit", (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)));
} else {
  enableCompileCache();
  await import("./cli-main.ts");
}
