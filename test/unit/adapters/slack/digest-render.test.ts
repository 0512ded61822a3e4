// The lead digest for a 500-member team at its worst (every list full, the longest stories and references people can
// write, many pending requests and missed days) stays inside Block Kit's limits, summarises with "and N more", and
// never turns user text into a mention or a link.
import { describe, expect, it } from "vitest";
import { renderMessage } from "../../../../src/adapters/slack/block-kit.js";
import { DIGEST_LIST_MAX, DIGEST_REQUESTS_MAX } from "../../../../src/domain/digest.js";
import { type DigestFacts, digestView } from "../../../../src/views/digest.js";
import { blockKitProblems } from "../../../support/block-kit-limits.js";
import { WORST_TEAM as TEAM, worstDigestFacts } from "../../../support/view-fixtures.js";

const person = (i: number) => ({ platformUserId: `U${String(i).padStart(10, "0")}`, displayName: `${"Maximiliane von Hohenzollern ".repeat(8)}<!here> ${i}` });

const worst: DigestFacts = worstDigestFacts({
  person,
  workspaceName: `${"A very long workspace name ".repeat(10)}<!channel>`,
  story: `<!channel> ${"&<>".repeat(666)}`,
  reference: `<!channel> ${"x".repeat(190)}`,
  requestId: (i) => `00000000-0000-4000-8000-00000000000${i}`,
});

describe("the digest in Slack", () => {
  it("fits Block Kit's limits for a 500-member team at its worst, as the digest and as a preview", () => {
    for (const preview of [false, true]) {
      const message = renderMessage(digestView(worst, { preview }));
      expect(blockKitProblems(message)).toEqual([]);
    }
  });

  it("summarises long lists with 'and N more' and keeps every pending request's buttons", () => {
    const message = renderMessage(digestView(worst));
    const text = JSON.stringify(message.blocks);
    expect(text).toContain(`and ${TEAM - DIGEST_LIST_MAX} more`);
    expect(text).toContain("No digest was sent for 200 workdays (2026-03-02, 2026-03-03, 2026-03-04, 2026-03-05, 2026-03-06 and 195 more)");
    expect(text).toContain(`…and ${TEAM - DIGEST_REQUESTS_MAX} more requests`);
    const buttons = message.blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements as Array<{ action_id: string }>);
    expect(buttons.map((b) => b.action_id)).toEqual(Array.from({ length: DIGEST_REQUESTS_MAX }, () => ["pto.approve", "pto.decline"]).flat());
  });

  it("never lets user text mention or link", () => {
    const text = JSON.stringify(renderMessage(digestView(worst)));
    expect(text).not.toContain("<!channel>");
    expect(text).not.toContain("<!here>");
    expect(text).toContain("&lt;!channel&gt;");
  });
});
