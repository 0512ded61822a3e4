// Slack mrkdwn escaping: user text must never turn into mentions (<!channel>) or links it did not write.

/** Escapes &, < and > as Slack requires, which also neutralises <!channel>, <!here> and <@U...> in user text. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
