// A short private message: refusals with their reason, confirmations, usage hints.
import { type EmojiName, emoji, fromMarkup, line, type Message } from "./elements.js";
import type { PersonRef } from "./person.js";

export interface NoticeView {
  kind: "notice";
  tone: "error" | "info" | "success";
  /** Written with wowbot's light markup: *bold*, `commands`, and <@ID> for the `people` named. */
  text: string;
  people?: PersonRef[];
}

export const notice = (tone: NoticeView["tone"], text: string, people?: PersonRef[]): NoticeView => ({
  kind: "notice",
  tone,
  text,
  ...(people?.length ? { people } : {}),
});

const TONE: Record<NoticeView["tone"], EmojiName> = { error: "no_entry_sign", info: "information_source", success: "white_check_mark" };

export const noticeText = (view: NoticeView) => fromMarkup(view.text, view.people);

export function noticeMessage(view: NoticeView): Message {
  return { blocks: [line([emoji(TONE[view.tone]), " ", ...noticeText(view)], view.tone === "error" ? "error" : undefined)] };
}

/** The answer when a request failed on wowbot's side (the database or the platform's API did not answer). */
export const SOMETHING_WENT_WRONG = "Something went wrong on my side. Please try again in a moment.";
/** What a person is told when their request could not reach the database: nothing was saved, so trying again is safe. */
export const DATABASE_UNREACHABLE = "wowbot can't reach its database right now, so nothing was saved. Please try again in a minute.";
/** The title of the screen a form shows when it could not be sent for one of those reasons. */
export const FAILURE_TITLE = { unreachable: "Not saved", failed: "Something went wrong" } as const;
