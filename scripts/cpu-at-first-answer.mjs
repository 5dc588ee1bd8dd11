// A preload for timing a start: prints to stderr the CPU this process has used (all threads) when
// its first HTTP response finishes. With scripts/first-answer.ts (BENCHMARKS.md, Start time):
//
//   node scripts/first-answer.ts -- node --import ./scripts/cpu-at-first-answer.mjs src/server.ts
//
// Plain JavaScript, so that loading it strips no TypeScript.
import http from "node:http";

const emit = http.Server.prototype.emit;
let reported = false;
http.Server.prototype.emit = function (event, ...args) {
  if (event === "request" && !reported) {
    reported = true;
    args[1].once("finish", () => {
      const { user, system } = process.cpuUsage();
      const ms = (micros) => Math.round(micros / 1000);
      process.stderr.write(
        `CPU to the first answer: ${ms(user + system)} ms (user ${ms(user)}, system ${ms(system)})\n`,
      );
    });
  }
  return emit.call(this, event, ...args);
};
