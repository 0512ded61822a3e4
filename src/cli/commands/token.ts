// `wowbot token create NAME | list | revoke NAME`: ingest API tokens from the terminal, recorded as made by "cli".
// create prints the secret alone on stdout (so `SECRET=$(wowbot token create nightly)` captures it); what people
// need to read (what was created, how to use it) goes to stderr.
import { createApiToken, listApiTokens, revokeApiToken } from "../../app/api-tokens.js";
import type { Config } from "../../config/env.js";
import { systemClock } from "../../domain/clock.js";
import { type Command, type OptionValues, stringOption } from "../command.js";
import { EXIT } from "../exit-codes.js";
import type { Output } from "../output.js";
import { withWorkspace } from "../workspace.js";

const tokenHelp = `Usage: wowbot token create NAME [--workspace ID]
       wowbot token list [--workspace ID]
       wowbot token revoke NAME [--workspace ID]

Bearer tokens for the ingest API (/api/v1). Only the token's SHA-256 is stored.

  create NAME  makes a token and prints its secret on stdout, alone, once: it cannot be shown again
               (SECRET=$(wowbot token create "Genesys nightly") captures it; notes go to stderr).
               NAME: 1 to 64 letters, digits, spaces, dots, dashes or underscores; unique among active tokens.
  list         every token of the workspace, tab-separated: name, prefix, created, created by, last used,
               revoked (secrets are never shown)
  revoke NAME  refuses the token from now on; the name can then be reused

Options:
  --workspace ID  the workspace: its wowbot id or the platform's id (Slack team id T...); needed when there are
                  several

Creations and revocations are audit-logged with the actor "cli".
Exit codes: 0 done; 1 refused (name taken or unusable, no such token) or database unavailable; 2 usage error;
3 invalid configuration.`;

export type TokenArgs = { action: "create" | "revoke"; name: string; workspace?: string } | { action: "list"; workspace?: string };

export function tokenArgs(positionals: string[], values: OptionValues): TokenArgs | { usage: string } {
  const [action, ...rest] = positionals;
  const workspace = stringOption(values, "workspace");
  if (typeof workspace === "object") return { usage: "--workspace needs a workspace id" };
  if (!action) return { usage: "say what to do: wowbot token create NAME, wowbot token list or wowbot token revoke NAME" };
  // A name may hold spaces, given as one quoted argument or as several words.
  const name = rest.join(" ").trim();
  switch (action) {
    case "list":
      if (rest.length) return { usage: `unexpected argument "${rest[0]}": wowbot token list takes no name` };
      return { action, workspace };
    case "create":
    case "revoke":
      if (!name) return { usage: `name the token: wowbot token ${action} NAME` };
      return { action, name, workspace };
    default:
      return { usage: `unknown action "${action}": use create, list or revoke` };
  }
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "-");

async function runToken(config: Config, args: TokenArgs, output: Output): Promise<number> {
  return withWorkspace(config, "token", args.workspace, output, async (repos, workspace) => {
    const ports = { tokens: repos.tokens, clock: systemClock };
    switch (args.action) {
      case "create": {
        const result = await createApiToken(ports, { workspace, actor: "cli", name: args.name });
        if (!result.ok) {
          output.err(`wowbot token: ${result.error.message}`);
          return EXIT.failure;
        }
        output.out(result.value.secret);
        output.err(`Token "${result.value.token.name}" created for ${workspace.name}. Its secret (above) is shown only this once.`);
        output.err("Send it as `Authorization: Bearer <token>` to /api/v1.");
        return EXIT.ok;
      }
      case "list": {
        const result = await listApiTokens(ports, { workspace, actor: "cli" });
        if (!result.ok) return EXIT.failure; // the CLI may always list
        if (result.value.length === 0) {
          output.err(`No ingest API tokens in ${workspace.name} yet. Create one with \`wowbot token create NAME\`.`);
          return EXIT.ok;
        }
        output.out(["name", "prefix", "created", "created by", "last used", "revoked"].join("\t"));
        for (const t of result.value) output.out([t.name, t.prefix, day(t.createdAt), t.createdByName, day(t.lastUsedAt), day(t.revokedAt)].join("\t"));
        return EXIT.ok;
      }
      case "revoke": {
        const result = await revokeApiToken(ports, { workspace, actor: "cli", name: args.name });
        if (!result.ok) {
          output.err(`wowbot token: ${result.error.message}`);
          return EXIT.failure;
        }
        output.out(`Token "${result.value.name}" revoked: requests with it are refused from now on.`);
        return EXIT.ok;
      }
    }
  });
}

export const tokenCommand: Command<TokenArgs> = {
  name: "token",
  summary: "create, list or revoke ingest API tokens (wowbot token create NAME)",
  help: tokenHelp,
  options: { workspace: { type: "string" } },
  parse: tokenArgs,
  run: runToken,
};
