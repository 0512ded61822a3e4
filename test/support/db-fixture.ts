// A migrated database opened through the real driver adapter, for repository tests.
import { type Database, openDatabase } from "../../src/db/database.js";
import { type FreshDatabase, freshDatabase } from "./databases.js";

export interface TestDatabase {
  db: Database;
  fresh: FreshDatabase;
  close(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const fresh = await freshDatabase();
  const db = await openDatabase(fresh.options);
  return {
    db,
    fresh,
    async close() {
      await db.close();
      await fresh.drop();
    },
  };
}
