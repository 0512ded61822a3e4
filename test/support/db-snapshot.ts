// Every row of every application table, read through raw SQL (not the repositories under test), so an abuse test
// can prove a refused request changed nothing: snapshot before, snapshot after, compare.
import type { TestService } from "./service.js";

type Prisma = TestService["prisma"];

/** Table name -> its rows as sorted JSON lines. */
export type DbSnapshot = Record<string, string[]>;

/** Migration bookkeeping is not application data. */
const SKIPPED = new Set(["_prisma_migrations"]);

const json = (row: unknown) =>
  JSON.stringify(row, (_key, value) =>
    typeof value === "bigint" ? value.toString() : value instanceof Uint8Array ? Buffer.from(value).toString("hex") : value,
  );

/** `ignore` lists "Table.column"s left out (bookkeeping a harmless request may touch, e.g. "Member.updatedAt"). */
export async function snapshotDatabase(prisma: Prisma, ignore: readonly string[] = []): Promise<DbSnapshot> {
  const tables = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const snapshot: DbSnapshot = {};
  for (const { name } of tables) {
    if (SKIPPED.has(name)) continue;
    const rows = await prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name.replaceAll('"', '""')}"`);
    const left = ignore.filter((c) => c.startsWith(`${name}.`)).map((c) => c.slice(name.length + 1));
    snapshot[name] = rows.map((row) => json(Object.fromEntries(Object.entries(row as object).filter(([k]) => !left.includes(k))))).sort();
  }
  return snapshot;
}

/** The tables whose rows differ between two snapshots, with the rows added and removed (empty: nothing changed). */
export function snapshotChanges(before: DbSnapshot, after: DbSnapshot): Record<string, { added: string[]; removed: string[] }> {
  const changes: Record<string, { added: string[]; removed: string[] }> = {};
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = new Set(before[table] ?? []);
    const now = new Set(after[table] ?? []);
    const added = [...now].filter((r) => !was.has(r));
    const removed = [...was].filter((r) => !now.has(r));
    if (added.length || removed.length) changes[table] = { added, removed };
  }
  return changes;
}

/**
 * Runs `act` and returns what it changed in the database. Callers assert `toEqual({})`; the diff in a failure names
 * the table and rows.
 */
export async function changesMadeBy(prisma: Prisma, act: () => Promise<unknown>, ignore: readonly string[] = []): Promise<ReturnType<typeof snapshotChanges>> {
  return (await answerAndChanges(prisma, act, ignore)).changes;
}

/** What `act` answered, with the changes it made: for "refused with this message, and nothing changed". */
export async function answerAndChanges<T>(
  prisma: Prisma,
  act: () => Promise<T>,
  ignore: readonly string[] = [],
): Promise<{ answer: T; changes: ReturnType<typeof snapshotChanges> }> {
  const before = await snapshotDatabase(prisma, ignore);
  const answer = await act();
  return { answer, changes: snapshotChanges(before, await snapshotDatabase(prisma, ignore)) };
}
