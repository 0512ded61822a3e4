#!/usr/bin/env node
// The `wowbot` command: runs the compiled CLI (npm run build, which `npm start` does first).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
if (!existsSync(cli)) {
  console.error("wowbot is not built yet: run `npm run build` (or `npm start`, which builds first).");
  process.exit(1);
}
const { run } = await import(cli);
process.exit(await run(process.argv.slice(2)));
