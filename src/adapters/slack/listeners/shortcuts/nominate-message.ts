// Message shortcut "Nominate for a wow": the nomination form prefilled with the message's author, its permalink
// as the interaction reference, and its text quoted in the story.
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { STORY_MAX } from "../../../../domain/nomination.js";
import { renderForm } from "../../modal.js";
import { plainFromSlack } from "../../slack-text.js";

export const NOMINATE_MESSAGE_SHORTCUT = "nominate_for_wow";

/** The message quoted, leaving room in the story for the nominator's own words. */
export function quotedStory(text: string): string {
  const plain = plainFromSlack(text).trim();
  if (!plain) return "";
  const room = STORY_MAX - 400;
  const cut = plain.length > room ? `${plain.slice(0, room - 1)}…` : plain;
  return `${cut
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n")}\n\n`;
}

export async function nominateMessageShortcut({ shortcut, ack, client }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> {
  await ack();
  const channel = shortcut.channel.id;
  const permalink = await client.chat
    .getPermalink({ channel, message_ts: shortcut.message.ts })
    .then((r) => r.permalink)
    .catch(() => undefined); // a message the bot can't see still gets the form, just without the link
  // Only text is read as text: a message with a non-string author or text (a malformed payload) made the listener
  // throw, so no form opened and nothing said why; it now opens without those prefills.
  const { user, text } = shortcut.message as { user?: unknown; text?: unknown };
  const author = typeof user === "string" ? user : undefined;
  await client.views.open({
    trigger_id: shortcut.trigger_id,
    view: renderForm({
      kind: "form.nomination",
      channel,
      nominee: author ?? null,
      reference: permalink,
      story: quotedStory(typeof text === "string" ? text : ""),
    }),
  });
}
