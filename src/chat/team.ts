// `wowbot team ...`, platform-neutral: reads the action, the team's name and the people or channel named, and calls
// the use case; every sentence comes from src/views/teams.ts.
import {
  addToTeam,
  createTeam,
  deleteTeam,
  leadTeam,
  listTeams,
  removeFromTeam,
  renameTeam,
  setTeamChannel,
  showTeam,
  unleadTeam,
} from "../app/manage-teams.js";
import { syncTeam } from "../app/sync-team.js";
import type { TeamDetail } from "../app/teams.ports.js";
import type { MemberRecord } from "../domain/records.js";
import type { Result } from "../domain/result.js";
import type { View } from "../views/index.js";
import { notice } from "../views/notice.js";
import {
  type TeamSummary,
  teamChannelSet,
  teamCreated,
  teamDeleted,
  teamJoined,
  teamLeadsAdded,
  teamLeadsRemoved,
  teamLeft,
  teamRenamed,
  teamSynced,
  teamSyncNotHere,
  teamUsage,
} from "../views/teams.js";
import { channelIdOf, parseTeamText, readName, teamSourceOf, userIdOfMention } from "./command-text.js";
import { type KnownRequest, PERSON_NOT_FOUND } from "./request.js";

const summaryOf = (team: TeamDetail): TeamSummary => ({
  name: team.name,
  leadsChannel: team.leadsChannel,
  source: team.source,
  members: team.members,
  leads: team.leads,
});

/** The people mentioned, in order and once each; a word that is not a mention, or someone not found, is the answer. */
async function mentioned(req: KnownRequest, words: string[]): Promise<MemberRecord[] | View> {
  if (words.length === 0) return notice("info", teamUsage(req.platform.commandPrefix));
  const people: MemberRecord[] = [];
  for (const word of words) {
    const id = userIdOfMention(word);
    if (!id) return notice("error", `"${word.slice(0, 80)}" is not a mention: name each person with @.`);
    const member = await req.resolveMember(id);
    if (!member) return notice("error", PERSON_NOT_FOUND);
    if (!people.some((p) => p.id === member.id)) people.push(member);
  }
  return people;
}

const isView = (x: MemberRecord[] | View): x is View => !Array.isArray(x);
const or = <T>(result: Result<T>, view: (value: T) => View): View => (result.ok ? view(result.value) : notice("error", result.error.message));

export async function teamCommand(req: KnownRequest, text: string): Promise<View> {
  const { action, name, rest, restText } = parseTeamText(text);
  const prefix = req.platform.commandPrefix;
  const usage = notice("info", teamUsage(prefix));
  const acting = { workspace: req.workspace, actor: req.member };
  const ports = req.ports;
  if (action === "list") return or(await listTeams(ports, acting), (teams) => ({ kind: "team.list", teams: teams.map(summaryOf), prefix }));
  if (!name) return usage;
  switch (action) {
    case "create":
      if (rest.length) return usage;
      return or(await createTeam(ports, { ...acting, name }), (team) => teamCreated(team.name, prefix));
    case "delete":
      if (rest.length) return usage;
      return or(await deleteTeam(ports, { ...acting, name }), (team) => teamDeleted(team.name, team.members.length));
    case "rename": {
      const { name: newName, after } = readName(restText);
      if (!newName || after.trim()) return usage;
      return or(await renameTeam(ports, { ...acting, name, newName }), (r) => teamRenamed(r.before, r.after));
    }
    case "show":
      if (rest.length) return usage;
      return or(await showTeam(ports, { ...acting, name }), (team) => ({ kind: "team.show", team: summaryOf(team) }));
    case "channel": {
      const word = rest[0] ?? "";
      const room = word.toLowerCase() === "off" ? null : channelIdOf(word);
      if (rest.length !== 1 || room === undefined) return usage;
      return or(await setTeamChannel(ports, { ...acting, name, channel: room }), (r) => teamChannelSet(r.team.name, r.channel));
    }
    case "sync": {
      const word = rest[0] ?? "";
      const source = word.toLowerCase() === "off" ? null : teamSourceOf(word);
      if (rest.length !== 1 || source === undefined) return usage;
      if (!req.groups) return teamSyncNotHere(prefix);
      const resolve = (id: string) => req.resolveMember(id);
      return or(await syncTeam(ports, req.groups, resolve, { ...acting, name, source }), (r) => teamSynced(r.team.name, r.source, r));
    }
    case "add":
    case "remove":
    case "lead":
    case "unlead": {
      const people = await mentioned(req, rest);
      if (isView(people)) return people;
      if (action === "add") return or(await addToTeam(ports, { ...acting, name, people }), (r) => teamJoined(r.team.name, r.joined));
      if (action === "remove") return or(await removeFromTeam(ports, { ...acting, name, people }), (r) => teamLeft(r.team.name, r.removed, r.notIn));
      if (action === "lead") {
        return or(await leadTeam(ports, { ...acting, name, people }), (r) => teamLeadsAdded(r.team.name, r.added, r.already, r.promoted));
      }
      return or(await unleadTeam(ports, { ...acting, name, people }), (r) => teamLeadsRemoved(r.team.name, r.removed, r.notLeading));
    }
    default:
      return usage;
  }
}
