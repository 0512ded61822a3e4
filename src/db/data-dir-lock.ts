// PGlite is single-process: a second wowbot on the same DATA_DIR would corrupt it, so the directory is locked by pid.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DatabaseUnavailableError } from "./errors.js";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock or explains who holds it; returns the release function. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "wowbot.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(file, "utf8").trim());
      if (holder && holder !== process.pid && alive(holder)) {
        throw new DatabaseUnavailableError(`DATA_DIR ${dir} is in use by another wowbot process (pid ${holder}): stop it or use another DATA_DIR`);
      }
      rmSync(file, { force: true }); // stale lock from a process that died
    }
  }
  throw new DatabaseUnavailableError(`could not lock DATA_DIR ${dir}`);
}
