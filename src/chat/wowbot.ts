// `wowbot <subcommand>`, platform-neutral: help, settings, roles, ingest tokens, the digest preview, stats, exports.

import { createApiToken, listApiTokens, revokeApiToken } from "../app/api-tokens.js";
import { changeRole } from "../app/change-role.js";
import { previewDigest } from "../app/digest.js";
import { memberStats } from "../app/member-home.js";
import { may } from "../app/policy.js";
import { ROLES, type Role } from "../domain/roles.js";
import { helpView } from "../views/help.js";
import type { View } from "../views/index.js";
import { notice } from "../views/notice.js";
import { commandWords, readName, userIdOfMention } from "./command-text.js";
import { exportCommand } from "./export.js";
import { type ChatRequest, type CommandOutcome, cmd, isKnown, type KnownRequest, NOT_PROVISIONED, PERSON_NOT_FOUND, reply } from "./request.js";
import { teamCommand } from "./team.js";

const SUBCOMMANDS = new Set(["settings", "role", "token", "digest", "export", "stats", "team"]);
const roleUsage = (req: ChatRequest) => `Usage: \`${cmd(req, "wowbot role")} @person agent|lead|admin\``;
const tokenUsage = (req: ChatRequest) =>
  `Usage: \`${cmd(req, "wowbot token create")} NAME\`, \`${cmd(req, "wowbot token list")}\` or \`${cmd(req, "wowbot token revoke")} NAME\` (admins).`;
const digestUsage = (req: ChatRequest) =>
  `Usage: \`${cmd(req, "wowbot digest")}\` for your team's digest (admins: the workspace's), or \`${cmd(req, "wowbot digest team")} NAME\` for a team's.`;
export const statsUsage = (req: ChatRequest) => `Usage: \`${cmd(req, "wowbot stats")}\` for your own figures (leads: \`${cmd(req, "wowbot stats")} @agent\`).`;

export async function wowbotCommand(req: ChatRequest, text: string): Promise<CommandOutcome> {
  const [sub = "help", ...args] = commandWords(text);
  const action = sub.toLowerCase();
  const prefix = req.platform.commandPrefix;
  if (action === "help") return reply(helpView(undefined, prefix));
  if (!SUBCOMMANDS.has(action)) return reply(helpView(text, prefix));
  // The subcommands act as someone in a workspace.
  if (!isKnown(req)) return reply(notice("error", NOT_PROVISIONED));
  switch (action) {
    case "settings": {
      const refused = may(req.member, "settings.change");
      if (refused) return reply(notice("error", refused.message));
      return { kind: "form", form: { kind: "form.settings", settings: req.workspace.settings, timezone: req.workspace.timezone, channels: [] } };
    }
    case "role":
      return reply(await roleCommand(req, args));
    case "token":
      return reply(await tokenCommand(req, args));
    case "digest": {
      // `digest` or `digest team NAME`.
      const team = /^\s*\S+\s+team\b([\s\S]*)$/i.exec(text)?.[1];
      const teamName = team === undefined ? undefined : (readName(team).name ?? "");
      if (teamName === "" || (team === undefined && args.length > 0)) return reply(notice("info", digestUsage(req)));
      const result = await previewDigest(req.ports, { workspace: req.workspace, member: req.member, teamName });
      return reply(result.ok ? result.value : notice("error", result.error.message));
    }
    case "export":
      return exportCommand(req, args);
    case "team":
      return reply(await teamCommand(req, text.trim().replace(/^\S+\s*/, "")));
    default:
      return reply(await statsCommand(req, args));
  }
}

/** `wowbot role @person agent|lead|admin` (admins). */
async function roleCommand(req: KnownRequest, args: string[]): Promise<View> {
  const target = userIdOfMention(args[0] ?? "");
  const role = args[1]?.toLowerCase();
  if (!target || !role || !ROLES.includes(role as Role) || args.length > 2) return notice("info", roleUsage(req));
  const person = await req.resolveMember(target);
  if (!person) return notice("error", PERSON_NOT_FOUND);
  const result = await changeRole(req.ports, { workspace: req.workspace, actor: req.member, target: person, role: role as Role });
  if (!result.ok) return notice("error", result.error.message);
  const { member: changed } = result.value;
  const aRole = `${changed.role === "lead" ? "a" : "an"} ${changed.role}`;
  return result.value.changed ? notice("success", `${changed.displayName} is now ${aRole}.`) : notice("info", `${changed.displayName} is already ${aRole}.`);
}

/** `wowbot token create|list|revoke`: ingest API tokens; a new token's secret is shown here once and never again. */
async function tokenCommand(req: KnownRequest, args: string[]): Promise<View> {
  const { ports, workspace, member } = req;
  const [action = "", ...rest] = args;
  const name = rest.join(" ");
  const day = (d: Date) => d.toISOString().slice(0, 10);
  switch (action.toLowerCase()) {
    case "create": {
      if (!name) return notice("info", tokenUsage(req));
      const result = await createApiToken(ports, { workspace, actor: member, name });
      if (!result.ok) return notice("error", result.error.message);
      return notice(
        "success",
        `Token "${result.value.token.name}" created. Copy it now, it is shown only this once:\n\`${result.value.secret}\`\nSend it as \`Authorization: Bearer <token>\` to /api/v1.`,
      );
    }
    case "list": {
      const result = await listApiTokens(ports, { workspace, actor: member });
      if (!result.ok) return notice("error", result.error.message);
      if (result.value.length === 0) return notice("info", `No ingest API tokens yet. Create one with \`${cmd(req, "wowbot token create")} NAME\`.`);
      const lines = result.value.map(
        (t) =>
          `• ${t.name} (${t.prefix}…): created ${day(t.createdAt)} by ${t.createdByName}, ${t.lastUsedAt ? `last used ${day(t.lastUsedAt)}` : "never used"}${t.revokedAt ? `, revoked ${day(t.revokedAt)}` : ""}`,
      );
      return notice("info", `Ingest API tokens:\n${lines.join("\n")}`);
    }
    case "revoke": {
      if (!name) return notice("info", tokenUsage(req));
      const result = await revokeApiToken(ports, { workspace, actor: member, name });
      if (!result.ok) return notice("error", result.error.message);
      return notice("success", `Token "${result.value.name}" revoked: requests with it are refused from now on.`);
    }
    default:
      return notice("info", tokenUsage(req));
  }
}

/** `wowbot stats [@member]`: what the App Home shows; leads may name someone, agents only see their own. */
async function statsCommand(req: KnownRequest, args: string[]): Promise<View> {
  const viewer = req.member;
  if (args.length > 1) return notice("info", statsUsage(req));
  const target = args[0] === undefined ? viewer.platformUserId : userIdOfMention(args[0]);
  if (!target) return notice("info", statsUsage(req));
  const member = target === viewer.platformUserId ? viewer : await req.resolveMember(target);
  if (!member) return notice("error", PERSON_NOT_FOUND);
  const result = await memberStats(req.ports, { workspace: req.workspace, viewer, member });
  if (result.ok) return result.value;
  // The way back to one's own figures, as this platform writes the command.
  const hint = result.error.code === "STATS.PRIVATE" ? ` Try \`${cmd(req, "wowbot stats")}\`.` : "";
  return notice("error", `${result.error.message}${hint}`);
}
