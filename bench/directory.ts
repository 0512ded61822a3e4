// Directory sync benchmark (issue 20): a Slack directory of 50,000 people read through the local fake Slack (no delay)
// into PostgreSQL, as the directory job reads it: the first read (everyone new), then an unchanged re-read. Prints the
// time of each against the targets (15 s, 5 s), the statements per page (the same for every page), the RSS growth
// during each read (target under 50 MB), and, as the baseline in the same process, the time to page through the same
// fake directory without storing anything. npm run bench:directory runs Node with --expose-gc, to print the live heap
// after a full collection every 25 pages: flat when a read holds no more than a page.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { webApi } from "@slack/bolt";
import { slackDirectoryReader } from "../src/adapters/slack/slack-directory-reader.js";
import { syncDirectory } from "../src/app/sync-directory.js";
import { type Database, openDatabase, type SqlSession } from "../src/db/database.js";
import { DirectorySyncRepository } from "../src/db/directory-sync.repository.js";
import { applyMigrations } from "../src/db/migrate.js";
import { WorkspaceRepository } from "../src/db/workspace.repository.js";
import { systemClock } from "../src/domain/clock.js";
import { FakeSlack } from "../test/support/fake-slack.js";
import { ADMIN_URL, adminQuery, cleanUpOnInterrupt, dropDatabase, machineInfo } from "./lib.js";

const { values } = parseArgs({ options: { people: { type: "string", default: "50000" } } });
const people = Number(values.people);
if (!Number.isInteger(people) || people < 200 || people > 500_000) {
  console.error(`bench/directory.ts: --people must be an integer from 200 to 500000, got ${values.people}`);
  process.exit(2);
}
const TARGETS = { firstMs: 15_000, resyncMs: 5_000, rssGrowthMB: 50 };

/** The database with every statement counted, per page (the transaction's statements included). */
function counting(db: Database, counts: number[]): Database {
  const count = () => {
    counts[counts.length - 1] = (counts.at(-1) ?? 0) + 1;
  };
  const counted = (s: SqlSession): SqlSession => ({
    query: (text, params) => {
      count();
      return s.query(text, params);
    },
    exec: (script) => s.exec(script),
  });
  return {
    ...db,
    query: (text, params) => {
      count();
      return db.query(text, params);
    },
    transaction: (fn) => db.transaction((tx) => fn(counted(tx))),
  };
}

const rssMB = () => process.memoryUsage().rss / 1e6;

async function main() {
  machineInfo();
  const dbName = `wowbot_bench_directory_${randomBytes(4).toString("hex")}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const slack = await new FakeSlack().start();
  const cleanup = async () => {
    await slack.stop();
    await dropDatabase(dbName);
  };
  cleanUpOnInterrupt(cleanup);
  await adminQuery(`CREATE DATABASE "${dbName}"`);
  const db = await openDatabase({ databaseUrl: url.href });
  try {
    await applyMigrations(db);
    for (let i = 0; i < people; i++) {
      const id = `U${String(i).padStart(9, "0")}`;
      slack.addUser({
        id,
        name: `person-${i}`,
        email: `person-${i}@example.com`,
        tz: "America/New_York",
        isBot: i % 500 === 0,
        guest: i % 97 === 0 ? "multi" : undefined,
      });
    }
    // Only page answers are kept from here: the fake would otherwise hold every call's arguments.
    slack.calls.length = 0;
    const workspace = await new WorkspaceRepository(db).ensure({ platform: "slack", externalId: slack.teamId, name: "Bench", timezone: "UTC" });
    const client = new webApi.WebClient(undefined, { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
    const reader = slackDirectoryReader(client, "xoxb-bench", slack.teamId);

    // Baseline: the same pages read and mapped, nothing stored.
    let t0 = performance.now();
    let cursor: string | null = null;
    let pages = 0;
    do {
      cursor = (await reader.readPage(cursor)).next;
      pages++;
      slack.calls.length = 0;
    } while (cursor);
    const baselineMs = performance.now() - t0;
    console.log(`baseline: ${pages} pages of users.list read and mapped, nothing stored: ${(baselineMs / 1000).toFixed(2)} s`);

    const results: Record<string, unknown> = {};
    for (const label of ["first", "unchanged"]) {
      const counts: number[] = [];
      const store = new DirectorySyncRepository(counting(db, counts));
      const paging = {
        readPage: async (c: string | null) => {
          counts.push(0);
          slack.calls.length = 0;
          peak = Math.max(peak, rssMB());
          // Every 25 pages, what is still live after a full collection: flat when memory is bounded by a page.
          if (counts.length % 25 === 1 && global.gc) {
            global.gc();
            live.push(process.memoryUsage().heapUsed / 1e6);
          }
          return reader.readPage(c);
        },
      };
      global.gc?.();
      const before = rssMB();
      let peak = before;
      const live: number[] = [];
      t0 = performance.now();
      const outcome = await syncDirectory({ directorySyncs: store, admins: [], clock: systemClock }, workspace, paging);
      const ms = performance.now() - t0;
      peak = Math.max(peak, rssMB());
      // The claim and the completion are outside pages; every page costs the same statements.
      const perPage = [...new Set(counts.slice(1, -1))];
      const row = {
        ms: Math.round(ms),
        ratioToBaseline: Math.round((ms / baselineMs) * 100) / 100,
        pages: outcome.pages,
        added: outcome.added,
        changed: outcome.changed,
        statementsPerPage: perPage.join(" or "),
        rssGrowthMB: Math.round((peak - before) * 10) / 10,
        liveHeapGrowthMB: live.length ? Math.round((Math.max(...live) - (live[0] ?? 0)) * 10) / 10 : "run with --expose-gc",
      };
      results[label] = row;
      const target = label === "first" ? TARGETS.firstMs : TARGETS.resyncMs;
      console.log(
        `${label} read of ${people} people: ${(ms / 1000).toFixed(2)} s (target ${target / 1000} s, ${row.ratioToBaseline}x the baseline), ${row.pages} pages, ${row.added} added, ${row.changed} changed, ${row.statementsPerPage} statements per page, RSS growth ${row.rssGrowthMB} MB (target under ${TARGETS.rssGrowthMB} MB), live heap growth after collections ${row.liveHeapGrowthMB} MB`,
      );
    }
    const members = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Member"`);
    console.log(`members stored: ${members[0]?.n}`);
    console.log(JSON.stringify({ people, baselineMs: Math.round(baselineMs), ...results }));
  } finally {
    await db.close();
    await cleanup();
  }
}

await main();
