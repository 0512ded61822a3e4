// `wowbot role @ID|EMAIL agent|lead|admin`: the operator's way back in when no admin is left (or the wrong person is
// one), with the same rules as `/wowbot role` and audit-logged with the actor "cli".
import { CLI_ACTOR, changeRole } from "../../app/change-role.js";
import type { Config } from "../../config/env.js";
import { ROLES, type Role } from "../../domain/roles.js";
import type { Command, OptionValues } from "../command.js";
import { stringOption } from "../command.js";
import { EXIT } from "../exit-codes.js";
import type { Output } from "../output.js";
import { withWorkspace } from "../workspace.js";

const roleHelp = `Usage: wowbot role @ID|EMAIL agent|lead|admin [--workspace ID]

Changes a member's role, as an admin would with /wowbot role: for getting back in when no admin is left.

  @ID|EMAIL  the person: their platform user id (Slack U..., Teams AAD object id), with or without the @, or the
             email wowbot knows them by (any case)

Options:
  --workspace ID  the workspace: its wowbot id or the platform's id (Slack team id T...); needed when there are
                  several

The same rules as in chat: a deactivated person cannot be promoted, the last admin cannot be demoted, and a person
listed in WOWBOT_ADMINS stays admin (take them off the list first). Changes are audit-logged with the actor "cli".
Exit codes: 0 changed or already so; 1 refused, unknown person or database unavailable; 2 usage error;
3 invalid configuration.`;

export interface RoleArgs {
  person: string;
  role: Role;
  workspace: string | undefined;
}

export function roleArgs(positionals: string[], values: OptionValues): RoleArgs | { usage: string } {
  const [person, role, extra] = positionals;
  const workspace = stringOption(values, "workspace");
  if (typeof workspace === "object") return { usage: "--workspace needs a workspace id" };
  if (!person || !role) return { usage: "name the person and the role: wowbot role @ID|EMAIL agent|lead|admin" };
  if (extra !== undefined) return { usage: `unexpected argument "${extra}"` };
  const wanted = role.toLowerCase();
  if (!(ROLES as readonly string[]).includes(wanted)) return { usage: `"${role}" is not a role: use agent, lead or admin` };
  return { person: person.replace(/^@/, ""), role: wanted as Role, workspace };
}

async function runRole(config: Config, args: RoleArgs, output: Output): Promise<number> {
  return withWorkspace(config, "role", args.workspace, output, async (repos, workspace) => {
    const { members } = repos;
    const found = await members.findByIdOrEmail(workspace.id, [args.person]);
    const [target, other] = found;
    if (!target || other) {
      output.err(
        target
          ? `wowbot role: "${args.person}" names ${found.length} members of ${workspace.name}: use their platform user id.`
          : `wowbot role: nobody in ${workspace.name} is known as "${args.person}": use their platform user id or email.`,
      );
      return EXIT.failure;
    }
    const result = await changeRole({ members, admins: config.admins }, { workspace, actor: CLI_ACTOR, target, role: args.role });
    if (!result.ok) {
      output.err(`wowbot role: ${result.error.message}`);
      return EXIT.failure;
    }
    const { member, changed } = result.value;
    const aRole = `${member.role === "lead" ? "a" : "an"} ${member.role}`;
    output.out(changed ? `${member.displayName} is now ${aRole} in ${workspace.name}.` : `${member.displayName} is already ${aRole} in ${workspace.name}.`);
    return EXIT.ok;
  });
}

export const roleCommand: Command<RoleArgs> = {
  name: "role",
  summary: "make a member an agent, lead or admin (wowbot role @ID|EMAIL admin)",
  help: roleHelp,
  options: { workspace: { type: "string" } },
  parse: roleArgs,
  run: runRole,
};
