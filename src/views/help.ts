// The help view: every command a member can use, platform-neutral (Slack and Teams render it their own way).
import { bold, command, fields, line, type Message, note, t } from "./elements.js";

export interface CommandHelp {
  usage: string;
  description: string;
}

export interface HelpView {
  kind: "help";
  title: string;
  /** Set when the person typed something wowbot does not understand. */
  unknownInput?: string;
  commands: CommandHelp[];
}

/** Commands available in this release, as Slack writes them; each feature adds its own lines. */
export const COMMANDS: readonly CommandHelp[] = [
  { usage: "/wow", description: "Nominate a teammate for a wow moment (opens a form)." },
  { usage: "/wow @teammate what they did", description: "Nominate directly, with the story in one line." },
  { usage: "/score [@agent] [reference]", description: "Quick-score an interaction on the Happiness Experience Form (leads)." },
  {
    usage: "/score calibrate @agent REF @lead...",
    description:
      "Blind calibration: you and the leads named score the same interaction; nobody sees the others' answers until all have scored or 3 workdays pass (leads).",
  },
  { usage: "/pto", description: "Your PTO balance, paid days, streak, attendance points and ledger (private); request a paid day off." },
  { usage: "/pto @agent", description: "Someone else's PTO and attendance (leads)." },
  { usage: "/pto adjust @person +H|-H REASON", description: "Add or take hours by hand: an opening balance, a correction; never below zero (admins)." },
  { usage: "/attendance", description: "Record an absence, late arrival or excused absence (leads; opens a form)." },
  {
    usage: "/attendance @agent absent|late|excused [YYYY-MM-DD] [note]",
    description: "Record directly; the date (YYYY-MM-DD, today or yesterday) defaults to today (leads).",
  },
  { usage: "/attendance @agent", description: "An agent's records of the last 60 days, with Delete buttons (leads)." },
  { usage: "/wowbot digest", description: "Preview today's lead digest privately: your team's (leads), the workspace's (admins)." },
  { usage: "/wowbot digest team NAME", description: "Preview a team's digest (its leads and admins)." },
  { usage: "/wowbot settings", description: "Channels, digest time, workdays, time zone, attendance and PTO rules, scoring (admins)." },
  { usage: "/wowbot role @person agent|lead|admin", description: "Change someone's role (admins)." },
  { usage: "/wowbot team list", description: "The teams, their agents, leads and leads channel (leads)." },
  { usage: "/wowbot team show NAME", description: "One team's leads and agents (leads)." },
  {
    usage: "/wowbot team create|rename|delete NAME [NEW]",
    description: 'Teams of agents; NAME is one word or a "quoted name" (admins).',
  },
  {
    usage: "/wowbot team add|remove|lead|unlead NAME @person...",
    description: "A team's agents and leads; adding moves someone from their old team (admins).",
  },
  { usage: "/wowbot team channel NAME #channel|off", description: "The team's leads channel, for its paid-day requests and digest (admins)." },
  { usage: "/wowbot team sync NAME @usergroup|#channel|off", description: "The team's agents follow a Slack user group or channel (admins)." },
  { usage: "/wowbot token create|list|revoke [NAME]", description: "Ingest API tokens for contact-centre data; a new token is shown once (admins)." },
  { usage: "/wowbot stats", description: "Your PTO, points, wows, quick scores and service level (7 days), privately." },
  { usage: "/wowbot stats @agent", description: "Someone else's stats, service level and idle chats included (leads)." },
  {
    usage: "/wowbot export nominations|scores|attendance|ledger|calibrations|feedback [from] [to]",
    description: "A CSV file sent to you by DM; dates YYYY-MM-DD, both included (admins).",
  },
  { usage: "/wowbot help", description: "List every wowbot command." },
];

/** Every command as a platform writes it: COMMANDS are Slack's ("/wow"); Teams passes "" ("wow"). */
export function commandsFor(commandPrefix = "/"): CommandHelp[] {
  return COMMANDS.map((c) => ({ ...c, usage: `${commandPrefix}${c.usage.replace(/^\//, "")}` }));
}

export function helpView(unknownInput?: string, commandPrefix = "/"): HelpView {
  return { kind: "help", title: "wowbot commands", unknownInput: unknownInput?.trim() || undefined, commands: commandsFor(commandPrefix) };
}

export function helpMessage(view: HelpView): Message {
  // Commands typed as messages (Teams: no slash) reach the bot in a channel only when it is mentioned.
  const typed = view.commands.some((c) => !c.usage.startsWith("/"));
  const listing = view.commands.flatMap((c) => ["\n", command(c.usage), `  ${c.description}`]);
  return {
    summary: view.unknownInput ? t`I don't know ${command(view.unknownInput.slice(0, 200))}.${listing}` : t`${view.title}${listing}`,
    blocks: [
      view.unknownInput ? line(t`I don't know ${command(view.unknownInput.slice(0, 200))}. Here is what I can do:`) : line([bold(view.title)]),
      fields(view.commands.map((c) => ({ label: [command(c.usage)], value: [c.description] }))),
      ...(typed ? [note(["In a channel, mention me first: @wowbot wow @teammate what they did."])] : []),
    ],
  };
}
