#!/usr/bin/env node
// The `wowbot` command: runs the compiled CLI (npm run build, which `npm start` does first).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
if (!existsSync(cli)) {
  console.error("wowbot is not built yet: run `npm run build` (or `npm start`, which builds first).");
  process.exit(1);
}
// While the CLI's modules load nothing has started, so a signal then simply ends the process (exit 0) instead of
// killing it; `wowbot serve` installs its own handlers before it opens anything.
const early = () => process.exit(0);
process.once("SIGTERM", early);
process.once("SIGINT", early);
const { run } = await import(cli);
process.off("SIGTERM", early);
process.off("SIGINT", early);
process.exit(await run(process.argv.slice(2)));
