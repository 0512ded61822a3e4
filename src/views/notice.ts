// A short private message: refusals with their reason, confirmations, usage hints.

export interface NoticeView {
  kind: "notice";
  tone: "error" | "info" | "success";
  text: string;
}

export const notice = (tone: NoticeView["tone"], text: string): NoticeView => ({ kind: "notice", tone, text });

/** The answer when a request failed on wowbot's side (the database or the platform's API did not answer). */
export const SOMETHING_WENT_WRONG = "Something went wrong on my side. Please try again in a moment.";
/** What a person is told when their request could not reach the database: nothing was saved, so trying again is safe. */
export const DATABASE_UNREACHABLE = "wowbot can't reach its database right now, so nothing was saved. Please try again in a minute.";
