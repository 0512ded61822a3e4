// A short private message: refusals with their reason, confirmations, usage hints.

export interface NoticeView {
  kind: "notice";
  tone: "error" | "info" | "success";
  text: string;
}

export const notice = (tone: NoticeView["tone"], text: string): NoticeView => ({ kind: "notice", tone, text });
