// Who is calling the ingest API: the bearer secret is hashed and looked up, the stored hash compared in constant time,
// revoked tokens refused. Last use is recorded at most once a minute per token, so a burst of requests writes once.
import { timingSafeEqual } from "node:crypto";
import { type DomainError, fail, ok, type Result } from "../domain/result.js";
import { type ApiTokenRecord, type ApiTokenStore, hashToken } from "./api-tokens.js";

export const LAST_USED_EVERY_MS = 60_000;

export type TokenRefusal = DomainError & { code: "TOKEN.MISSING" | "TOKEN.MALFORMED" | "TOKEN.INVALID" | "TOKEN.REVOKED" };

/**
 * The token an Authorization header carries. The messages say what to fix; a wrong secret and one that never existed
 * read the same, and only the holder of a revoked token's secret learns that it was revoked.
 */
export async function authenticateApiToken(
  ports: { tokens: ApiTokenStore; clock: { now(): Date } },
  authorization: string | undefined,
  recentlyTouched: Map<string, number>,
): Promise<Result<ApiTokenRecord, TokenRefusal>> {
  if (!authorization?.trim()) {
    return fail({
      code: "TOKEN.MISSING",
      message: "Send an ingest API token in the header Authorization: Bearer <token> (admins create one with /wowbot token create NAME).",
    });
  }
  const match = /^Bearer +(\S+) *$/i.exec(authorization.trim());
  if (!match?.[1]) return fail({ code: "TOKEN.MALFORMED", message: "The Authorization header must be exactly: Bearer <token>." });
  const hash = hashToken(match[1]);
  const token = await ports.tokens.findByHash(hash);
  // The lookup is by hash, so the secret itself is never compared; the constant-time check keeps it that way for
  // whatever index or cache answers the lookup.
  if (!token || !timingSafeEqual(Buffer.from(token.hash, "utf8"), Buffer.from(hash, "utf8"))) {
    return fail({ code: "TOKEN.INVALID", message: "This token is not valid: check it was copied whole, or ask an admin for a new one." });
  }
  if (token.revokedAt) return fail({ code: "TOKEN.REVOKED", message: `This token ("${token.name}") was revoked: ask an admin for a new one.` });
  const now = ports.clock.now();
  const last = recentlyTouched.get(token.id);
  if (last === undefined || now.getTime() - last >= LAST_USED_EVERY_MS) {
    recentlyTouched.set(token.id, now.getTime());
    await ports.tokens.touch(token.id, now, new Date(now.getTime() - LAST_USED_EVERY_MS));
  }
  return ok(token);
}
