// Runs lede's CLI as an operator would, with Node 24 from the project, and captures its output.
import { spawn } from "node:child_process";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command` with only PATH, HOME and `env` (which may set PATH) in its environment. */
export function runCommand(command: string, args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

// process.execPath is the Node running vitest: the project's Node 24.
export const runNodeScript = (script: string, args: string[], env: Record<string, string>) =>
  runCommand(process.execPath, [script, ...args], env);

export const runCli = (args: string[], env: Record<string, string>) => runNodeScript("src/cli.ts", args, env);
