// A short private message: refusals with their reason, confirmations, usage hints.
import { type EmojiName, emoji, fromMarkup, line, type Message } from "./elements.js";
import type { PersonRef } from "./person.js";

export interface NoticeView {
  kind: "notice";
  tone: "error" | "info" | "success";
  /** Written with wowbot's light markup: *bold*, `commands`, <@ID> for the `people` named and <#ID> for the `channels`. */
  text: string;
  people?: PersonRef[];
  channels?: Array<{ id: string; name: string }>;
}

export const notice = (tone: NoticeView["tone"], text: string, people?: PersonRef[], channels?: Array<{ id: string; name: string }>): NoticeView => ({
  kind: "notice",
  tone,
  text,
  ...(people?.length ? { people } : {}),
  ...(channels?.length ? { channels } : {}),
});

const TONE: Record<NoticeView["tone"], EmojiName> = { error: "no_entry_sign", info: "information_source", success: "white_check_mark" };

export const noticeText = (view: NoticeView) => fromMarkup(view.text, view.people, view.channels);

export function noticeMessage(view: NoticeView): Message {
  return { blocks: [line([emoji(TONE[view.tone]), " ", ...noticeText(view)], view.tone === "error" ? "error" : undefined)] };
}

/** The answer when a request failed on wowbot's side (the database or the platform's API did not answer). */
export const SOMETHING_WENT_WRONG = "Something went wrong on my side. Please try again in a moment.";
/** What a person is told when their request could not reach the database: nothing was saved, so trying again is safe. */
export const DATABASE_UNREACHABLE = "wowbot can't reach its database right now, so nothing was saved. Please try again in a minute.";
/** The title of the screen a form shows when it could not be sent for one of those reasons. */
export const FAILURE_TITLE = { unreachable: "Not saved", failed: "Something went wrong" } as const;

/** In a channel, where the answer is someone's own business: it went to the 1:1 chat instead. */
export const SENT_PRIVATELY = "I've sent you the answer in our private chat.";
/** A button whose data is not what wowbot's own messages send (malformed or forged). */
export const BUTTON_NOT_VALID = "That button isn't valid any more. Nothing was changed.";
/** A button or dialog of a feature this platform does not have yet. */
export const NOT_AVAILABLE = "This isn't available in Teams yet.";
/** A dialog opened or sent with data that is not one of wowbot's forms. */
export const FORM_NOT_OPENED = "This form can't be opened here.";
export const FORM_NOT_SENT = "This form can't be sent from here.";
/** A channel chosen in a form that wowbot is not in (Teams lists the channels it knows). */
export const UNKNOWN_CHANNEL = "wowbot isn't in that channel: add wowbot to its team, then choose the channel here.";
/** An export whose file-consent answer cannot be matched to a request. */
export const EXPORT_UNREADABLE = "I couldn't read which export this was. Nothing was shared: ask for it again with `wowbot export`.";

const size = (bytes: number) =>
  bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** What an export file is, where the platform asks the person to accept it first (Teams' file consent). */
export const exportOffer = (kind: string, rows: number, bytes: number) =>
  `Your ${kind} export: ${rows} ${rows === 1 ? "row" : "rows"}, ${size(bytes)}. Allow me to save it to your OneDrive to get it.`;
