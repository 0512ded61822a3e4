// manifests/teams/ validates offline against the newest Teams schema bundled by @microsoft/app-manifest, its icons are
// what Teams asks for, its command menu matches /wowbot help, and `npm run teams:package` builds an uploadable zip.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppManifestUtils } from "@microsoft/app-manifest";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { decodePng, readHeader } from "../../../scripts/lib/png.js";
import { ACCENT_COLOR, drawColorIcon, drawOutlineIcon } from "../../../scripts/lib/teams-icons.js";
import { APP_ID_PLACEHOLDER, buildPackage, HOST_PLACEHOLDER, packageOptions } from "../../../scripts/lib/teams-package.js";
import { COMMANDS } from "../../../src/views/help.js";

type Manifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
interface CommandList {
  scopes: string[];
  commands: Array<{ title: string; description: string }>;
}

const committed = JSON.parse(readFileSync("manifests/teams/manifest.json", "utf8"));
const APP_ID = "1b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d";
const HOST = "wowbot.contoso-support.org";
const validate = (manifest: unknown) => AppManifestUtils.validateAgainstSchema(manifest as Manifest);
const version = JSON.parse(readFileSync("package.json", "utf8")).version;

/** What a member types for each help line: "/wowbot token create|list|revoke [NAME]" -> "wowbot token". */
function helpTitles(): string[] {
  const titles = COMMANDS.map((c) => {
    const [first, second] = c.usage.replace(/^\//, "").split(" ");
    return first === "wowbot" ? `wowbot ${second}` : (first as string);
  });
  return [...new Set(titles)].sort();
}

describe("Teams app manifest (committed template)", () => {
  it("uses the newest schema version that @microsoft/app-manifest bundles, 1.25 or later", () => {
    const schemas = path.join(path.dirname(createRequire(import.meta.url).resolve("@microsoft/app-manifest")), "json-schemas/teams");
    const versions = readdirSync(schemas)
      .filter((d) => /^v\d+\.\d+$/.test(d))
      .map((d) => d.slice(1))
      .sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]));
    const newest = versions.at(-1) as string;
    expect(Number(newest.split(".")[1])).toBeGreaterThanOrEqual(25);
    expect(committed.manifestVersion).toBe(newest);
    expect(committed.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`);
  });

  it("validates against that schema offline with no errors", async () => {
    expect(await validate(committed)).toEqual([]);
  });

  it("the validator reports a broken manifest (so the test above can fail)", async () => {
    const broken = structuredClone(committed);
    broken.bots[0].botId = "not-a-uuid";
    broken.accentColor = "navy";
    const errors = await validate(broken);
    expect(errors.join("\n")).toMatch(/botId/);
    expect(errors.join("\n")).toMatch(/accentColor/);
  });

  it("holds placeholders, not a real app id or host", () => {
    expect(committed.id).toBe(APP_ID_PLACEHOLDER);
    expect(committed.bots[0].botId).toBe(APP_ID_PLACEHOLDER);
    expect(committed.validDomains).toEqual([HOST_PLACEHOLDER]);
  });

  it("declares one bot in personal, team and group chats that can send files (exports)", () => {
    expect(committed.bots).toHaveLength(1);
    expect([...committed.bots[0].scopes].sort()).toEqual(["groupChat", "personal", "team"]);
    expect(committed.bots[0].supportsFiles).toBe(true);
    expect(committed.icons).toEqual({ color: "color.png", outline: "outline.png" });
    expect(committed.accentColor).toBe(ACCENT_COLOR);
  });

  it("has one command menu per scope, each listing exactly the commands of wowbot help, within Teams' limits", () => {
    const lists = committed.bots[0].commandLists as CommandList[];
    expect(lists.map((l) => l.scopes).sort()).toEqual([["groupChat"], ["personal"], ["team"]]);
    for (const list of lists) {
      expect(list.commands.map((c) => c.title).sort()).toEqual(helpTitles());
      // The schema allows 12 commands, 128-character titles and 4,000-character descriptions; Teams clients have
      // long shown at most 32 and 128 characters, so the menu stays within those.
      expect(list.commands.length).toBeLessThanOrEqual(12);
      for (const c of list.commands) {
        expect(c.title.length).toBeLessThanOrEqual(32);
        expect(c.description.length, c.title).toBeLessThanOrEqual(128);
        expect(c.description.length, c.title).toBeGreaterThan(0);
      }
    }
  });
});

describe("Teams app icons", () => {
  const color = readFileSync("manifests/teams/color.png");
  const outline = readFileSync("manifests/teams/outline.png");

  it("are PNGs of exactly 192x192 (color) and 32x32 (outline)", () => {
    expect(readHeader(color)).toMatchObject({ width: 192, height: 192 });
    expect(readHeader(outline)).toMatchObject({ width: 32, height: 32 });
  });

  it("the outline icon is white on transparent only, and not empty", () => {
    const { rgba } = decodePng(outline);
    let opaque = 0;
    for (let at = 0; at < rgba.length; at += 4) {
      const alpha = rgba[at + 3] as number;
      if (alpha === 0) continue;
      expect([rgba[at], rgba[at + 1], rgba[at + 2]]).toEqual([255, 255, 255]);
      if (alpha === 255) opaque++;
    }
    expect(opaque).toBeGreaterThan(100);
    // Corners are transparent: a glyph, not a white square.
    expect(rgba[3]).toBe(0);
  });

  it("the color icon is opaque and shows the accent colour", () => {
    const { rgba } = decodePng(color);
    const accent = [1, 3, 5].map((i) => Number.parseInt(ACCENT_COLOR.slice(i, i + 2), 16));
    let accentPixels = 0;
    for (let at = 0; at < rgba.length; at += 4) {
      expect(rgba[at + 3]).toBe(255);
      if (rgba[at] === accent[0] && rgba[at + 1] === accent[1] && rgba[at + 2] === accent[2]) accentPixels++;
    }
    expect(accentPixels).toBeGreaterThan(192 * 192 * 0.1);
  });

  it("are what scripts/teams-icons.ts draws (npm run teams:icons redraws them)", () => {
    expect(decodePng(color).rgba).toEqual(drawColorIcon().rgba);
    expect(decodePng(outline).rgba).toEqual(drawOutlineIcon().rgba);
  });
});

describe("npm run teams:package", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("packs exactly manifest.json, color.png and outline.png with the app id and host filled in, and it validates", async () => {
    const { zip } = buildPackage({ appId: APP_ID, host: HOST });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const text = new TextDecoder().decode(files["manifest.json"]);
    const manifest = JSON.parse(text);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.validDomains).toEqual([HOST]);
    expect(manifest.developer.websiteUrl).toBe(`https://${HOST}/`);
    expect(manifest.version).toBe(version);
    expect(text).not.toContain(APP_ID_PLACEHOLDER);
    expect(text).not.toContain(HOST_PLACEHOLDER);
    expect(await validate(manifest)).toEqual([]);
    expect(Buffer.from(files["color.png"] as Uint8Array).equals(readFileSync("manifests/teams/color.png"))).toBe(true);
    expect(Buffer.from(files["outline.png"] as Uint8Array).equals(readFileSync("manifests/teams/outline.png"))).toBe(true);
  });

  it("takes the app id and host from the command line first, then MICROSOFT_APP_ID and PUBLIC_HOST", () => {
    const env = { MICROSOFT_APP_ID: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", PUBLIC_HOST: "from-env.example.org" };
    expect(packageOptions([], env)).toEqual({
      ok: true,
      options: { appId: env.MICROSOFT_APP_ID, host: "from-env.example.org", out: "dist/teams/wowbot-teams.zip" },
    });
    expect(packageOptions(["--app-id", APP_ID, `--host=https://${HOST}/`, "--out", "x.zip"], env)).toEqual({
      ok: true,
      options: { appId: APP_ID, host: HOST, out: "x.zip" },
    });
  });

  it.each([
    [{}, /app id is missing.*--app-id.*MICROSOFT_APP_ID/],
    [{ MICROSOFT_APP_ID: "not-a-uuid" }, /app id must be a UUID.*"not-a-uuid"/],
    [{ MICROSOFT_APP_ID: APP_ID_PLACEHOLDER }, /all-zero placeholder/],
  ])("refuses a missing or invalid app id (%o)", (env, message) => {
    const result = packageOptions([], { ...env, PUBLIC_HOST: HOST });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    [undefined, /public host is missing.*--host.*PUBLIC_HOST/],
    ["https://wowbot.example.org/api/messages", /host name such as .*no scheme, port or path.*api\/messages/],
    ["wowbot.example.org:8443", /host name such as/],
    ["localhost", /host name such as/],
    [HOST_PLACEHOLDER, /placeholder/],
  ])("refuses a missing or malformed public host (%s)", (host, message) => {
    const result = packageOptions([], { MICROSOFT_APP_ID: APP_ID, PUBLIC_HOST: host });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([expect.stringMatching(message)]);
  });

  it("the script writes the zip, and exits 2 with the reason on a bad app id", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wowbot-teams-"));
    dirs.push(dir);
    const out = path.join(dir, "app.zip");
    const run = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "scripts/teams-package.ts", ...args], { encoding: "utf8" });

    const good = run("--app-id", APP_ID, "--host", HOST, "--out", out);
    expect(good.stderr).toBe("");
    expect(good.status).toBe(0);
    expect(good.stdout).toContain(out);
    expect(Object.keys(unzipSync(readFileSync(out))).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);

    const bad = run("--app-id", "12345", "--host", HOST, "--out", path.join(dir, "bad.zip"));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/app id must be a UUID.*"12345"/);
    expect(readdirSync(dir)).toEqual(["app.zip"]);
  });
});
