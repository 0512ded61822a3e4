// An offline check of the Block Kit limits Slack enforces (no validator exists offline; see TOOLCHAIN.md).
import { LIMITS } from "../../src/adapters/slack/limits.js";

type Block = Record<string, unknown>;

function texts(value: unknown, path: string, out: Array<{ path: string; text: string; type?: string }>): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) texts(v, `${path}[${i}]`, out);
  } else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.text === "string" && (o.type === "mrkdwn" || o.type === "plain_text")) out.push({ path, text: o.text, type: o.type });
    for (const [k, v] of Object.entries(o)) texts(v, `${path}.${k}`, out);
  }
}

/** Every limit a message or modal breaks, as readable lines; empty when Slack would accept it. */
export function blockKitProblems(given: {
  text?: string;
  blocks: readonly object[];
  type?: string;
  title?: { text: string };
  submit?: { text: string };
  private_metadata?: string;
}): string[] {
  const surface = { ...given, blocks: given.blocks as Block[] };
  const problems: string[] = [];
  const modal = surface.type === "modal" || surface.type === "home";
  const maxBlocks = modal ? LIMITS.blocksPerModal : LIMITS.blocksPerMessage;
  if (surface.blocks.length > maxBlocks) problems.push(`${surface.blocks.length} blocks (max ${maxBlocks})`);
  if (!modal && JSON.stringify(surface.blocks).length > LIMITS.messageBlocksChars)
    problems.push(`blocks total ${JSON.stringify(surface.blocks).length} characters`);
  if (surface.text && surface.text.length > LIMITS.messageText) problems.push(`text ${surface.text.length} characters`);
  if (surface.title && surface.title.text.length > LIMITS.modalTitle) problems.push(`modal title ${surface.title.text.length} characters`);
  if (surface.submit && surface.submit.text.length > LIMITS.modalButton) problems.push(`submit ${surface.submit.text.length} characters`);
  if (surface.private_metadata && surface.private_metadata.length > LIMITS.privateMetadata) problems.push("private_metadata too long");
  surface.blocks.forEach((block, i) => {
    const found: Array<{ path: string; text: string }> = [];
    texts(block, `blocks[${i}]`, found);
    for (const { path, text } of found) {
      const limit = block.type === "actions" ? LIMITS.buttonText : LIMITS.sectionText;
      if (text.length > limit) problems.push(`${path} is ${text.length} characters (max ${limit})`);
      if (text.length === 0) problems.push(`${path} is empty`);
    }
    for (const el of (block.elements as Block[] | undefined) ?? []) {
      if (typeof el.value === "string" && el.value.length > LIMITS.actionValue) problems.push(`blocks[${i}] button value too long`);
    }
  });
  return problems;
}
