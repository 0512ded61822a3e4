// Tests run on a real database: in-memory PGlite by default, PostgreSQL when DATABASE_URL is set.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each worker holds in-memory databases of a few hundred MB; two workers suit a 2-core machine.
    maxWorkers: 2,
  },
});
