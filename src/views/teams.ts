// What `/wowbot team ...` says: usage, the confirmations of each change, and the list and card of teams.
import { bold, channel, command, heading, line, list, type Message, note, person, type Text, t } from "./elements.js";
import { type NoticeView, notice } from "./notice.js";
import type { PersonRef } from "./person.js";

/** A team as the list and the card show it. */
export interface TeamSummary {
  name: string;
  leadsChannel: { id: string; name: string } | null;
  /** The Slack user group or channel its agents follow, or null. */
  source: { kind: "usergroup" | "channel"; id: string; name: string } | null;
  members: PersonRef[];
  leads: PersonRef[];
}

export interface TeamListView {
  kind: "team.list";
  teams: TeamSummary[];
  /** The command prefix of the platform ("/" on Slack, "" on Teams), for the hint. */
  prefix: string;
}

export interface TeamCardView {
  kind: "team.show";
  team: TeamSummary;
}

/** How many members a card names before "and N more". */
const CARD_MEMBERS = 40;

const names = (people: PersonRef[]) => people.map((p) => p.displayName).join(", ");
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const teamUsage = (prefix: string) =>
  [
    'Usage (admins; NAME is one word or a "quoted name"):',
    `\`${prefix}wowbot team create NAME\`, \`${prefix}wowbot team rename NAME NEW\`, \`${prefix}wowbot team delete NAME\``,
    `\`${prefix}wowbot team add NAME @person...\`, \`${prefix}wowbot team remove NAME @person...\``,
    `\`${prefix}wowbot team lead NAME @person...\`, \`${prefix}wowbot team unlead NAME @person...\``,
    `\`${prefix}wowbot team channel NAME #channel|off\`, \`${prefix}wowbot team sync NAME @usergroup|#channel|off\``,
    `\`${prefix}wowbot team list\`, \`${prefix}wowbot team show NAME\``,
  ].join("\n");

export const teamCreated = (name: string, prefix: string): NoticeView =>
  notice(
    "success",
    `Team *${name}* created. Add its agents with \`${prefix}wowbot team add ${quoted(name)} @person\` and its leads with \`${prefix}wowbot team lead ${quoted(name)} @person\`.`,
  );

export const teamRenamed = (before: string, after: string): NoticeView => notice("success", `Team *${before}* is now called *${after}*.`);

export const teamDeleted = (name: string, members: number): NoticeView =>
  notice(
    "success",
    `Team *${name}* deleted. ${members ? `Its ${plural(members, "agent")} ${members === 1 ? "is" : "are"} in no team now; ` : ""}its history stays with past periods and digests.`,
  );

export function teamJoined(team: string, joined: Array<{ member: PersonRef; outcome: "added" | "moved" | "already"; from?: string }>): NoticeView {
  const added = joined.filter((j) => j.outcome === "added").map((j) => j.member);
  const moved = joined.filter((j) => j.outcome === "moved");
  const already = joined.filter((j) => j.outcome === "already").map((j) => j.member);
  const parts = [
    added.length ? `Added to *${team}*: ${names(added)}.` : "",
    ...moved.map((j) => `${j.member.displayName} moved to *${team}* from ${j.from}.`),
    already.length ? `Already in *${team}*: ${names(already)}.` : "",
  ];
  return notice(added.length || moved.length ? "success" : "info", parts.filter(Boolean).join(" "));
}

export function teamLeft(team: string, removed: PersonRef[], notIn: PersonRef[]): NoticeView {
  const parts = [removed.length ? `Removed from *${team}*: ${names(removed)}.` : "", notIn.length ? `Not in *${team}*: ${names(notIn)}.` : ""];
  return notice(removed.length ? "success" : "info", parts.filter(Boolean).join(" "));
}

export function teamLeadsAdded(team: string, added: PersonRef[], already: PersonRef[], promoted: PersonRef[]): NoticeView {
  const parts = [
    added.length ? `${names(added)} ${added.length === 1 ? "leads" : "lead"} *${team}* now.` : "",
    promoted.length ? `${names(promoted)} ${promoted.length === 1 ? "is a lead" : "are leads"} of the workspace now too.` : "",
    already.length ? `Already leading *${team}*: ${names(already)}.` : "",
  ];
  return notice(added.length ? "success" : "info", parts.filter(Boolean).join(" "));
}

export function teamLeadsRemoved(team: string, removed: PersonRef[], notLeading: PersonRef[]): NoticeView {
  const parts = [
    removed.length ? `${names(removed)} no longer ${removed.length === 1 ? "leads" : "lead"} *${team}*.` : "",
    notLeading.length ? `Not leading *${team}*: ${names(notLeading)}.` : "",
  ];
  return notice(removed.length ? "success" : "info", parts.filter(Boolean).join(" "));
}

export const teamChannelSet = (team: string, room: { id: string; name: string } | null): NoticeView =>
  room
    ? notice("success", `*${team}*'s paid-day requests and digest go to <#${room.id}> now.`, [], [room])
    : notice("success", `*${team}* has no leads channel now: its paid-day requests and digest go to its leads by DM.`);

/** A name as it must be typed back: quoted when it has a space. */
const quoted = (name: string) => (/\s/.test(name) ? `“${name}”` : name);

function teamLines(team: TeamSummary): Text {
  const leads = team.leads.length ? t`led by ${names(team.leads)}` : t`no lead yet`;
  const where = team.leadsChannel ? t`, leads channel ${channel(team.leadsChannel.id, team.leadsChannel.name)}` : [];
  const follows = !team.source
    ? []
    : team.source.kind === "channel"
      ? t`, follows ${channel(team.source.id, team.source.name)}`
      : t`, follows @${team.source.name}`;
  return t`${bold(team.name)}: ${plural(team.members.length, "agent")}, ${leads}${where}${follows}`;
}

export function teamListMessage(view: TeamListView): Message {
  if (view.teams.length === 0) {
    return {
      blocks: [
        line(t`No teams yet: every directory member is in the programme. Create one with ${command(`${view.prefix}wowbot team create NAME`)} (admins).`),
      ],
    };
  }
  return { blocks: [heading(t`Teams (${view.teams.length})`), list(view.teams.map(teamLines))] };
}

export function teamCardMessage(view: TeamCardView): Message {
  const { team } = view;
  const shown = team.members.slice(0, CARD_MEMBERS);
  const more = team.members.length - shown.length;
  return {
    blocks: [
      heading(t`Team ${team.name}`),
      line(teamLines(team)),
      ...(team.leads.length ? [line(t`Leads: ${team.leads.flatMap((p, i) => (i ? [", ", person(p)] : [person(p)]))}`)] : []),
      shown.length
        ? list(
            shown.map((p) => [person(p)]),
            more > 0 ? t`and ${more} more` : undefined,
          )
        : note(t`No agents yet.`),
    ],
  };
}

/** What `team sync` did: who joined, moved or left, and who of the group was kept out. */
export function teamSynced(
  team: string,
  source: { kind: "usergroup" | "channel"; id: string; name: string } | null,
  change: { added: PersonRef[]; moved: Array<{ member: PersonRef; from: string }>; removed: PersonRef[]; skipped: number },
): NoticeView {
  if (!source)
    return notice(
      "success",
      `*${team}* no longer follows a user group or channel: its agents stay as they are, and change only with \`team add\` and \`team remove\`.`,
    );
  const what = source.kind === "channel" ? `<#${source.id}>` : `@${source.name}`;
  const parts = [
    `*${team}* follows ${what} now: its agents are the ${source.kind === "channel" ? "channel" : "group"}'s members, and change as it does.`,
    change.added.length ? `Added: ${names(change.added)}.` : "",
    ...change.moved.map((m) => `${m.member.displayName} moved from ${m.from}.`),
    change.removed.length ? `Removed: ${names(change.removed)}.` : "",
    change.skipped
      ? `${plural(change.skipped, "member")} of it ${change.skipped === 1 ? "is" : "are"} left out (bots, guests, other organisations, deactivated accounts).`
      : "",
  ];
  return notice("success", parts.filter(Boolean).join(" "), [], source.kind === "channel" ? [{ id: source.id, name: source.name }] : []);
}

/** `team sync` where the platform has no user groups or channel members to follow. */
export const teamSyncNotHere = (prefix: string): NoticeView =>
  notice("info", `A team can follow a Slack user group or channel. Here, add its agents with \`${prefix}wowbot team add NAME @person\`.`);
