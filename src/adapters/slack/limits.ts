// Block Kit limits (Slack docs, TOOLCHAIN.md) and text helpers that keep every rendered view inside them.

export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  sectionText: 3000,
  contextElementText: 3000,
  buttonText: 75,
  actionValue: 2000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  plainTextInputInitialValue: 3000,
  /** Slack rejects a message whose blocks add up to more than roughly this many characters (msg_blocks_too_long). */
  messageBlocksChars: 12_000,
  /** Top-level `text` of a message (notification fallback). */
  messageText: 4000,
} as const;

/**
 * Cuts text to at most `max` characters, ending with "…" and never splitting a Slack escape (&amp;) or link (<...>).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const amp = cut.lastIndexOf("&");
  if (amp !== -1 && !cut.slice(amp).includes(";")) cut = cut.slice(0, amp);
  const open = cut.lastIndexOf("<");
  if (open !== -1 && !cut.slice(open).includes(">")) cut = cut.slice(0, open);
  return `${cut}…`;
}

/** Splits long mrkdwn into chunks that each fit a section, at line breaks or spaces where possible. */
export function chunks(text: string, size: number, maxChunks: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > 0 && out.length < maxChunks) {
    if (rest.length <= size) {
      out.push(rest);
      rest = "";
      break;
    }
    let at = Math.max(rest.lastIndexOf("\n", size), rest.lastIndexOf(" ", size));
    if (at < size / 2) at = size;
    // Never split inside an escape or a link.
    const head = rest.slice(0, at);
    const amp = head.lastIndexOf("&");
    if (amp !== -1 && !head.slice(amp).includes(";")) at = amp;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\s+/, "");
  }
  if (rest.length > 0 && out.length) out[out.length - 1] = truncate(`${out[out.length - 1]}${rest}`, size);
  return out;
}
