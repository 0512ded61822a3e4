// The daily lead digest (PRODUCT.md §4): built for a workspace and the local day it is delivered on, from the data of
// the days since the previous digest's; previewed privately by leads (/wowbot digest) and printed by `wowbot digest
// --print`.

import { localDate } from "../domain/local-time.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { fail, ok, type Result } from "../domain/result.js";
import { type DigestFacts, type DigestView, digestView } from "../views/digest.js";
import { may } from "./policy.js";

/** The digest's reads: a fixed number of queries whatever the size of the team or its history. */
export interface DigestSource {
  /** Facts for the digest delivered on `day`, covering the days since those the previous digest covered. */
  facts(workspace: WorkspaceRecord, day: string): Promise<DigestFacts>;
}

/**
 * The digest delivered on `day` (a local date in the workspace time zone). `closePending`: it goes out before the
 * day's attendance run (period close) finished, so it says the close results may be missing.
 */
export async function buildDigest(
  source: DigestSource,
  workspace: WorkspaceRecord,
  day: string,
  options: { preview?: boolean; closePending?: boolean } = {},
): Promise<DigestView> {
  return digestView(await source.facts(workspace, day), options);
}

/** Today's digest, privately, for a lead or admin; agents are refused (the use case checks, not only the UI). */
export async function previewDigest(
  ports: { digest: DigestSource; clock: { now(): Date } },
  input: { workspace: WorkspaceRecord; member: MemberRecord },
): Promise<Result<DigestView>> {
  const refused = may(input.member, "digest.preview");
  if (refused) return fail(refused);
  const today = localDate(ports.clock.now(), input.workspace.timezone);
  return ok(await buildDigest(ports.digest, input.workspace, today, { preview: true }));
}
