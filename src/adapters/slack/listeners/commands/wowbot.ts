// `/wowbot <subcommand>`: help, settings, roles, ingest tokens, the digest preview, stats and exports.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { createApiToken, listApiTokens, revokeApiToken } from "../../../../app/api-tokens.js";
import { changeRole } from "../../../../app/change-role.js";
import { previewDigest } from "../../../../app/digest.js";
import type { MemberRecord, WorkspaceRecord } from "../../../../app/ports.js";
import { mayChangeSettings } from "../../../../app/update-settings.js";
import { ROLES, type Role } from "../../../../domain/roles.js";
import { helpView } from "../../../../views/help.js";
import type { View } from "../../../../views/index.js";
import { notice } from "../../../../views/notice.js";
import type { SlackDeps } from "../../deps.js";
import { memberOf, NOT_PROVISIONED, PERSON_NOT_FOUND, provision } from "../../provision.js";
import { renderMessage } from "../../render/index.js";
import { settingsModal } from "../../render/settings-modal.js";
import { userIdOfMention } from "../../slack-text.js";
import { exportToDm } from "./wowbot-export.js";
import { statsCommand } from "./wowbot-stats.js";

const SUBCOMMANDS = new Set(["settings", "role", "token", "digest", "export", "stats"]);
const ROLE_USAGE = "Usage: `/wowbot role @person agent|lead|admin`";
const TOKEN_USAGE = "Usage: `/wowbot token create NAME`, `/wowbot token list` or `/wowbot token revoke NAME` (admins).";

/** `/wowbot token create|list|revoke`: ingest API tokens; a new token's secret is shown here once and never again. */
async function tokenCommand(deps: SlackDeps, workspace: WorkspaceRecord, member: MemberRecord, args: string[]): Promise<View> {
  const [action = "", ...rest] = args;
  const name = rest.join(" ");
  const day = (d: Date) => d.toISOString().slice(0, 10);
  switch (action.toLowerCase()) {
    case "create": {
      if (!name) return notice("info", TOKEN_USAGE);
      const result = await createApiToken(deps.ports, { workspace, actor: member, name });
      if (!result.ok) return notice("error", result.error.message);
      return notice(
        "success",
        `Token "${result.value.token.name}" created. Copy it now, it is shown only this once:\n\`${result.value.secret}\`\nSend it as \`Authorization: Bearer <token>\` to /api/v1.`,
      );
    }
    case "list": {
      const result = await listApiTokens(deps.ports, { workspace, actor: member });
      if (!result.ok) return notice("error", result.error.message);
      if (result.value.length === 0) return notice("info", "No ingest API tokens yet. Create one with `/wowbot token create NAME`.");
      const lines = result.value.map(
        (t) =>
          `• ${t.name} (${t.prefix}…): created ${day(t.createdAt)} by ${t.createdBy}, ${t.lastUsedAt ? `last used ${day(t.lastUsedAt)}` : "never used"}${t.revokedAt ? `, revoked ${day(t.revokedAt)}` : ""}`,
      );
      return notice("info", `Ingest API tokens:\n${lines.join("\n")}`);
    }
    case "revoke": {
      if (!name) return notice("info", TOKEN_USAGE);
      const result = await revokeApiToken(deps.ports, { workspace, actor: member, name });
      if (!result.ok) return notice("error", result.error.message);
      return notice("success", `Token "${result.value.name}" revoked: requests with it are refused from now on.`);
    }
    default:
      return notice("info", TOKEN_USAGE);
  }
}

export function wowbotCommand(deps: SlackDeps) {
  return async ({ command, ack, respond, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    // Acknowledge first; answers go privately through the command's response_url.
    await ack();
    const reply = async (view: View) => {
      await respond({ response_type: "ephemeral", ...renderMessage(view) });
    };
    const [sub = "help", ...args] = command.text.trim().split(/\s+/).filter(Boolean);
    const { workspace, member } = await provision(deps, context, client);
    const action = sub.toLowerCase();
    if (action === "help") return reply(helpView());
    if (!SUBCOMMANDS.has(action)) return reply(helpView(command.text));
    // The subcommands act as someone in a workspace.
    if (!workspace || !member) return reply(notice("error", NOT_PROVISIONED));
    switch (action) {
      case "settings": {
        const refused = mayChangeSettings(member);
        if (refused) return reply(notice("error", refused.message));
        await client.views.open({ trigger_id: command.trigger_id, view: settingsModal(workspace.settings, workspace.timezone) });
        return;
      }
      case "role": {
        const target = userIdOfMention(args[0] ?? "");
        const role = args[1]?.toLowerCase();
        if (!target || !role || !ROLES.includes(role as Role) || args.length > 2) return reply(notice("info", ROLE_USAGE));
        const person = await memberOf(deps, context, client, workspace.id, target);
        if (!person) return reply(notice("error", PERSON_NOT_FOUND));
        const result = await changeRole(deps.ports, { workspace, actor: member, target: person, role: role as Role });
        if (!result.ok) return reply(notice("error", result.error.message));
        const { member: changed } = result.value;
        const aRole = `${changed.role === "lead" ? "a" : "an"} ${changed.role}`;
        return reply(
          result.value.changed ? notice("success", `${changed.displayName} is now ${aRole}.`) : notice("info", `${changed.displayName} is already ${aRole}.`),
        );
      }
      case "token":
        return reply(await tokenCommand(deps, workspace, member, args));
      case "digest": {
        const result = await previewDigest(deps.ports, { workspace, member });
        return reply(result.ok ? result.value : notice("error", result.error.message));
      }
      case "export":
        return exportToDm(deps, client, workspace, member, args, reply);
      case "stats":
        return reply(await statsCommand(deps, context, client, workspace, member, args));
    }
  };
}
