// Mentions in Teams text ("<at>Ann</at>" plus a mention entity) to wowbot's neutral form "<@AAD|Ann>", so the
// shared parsers read "wow <@aad|Ann> great call". The bot's own mention is dropped.
import { type Mention, TeamsInfo, type TurnContext } from "botbuilder";
import { ensureMember } from "../../app/ensure-member.js";
import type { MemberRecord } from "../../domain/records.js";
import type { TeamsDeps } from "./deps.js";
import { teamsDirectory, toPlatformUser } from "./teams-directory.js";

/**
 * The member a mention points at, by AAD object id or "29:" account id: from the database, else from the
 * conversation roster (and then stored). Null when Teams does not know them either.
 */
export async function memberOfMention(
  deps: TeamsDeps,
  context: TurnContext,
  workspaceId: string,
  id: string,
  options: { refresh?: boolean } = {},
): Promise<MemberRecord | null> {
  if (id.startsWith("29:")) {
    const known = await deps.accounts.findByAccountId(workspaceId, id);
    if (known) return known;
    const account = await TeamsInfo.getMember(context, id).catch(() => null);
    if (!account) return null;
    const user = toPlatformUser(account);
    return ensureMember(deps.ports, { workspaceId, platformUserId: user.platformUserId, directory: { lookUp: async () => user } });
  }
  // `refresh` asks the roster again (a rule depends on the person's current state); the stored record stands when it can't say.
  return ensureMember(deps.ports, { workspaceId, platformUserId: id, directory: teamsDirectory(context), refresh: options.refresh ?? false });
}

/** Mentions are written "<at>Name</at>" in the text; names never contain "|" or ">" in the neutral form. */
const safeName = (name: string) => name.replace(/[|<>]/g, "").trim();

/** The activity's text with mentions normalised and HTML leftovers removed, trimmed. */
export async function normaliseText(deps: TeamsDeps, context: TurnContext, workspaceId: string): Promise<string> {
  const activity = context.activity;
  let text = activity.text ?? "";
  const mentions = (activity.entities ?? []).filter((e): e is Mention & { type: string } => e.type === "mention") as unknown as Mention[];
  for (const mention of mentions) {
    const tag = mention.text ?? `<at>${mention.mentioned?.name ?? ""}</at>`;
    const id = mention.mentioned?.id ?? "";
    let replacement = "";
    // A channel mentioned ("19:...@thread...") is a channel reference, as Slack writes one.
    if (id.startsWith("19:")) replacement = `<#${id}|${safeName(mention.mentioned?.name ?? "")}>`;
    else if (id && id !== activity.recipient?.id) {
      const member = await memberOfMention(deps, context, workspaceId, id);
      const name = safeName(member?.displayName ?? mention.mentioned?.name ?? "");
      // Someone Teams can't find either keeps their account id, so the command says "can't find that person" as on
      // Slack instead of reading the name as free text.
      replacement = `<@${member?.platformUserId ?? id}|${name}>`;
    }
    text = text.split(tag).join(replacement);
  }
  return text
    .replace(/<\/?at>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
