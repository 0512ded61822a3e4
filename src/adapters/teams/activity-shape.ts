// The shape of an incoming Teams activity, checked once at the edge (zod): every field wowbot reads has the type it
// expects, so a forged activity (a numeric text, entities that are not a list, a numeric tenant or mention id, no
// conversation) gets a clear 400 instead of a generic answer deep in a handler. Fields wowbot does not read pass.
import { z } from "zod";

const text = z.string().nullish();
const account = z.looseObject({ id: text, name: text, aadObjectId: text, role: text });
const idOnly = z.looseObject({ id: text, name: text });

export const activityShape = z.looseObject({
  type: z.string().min(1),
  id: text,
  name: text,
  text,
  serviceUrl: text,
  channelId: text,
  replyToId: text,
  from: account.nullish(),
  recipient: account.nullish(),
  conversation: z.looseObject({ id: z.string().min(1), tenantId: text, conversationType: text, isGroup: z.boolean().nullish() }),
  entities: z.array(z.looseObject({ type: text, text, mentioned: account.nullish() })).nullish(),
  membersAdded: z.array(account).nullish(),
  membersRemoved: z.array(account).nullish(),
  channelData: z
    .looseObject({
      tenant: idOnly.nullish(),
      team: z.looseObject({ id: text, name: text, aadGroupId: text }).nullish(),
      channel: idOnly.nullish(),
      eventType: text,
    })
    .nullish(),
});

/** The first problem of a body that is not an activity wowbot can read, as one sentence; null when it is one. */
export function activityProblem(body: unknown): string | null {
  const parsed = activityShape.safeParse(body);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "the body";
  if (issue?.code === "invalid_type")
    return `${where} must be ${issue.expected === "object" ? "an object" : issue.expected === "array" ? "a list" : `a ${issue.expected}`}.`;
  return `${where}: ${issue?.message ?? "not an activity"}.`;
}
