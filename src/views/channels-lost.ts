// The DM admins get when wowbot can no longer post in some channels (removed from their team): which settings were
// cleared and where those messages go now.
import { type NoticeView, notice } from "./notice.js";

const list = (words: readonly string[]) => (words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`);

export function channelsLostView(channels: readonly string[], cleared: readonly string[]): NoticeView {
  const lines = [`wowbot can no longer post in ${list(channels.map((c) => `"${c}"`))}: it was removed from the team, or lost access.`];
  if (cleared.includes("leadsChannel")) lines.push("That was the leads channel: digests and paid-day requests now go to each lead by DM.");
  if (cleared.includes("recognitionChannel"))
    lines.push("That was the recognition channel: wows now go to the channel where they are made, and there is no attendance post.");
  lines.push("Choose other channels with `wowbot settings`.");
  return notice("info", lines.join("\n"));
}
