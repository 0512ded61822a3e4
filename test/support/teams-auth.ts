// Bot Framework authentication, offline: a loopback OpenID metadata + JWKS server, RS256 tokens signed locally
// with jose as the Bot Connector would sign them, and outbound credentials with a fixed token (so the bot never
// asks login.microsoftonline.com for one).
import { createServer, type Server } from "node:http";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import type { CredentialsFactory } from "../../src/adapters/teams/teams-adapter.js";
import { closeServer, listenOnLoopback } from "./loopback.js";

/** The issuer of tokens the Bot Connector sends to bots (public cloud). */
export const CHANNEL_ISSUER = "https://api.botframework.com";
export const OUTBOUND_TOKEN = "test-outbound-token";

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

export class LocalOpenId {
  private server?: Server;
  private key?: PrivateKey;
  private jwk?: JWK;
  /** A key the metadata does not publish, under the same key id: a forged signature. */
  private forger?: PrivateKey;
  readonly kid = "wowbot-test-key";
  url = "";
  /** How often the metadata and keys were fetched. */
  fetches = 0;

  async start(): Promise<this> {
    const pair = await generateKeyPair("RS256", { extractable: true });
    this.key = pair.privateKey;
    this.jwk = { ...(await exportJWK(pair.publicKey)), kid: this.kid, use: "sig", alg: "RS256" };
    this.forger = (await generateKeyPair("RS256")).privateKey;
    this.server = createServer((req, res) => {
      this.fetches++;
      res.setHeader("content-type", "application/json");
      if (req.url === "/v1/.well-known/openidconfiguration") {
        res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${this.url}/v1/keys`, id_token_signing_alg_values_supported: ["RS256"] }));
      } else if (req.url === "/v1/keys") {
        // Teams keys are endorsed for the channels they may sign for.
        res.end(JSON.stringify({ keys: [{ ...this.jwk, endorsements: ["msteams"] }] }));
      } else {
        res.statusCode = 404;
        res.end("{}");
      }
    });
    this.url = await listenOnLoopback(this.server);
    return this;
  }

  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  /** A channel token for the bot (`audience` = its app id) and the activity's serviceUrl. */
  async token(options: { audience: string; serviceUrl: string; expiresInSeconds?: number; forged?: boolean; issuer?: string }): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + (options.expiresInSeconds ?? 600);
    const key = options.forged ? this.forger : this.key;
    if (!key) throw new Error("LocalOpenId not started");
    return new SignJWT({ serviceurl: options.serviceUrl })
      .setProtectedHeader({ alg: "RS256", kid: this.kid, typ: "JWT" })
      .setIssuer(options.issuer ?? CHANNEL_ISSUER)
      .setAudience(options.audience)
      .setIssuedAt(Math.min(now, exp - 60))
      .setNotBefore(Math.min(now, exp - 60))
      .setExpirationTime(exp)
      .sign(key);
  }
}

/** Outbound credentials that sign every Bot Connector call with a fixed token, for app id `appId` only. */
export function fixedTokenCredentials(appId: string): CredentialsFactory {
  return {
    isValidAppId: async (id: string) => id === appId,
    isAuthenticationDisabled: async () => false,
    createCredentials: async () => ({
      signRequest: async (resource: { headers: { set(name: string, value: string): void } }) => {
        resource.headers.set("authorization", `Bearer ${OUTBOUND_TOKEN}`);
        return resource;
      },
    }),
  } as unknown as CredentialsFactory;
}
