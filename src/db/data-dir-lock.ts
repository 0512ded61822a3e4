// PGlite is single-process: a second wowbot on the same DATA_DIR would corrupt it, so the directory is locked.
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { tryLock } from "fs-native-extensions";
import { DatabaseUnavailableError } from "./errors.js";

/**
 * The lock is one the kernel holds for the open file (an open-file-description lock on Linux, flock on macOS), not a
 * process id: a pid cannot say whether a process in another PID namespace is alive (`docker run ... wowbot import`
 * beside the running container saw the server's pid as dead and opened the live database). The kernel releases the
 * lock when the holder exits, however it exits, so a lock is never stale. The file itself stays; it only names the
 * holder for the refusal message.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "wowbot.lock");
  const fd = openSync(file, "a+");
  if (!tryLock(fd)) {
    closeSync(fd);
    throw new DatabaseUnavailableError(`DATA_DIR ${dir} is in use by another wowbot process (${holderOf(file)}): stop it or use another DATA_DIR`);
  }
  ftruncateSync(fd);
  writeSync(fd, `pid ${process.pid} on host ${hostname()}\n`);
  // The pid file of versions before this lock: nothing reads it any more, and a leftover would only mislead.
  rmSync(path.join(dir, "wowbot.pid"), { force: true });
  let released = false;
  return () => {
    if (released) return;
    released = true;
    closeSync(fd); // closing the descriptor drops the lock
  };
}

function holderOf(file: string): string {
  const text = readFileSync(file, "utf8").trim();
  return /^pid \d+ on host \S+$/.test(text) ? text : "holder unknown";
}
