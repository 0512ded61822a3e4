// Ingest API tokens (PRODUCT.md §5): created by admins per workspace, stored as a SHA-256 hash, shown once, listed
// without their secret, revoked by name. Creation and revocation are audit-logged.

import { createHash, randomBytes } from "node:crypto";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { type DomainError, fail, ok, type Result } from "../domain/result.js";
import { may } from "./policy.js";

export interface ApiTokenRecord {
  id: string;
  workspaceId: string;
  name: string;
  prefix: string;
  /** The actor: a platform user id, "cli" or "api:<token>". */
  createdBy: string;
  /** Who that is, as people read it: the member's name when the actor is one, else the actor as stored. */
  createdByName: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiTokenStore {
  /** Stores a new token with its audit entry; "name-taken" when an active token of the workspace has that name. */
  create(input: { workspaceId: string; name: string; hash: string; prefix: string; createdBy: string; at: Date }): Promise<ApiTokenRecord | "name-taken">;
  list(workspaceId: string): Promise<ApiTokenRecord[]>;
  /** Revokes the workspace's active token of that name with its audit entry; null when there is none. */
  revoke(workspaceId: string, name: string, by: string, at: Date): Promise<ApiTokenRecord | null>;
  /** The token (revoked or not) whose secret hashes to `hash`, with that stored hash; null when there is none. */
  findByHash(hash: string): Promise<(ApiTokenRecord & { hash: string }) | null>;
  /** Records a use at `at`, unless one at or after `since` is already recorded (replicas share the throttle). */
  touch(id: string, at: Date, since: Date): Promise<void>;
}

export const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;
const SECRET_PREFIX = "wowbot_";

/** The stored form of a secret: its hex SHA-256 (a token is 256 random bits, so no salt or slow hash is needed). */
export const hashToken = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

function checkName(name: string): DomainError | null {
  return TOKEN_NAME.test(name)
    ? null
    : {
        code: "TOKEN.BAD_NAME",
        field: "name",
        message: `"${name.slice(0, 80)}" can't name a token: use 1 to 64 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit.`,
      };
}

/** Creates a token; the secret is in the result and nowhere else, ever. `actor` is an admin member or "cli". */
export async function createApiToken(
  ports: { tokens: ApiTokenStore; clock: { now(): Date } },
  input: { workspace: WorkspaceRecord; actor: MemberRecord | "cli"; name: string },
): Promise<Result<{ token: ApiTokenRecord; secret: string }>> {
  if (input.actor !== "cli") {
    const refused = may(input.actor, "tokens.manage");
    if (refused) return fail(refused);
  }
  const name = input.name.trim();
  const bad = checkName(name);
  if (bad) return fail(bad);
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
  const token = await ports.tokens.create({
    workspaceId: input.workspace.id,
    name,
    hash: hashToken(secret),
    prefix: secret.slice(0, SECRET_PREFIX.length + 6),
    createdBy: input.actor === "cli" ? "cli" : input.actor.platformUserId,
    at: ports.clock.now(),
  });
  if (token === "name-taken") {
    return fail({
      code: "TOKEN.NAME_TAKEN",
      field: "name",
      message: `There is already an active token named "${name}": revoke it first or pick another name.`,
    });
  }
  return ok({ token, secret });
}

export async function listApiTokens(
  ports: { tokens: ApiTokenStore },
  input: { workspace: WorkspaceRecord; actor: MemberRecord | "cli" },
): Promise<Result<ApiTokenRecord[]>> {
  if (input.actor !== "cli") {
    const refused = may(input.actor, "tokens.manage");
    if (refused) return fail(refused);
  }
  return ok(await ports.tokens.list(input.workspace.id));
}

export async function revokeApiToken(
  ports: { tokens: ApiTokenStore; clock: { now(): Date } },
  input: { workspace: WorkspaceRecord; actor: MemberRecord | "cli"; name: string },
): Promise<Result<ApiTokenRecord>> {
  if (input.actor !== "cli") {
    const refused = may(input.actor, "tokens.manage");
    if (refused) return fail(refused);
  }
  const name = input.name.trim();
  const by = input.actor === "cli" ? "cli" : input.actor.platformUserId;
  const revoked = await ports.tokens.revoke(input.workspace.id, name, by, ports.clock.now());
  return revoked ? ok(revoked) : fail({ code: "TOKEN.NOT_FOUND", field: "name", message: `There is no active token named "${name.slice(0, 80)}".` });
}
