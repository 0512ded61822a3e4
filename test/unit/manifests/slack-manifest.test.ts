// manifests/slack/manifest.yml validates against Slack's official app manifest schema and declares everything
// the code listens for: commands, the message shortcut, events, and one request URL for all of them.
import { existsSync, readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SLASH_COMMANDS } from "../../../src/adapters/slack/listeners/index.js";

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;
const manifest = parse(readFileSync("manifests/slack/manifest.yml", "utf8"));
// Slack's schema (MIT) sits beside the repository on the team's machines and in CI, not in the repository.
const schemaPath = "../shared/reference/slack-manifest.schema.1.0.0.json";
const schema = existsSync(schemaPath) ? JSON.parse(readFileSync(schemaPath, "utf8")) : undefined;
const listeners = readFileSync("src/adapters/slack/listeners/index.ts", "utf8");

describe("Slack app manifest", () => {
  it.skipIf(!schema)("validates against Slack's official manifest schema", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.skipIf(!schema)("the validator rejects a broken manifest (so the test above can fail)", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    expect(ajv.compile(schema)({ ...manifest, display_information: { name: "" } })).toBe(false);
  });

  it("declares every slash command the code handles, all on /slack/events", () => {
    const handled = SLASH_COMMANDS.map((name) => `/${name}`).sort();
    const declared = (manifest.features.slash_commands as Array<{ command: string; url: string }>).map((c) => c.command).sort();
    expect(declared).toEqual(handled);
    for (const c of manifest.features.slash_commands) expect(c.url).toBe("https://YOUR_HOST/slack/events");
    expect(manifest.settings.interactivity.request_url).toBe("https://YOUR_HOST/slack/events");
    expect(manifest.settings.event_subscriptions.request_url).toBe("https://YOUR_HOST/slack/events");
  });

  it("declares the message shortcut and the events the code listens for", () => {
    const shortcuts = (manifest.features.shortcuts as Array<{ callback_id: string }>).map((s) => s.callback_id);
    expect(shortcuts).toContain("nominate_for_wow");
    const events = [...listeners.matchAll(/app\.event\("([^"]+)"/g)].map((m) => m[1]);
    for (const event of events) expect(manifest.settings.event_subscriptions.bot_events).toContain(event);
  });
});
