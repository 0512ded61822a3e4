// `npm run teams:package`: writes dist/teams/wowbot-teams.zip, the Teams app to upload (see the README's Teams section).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readEnvironment } from "../src/config/env.js";
import { buildPackage, packageOptions, USAGE } from "./lib/teams-package.js";

const result = packageOptions(process.argv.slice(2), readEnvironment());
if (!result.ok) {
  for (const problem of result.problems) console.error(problem);
  console.error(USAGE);
  process.exit(2);
}
const { options } = result;
const { zip } = buildPackage(options);
mkdirSync(path.dirname(options.out), { recursive: true });
writeFileSync(options.out, zip);
console.log(`wrote ${options.out} (app id ${options.appId}, host ${options.host}): upload it in Teams -> Apps -> Manage your apps -> Upload an app`);
