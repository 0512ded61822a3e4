// Builds the Teams app package: manifests/teams/manifest.json with the app id and public host filled in, plus the
// two icons, zipped flat. The committed manifest holds placeholders that themselves validate (an all-zero UUID and
// wowbot.example.com), so the same file is checked by the schema test and filled here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";

/** Stands for the bot's Microsoft app id (manifest id and bots[0].botId) in the committed manifest. */
export const APP_ID_PLACEHOLDER = "00000000-0000-0000-0000-000000000000";
/** Stands for the service's public host name (validDomains and the developer URLs) in the committed manifest. */
export const HOST_PLACEHOLDER = "wowbot.example.com";
export const MANIFEST_DIR = "manifests/teams";
export const DEFAULT_OUT = "dist/teams/wowbot-teams.zip";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A DNS name of two or more labels: what Teams accepts in validDomains and what the messaging endpoint is served on.
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;

export interface PackageOptions {
  appId: string;
  host: string;
  out: string;
}

export type OptionsResult = { ok: true; options: PackageOptions } | { ok: false; problems: string[] };

export const USAGE = "usage: npm run teams:package -- [--app-id <uuid>] [--host <public host>] [--out <file.zip>]";

/** Command-line options win; MICROSOFT_APP_ID and PUBLIC_HOST (environment or .env) are the fallbacks. */
export function packageOptions(argv: readonly string[], env: Record<string, string | undefined>): OptionsResult {
  const problems: string[] = [];
  const given: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (flag !== "--app-id" && flag !== "--host" && flag !== "--out") {
      problems.push(`unknown option ${JSON.stringify(arg)}`);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith("--")) problems.push(`${flag} needs a value`);
    else given[flag] = value;
  }

  const appId = (given["--app-id"] ?? env.MICROSOFT_APP_ID ?? "").trim();
  if (!appId) {
    problems.push("The Microsoft app id is missing: pass --app-id <uuid> or set MICROSOFT_APP_ID (Azure Bot -> Configuration -> Microsoft App ID)");
  } else if (!UUID.test(appId)) {
    problems.push(`The Microsoft app id must be a UUID such as 1b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d, got ${JSON.stringify(appId)}`);
  } else if (appId === APP_ID_PLACEHOLDER) {
    problems.push("The Microsoft app id is the all-zero placeholder: use your Azure Bot's Microsoft App ID");
  }

  let host = (given["--host"] ?? env.PUBLIC_HOST ?? "").trim();
  // An https URL is accepted for convenience, as long as it is nothing but a host.
  const url = /^https:\/\//i.test(host) && URL.canParse(host) ? new URL(host) : undefined;
  if (url && !url.port && (url.pathname === "/" || url.pathname === "") && !url.search && !url.username) host = url.hostname;
  if (!host) {
    problems.push("The public host is missing: pass --host <host name> or set PUBLIC_HOST (e.g. wowbot.example.org, the host of https://<host>/api/messages)");
  } else if (!HOST.test(host)) {
    problems.push(`The public host must be a host name such as wowbot.example.org (no scheme, port or path), got ${JSON.stringify(host)}`);
  } else if (host.toLowerCase() === HOST_PLACEHOLDER) {
    problems.push(`The public host is the placeholder ${HOST_PLACEHOLDER}: use the host name your wowbot service is reachable on`);
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, options: { appId: appId.toLowerCase(), host: host.toLowerCase(), out: given["--out"] ?? DEFAULT_OUT } };
}

/** The committed manifest with the app id, host and app version filled in. */
export function fillManifest(template: string, appId: string, host: string, version: string): Record<string, unknown> {
  const filled = template.split(APP_ID_PLACEHOLDER).join(appId).split(HOST_PLACEHOLDER).join(host);
  const manifest = JSON.parse(filled) as Record<string, unknown>;
  // Teams only replaces an uploaded app when the version changes, so the package carries wowbot's own version.
  manifest.version = version;
  return manifest;
}

/** The zip's bytes: manifest.json, color.png and outline.png at the root, as Teams expects. */
export function buildPackage(options: Pick<PackageOptions, "appId" | "host">, dir = MANIFEST_DIR): { zip: Uint8Array; manifest: Record<string, unknown> } {
  const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
  const manifest = fillManifest(readFileSync(path.join(dir, "manifest.json"), "utf8"), options.appId, options.host, version);
  // A fixed date keeps the zip byte-identical for the same inputs.
  const mtime = new Date("2020-01-01T00:00:00Z");
  const zip = zipSync(
    {
      "manifest.json": [new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), { mtime }],
      "color.png": [readFileSync(path.join(dir, "color.png")), { mtime }],
      "outline.png": [readFileSync(path.join(dir, "outline.png")), { mtime }],
    },
    { level: 9 },
  );
  return { zip, manifest };
}
