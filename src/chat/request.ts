// One chat request, platform-neutral: who asks, where, and how that platform writes commands. Adapters build it
// (provisioning the workspace and member their own way) and hand it to the shared commands, forms and actions.
import type { ExportRequest } from "../app/exports.js";
import type { Ports } from "../app/ports.js";
import type { GroupDirectory } from "../app/sync-team.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import type { FormView } from "../views/forms.js";
import type { View } from "../views/index.js";
import type { PlainText } from "./command-text.js";

export interface ChatPlatform {
  /** How a command is written: "/" on Slack ("/wow"), "" on Teams ("wow"); usage hints and help use it. */
  commandPrefix: string;
  /** The platform's markup in typed free text back to what the person wrote. */
  plain: PlainText;
}

export interface ChatRequest {
  ports: Ports;
  /** Null when the person could not be provisioned: only help works then. */
  workspace: WorkspaceRecord | null;
  member: MemberRecord | null;
  /** The channel the command was typed in (where a nomination is posted without a recognition channel), or null. */
  channel: string | null;
  /** The same for a retried request (idempotency of nominations, scores and paid-day requests). */
  requestKey: string;
  platform: ChatPlatform;
  /** A member of the request's workspace by platform user id (looked up and stored when unknown), or null. */
  resolveMember(platformUserId: string, options?: { refresh?: boolean }): Promise<MemberRecord | null>;
  /** The members of the platform's user groups and channels, where it has them (Slack: `team sync`). */
  groups?: GroupDirectory;
  /** Where refusals are noted (the adapter's logger): who was refused what, and why. */
  log?: RefusalLog;
}

/** The part of a logger that refusals need (pino's info), so this layer stays free of the logging library. */
export interface RefusalLog {
  info(fields: Record<string, unknown>, message: string): void;
}

/**
 * Notes a refused request at info with its reason, so an operator can see forged or mistaken requests: what was
 * asked (a command, button or form), by whom, and the message the person was given. Not an error: bad input is normal.
 */
export function noteRefusal(req: ChatRequest, what: string, reason: string | Record<string, string>): void {
  // Bounded: a message may quote what the person typed.
  const cut = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);
  reason = typeof reason === "string" ? cut(reason) : Object.fromEntries(Object.entries(reason).map(([k, v]) => [k, cut(v)]));
  req.log?.info(
    { workspace: req.workspace?.id ?? null, member: req.member?.platformUserId ?? null, role: req.member?.role ?? null, what, reason },
    "chat request refused",
  );
}

/** A ready request: the person is known. */
export type KnownRequest = ChatRequest & { workspace: WorkspaceRecord; member: MemberRecord };

export type CommandOutcome =
  /** A private answer. */
  | { kind: "reply"; view: View }
  /** Open this form (Slack modal, Teams dialog). */
  | { kind: "form"; form: FormView }
  /** Tell the person `preparing`, then build the file with buildExport and deliver it to them privately. */
  | { kind: "export"; request: ExportRequest; preparing: View };

export const reply = (view: View): CommandOutcome => ({ kind: "reply", view });

export const PERSON_NOT_FOUND = "I can't find that person in this workspace.";
/** When the person using wowbot could not be provisioned: nothing was done. */
export const NOT_PROVISIONED = "I couldn't look you up in this workspace. Try again in a moment.";

/** A command as the platform writes it: cmd(req, "wow @teammate") is "/wow @teammate" on Slack. */
export const cmd = (req: Pick<ChatRequest, "platform">, text: string) => `${req.platform.commandPrefix}${text}`;

export const isKnown = (req: ChatRequest): req is KnownRequest => req.workspace !== null && req.member !== null;
