// One process at a time on an embedded (PGlite) data directory. PGlite has no lock of its own: two
// processes on one directory each keep their own copy of the pages in memory, so one's writes are
// silently lost and the other later crashes on the files it no longer recognises. A lock file
// names the holder (pid and what it is); the lock of a process that is gone is taken over.
import { randomUUID } from "node:crypto";
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const LOCK_FILE = "lede.lock";

export interface LockHolder {
  pid: number;
  /** What the process is: `the lede server`, `lede token create`… */
  role: string;
  since: string;
}

export class DataDirectoryInUseError extends Error {
  readonly holder: LockHolder;
  constructor(dataDir: string, holder: LockHolder) {
    super(
      `the embedded database in ${dataDir} is in use by ${holder.role} (pid ${holder.pid}, since ${holder.since}); ` +
        "PGlite serves one process at a time: stop that one first",
    );
    this.holder = holder;
  }
}

export interface DataDirectoryLock {
  release(): void;
}

/** Takes the directory's lock for this process, or throws DataDirectoryInUseError naming the holder. */
export function lockDataDirectory(dataDir: string, role: string): DataDirectoryLock {
  const path = join(dataDir, LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, role, since: new Date().toISOString() };
  const text = JSON.stringify(mine);
  // Written whole under a private name, then linked into place: the lock appears complete or not at
  // all, and linking fails if a lock is there already (atomic, unlike a check then a write).
  const draft = `${path}.${randomUUID()}`;
  writeFileSync(draft, text);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(draft, path);
        return holdLock(path, text);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const found = readLock(path);
      if (found === null) continue; // released meanwhile
      const holder = parseHolder(found);
      if (holder && isRunning(holder.pid)) throw new DataDirectoryInUseError(dataDir, holder);
      takeOverStaleLock(path, found);
    }
    throw new Error(`could not lock ${dataDir}: its lock file keeps changing`);
  } finally {
    unlinkSync(draft);
  }
}

function holdLock(path: string, text: string): DataDirectoryLock {
  // A process that exits without closing the database (process.exit, an uncaught error) lets go too.
  const release = () => {
    process.off("exit", release);
    if (readLock(path) === text) unlinkSync(path);
  };
  process.on("exit", release);
  return { release };
}

/**
 * Moves the stale lock aside (a rename is atomic: of two processes taking over, one moves it) and
 * deletes it. A lock that changed between the read and the move belongs to a process that took
 * over first: it goes back.
 */
function takeOverStaleLock(path: string, staleText: string): void {
  const aside = `${path}.stale.${randomUUID()}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (readLock(aside) !== staleText) {
    try {
      linkSync(aside, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  unlinkSync(aside);
}

function readLock(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** The holder a lock file names; null for a file that is not a lock (stale by definition). */
function parseHolder(text: string): LockHolder | null {
  try {
    const holder = JSON.parse(text) as Partial<LockHolder>;
    return Number.isInteger(holder.pid) && typeof holder.role === "string" && typeof holder.since === "string"
      ? (holder as LockHolder)
      : null;
  } catch {
    return null;
  }
}

/** Signal 0 checks that a process exists without touching it; EPERM means it exists as another user. */
function isRunning(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
