// What the benchmarks share: the machine they ran on, and the PostgreSQL server they create their databases on.
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The service started as `npm start` and the Docker image start it: bin/entrypoint.sh execs Node with serve's heap limit. */
export const SERVE_COMMAND = ["sh", path.join(ROOT, "bin", "entrypoint.sh"), "serve"];

/** PATH for the benches' children: the Node running the bench comes first, so the entrypoint's `node` is this one. */
export const CHILD_PATH = [path.dirname(process.execPath), process.env.PATH ?? ""].join(path.delimiter);

/** The server where benchmarks create (and drop) their own databases. */
export const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** Runs one statement (CREATE/DROP DATABASE) on the admin connection. */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The machine, printed and recorded with every result. The load average shows anything else using the CPUs. */
export function machineInfo() {
  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 1e8) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverageBefore: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB RAM, Node ${machine.node}, ${machine.os}`);
  console.log(`load average (1 min) before the bench: ${machine.loadAverageBefore}`);
  return machine;
}

/** Drops a benchmark's database; a failure is reported, not thrown, so the rest of the cleanup still runs. */
export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((error: Error) => {
    console.error(`could not drop database ${name} (${error.message}): drop it by hand`);
  });
}

/**
 * Runs `cleanup` and exits on Ctrl-C or a CI cancel. `on`, not `once`: npx and tsx relay the signal again, and a
 * second one must not cut the cleanup short.
 */
export function cleanUpOnInterrupt(cleanup: () => Promise<void>): void {
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.on(signal, () => {
      void cleanup().finally(() => process.exit(code));
    });
  }
}

/** SIGTERM, then wait for the exit; wowbot allows itself 9 s to shut down, so 15 s means it hangs (then SIGKILL). */
export async function stopChild(child: ChildProcess, live: Set<ChildProcess>): Promise<string | number | null> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(killer);
  }
  live.delete(child);
  return child.exitCode ?? child.signalCode;
}
