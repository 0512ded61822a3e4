// Nomination views, platform-neutral: the recognition post (Second, Score this, Retract / Remove), the nominee's DM
// and the nominator's confirmation, each with every word it shows.
import { type BehaviourId, behaviourLabel } from "../domain/nomination.js";
import {
  actions,
  type Block,
  type Button,
  bold,
  channel,
  emoji,
  heading,
  line,
  type Message,
  note,
  person,
  quote,
  reference,
  type Text,
  t,
} from "./elements.js";
import type { PersonRef } from "./person.js";

export interface NominationFacts {
  id: string;
  nominee: PersonRef;
  nominator: PersonRef;
  story: string;
  reference: string | null;
  behaviours: BehaviourId[];
  status: "active" | "retracted" | "removed";
  seconds: number;
}

export interface NominationPostView {
  kind: "nomination.post";
  nominationId: string;
  nominee: PersonRef;
  nominator: PersonRef;
  /** Null once retracted or removed: the post then says so instead of telling the story. */
  story: string | null;
  reference: string | null;
  behaviours: string[];
  status: NominationFacts["status"];
  seconds: number;
  /** Buttons stay only while the nomination is active. */
  actions: { second: boolean; score: boolean };
}

export interface NomineeDmView {
  kind: "nomination.nominee_dm";
  nominationId: string;
  nominator: PersonRef;
  story: string;
  reference: string | null;
  behaviours: string[];
}

export interface NominationConfirmationView {
  kind: "nomination.confirmation";
  nominationId: string;
  nominee: PersonRef;
  /** Where the recognition post goes; null when there is nowhere to post it. */
  postChannel: string | null;
  /** True when the same request had already been handled. */
  replayed: boolean;
}

export function nominationPostView(n: NominationFacts): NominationPostView {
  const active = n.status === "active";
  return {
    kind: "nomination.post",
    nominationId: n.id,
    nominee: n.nominee,
    nominator: n.nominator,
    story: active ? n.story : null,
    reference: active ? n.reference : null,
    behaviours: active ? n.behaviours.map(behaviourLabel) : [],
    status: n.status,
    seconds: n.seconds,
    // Everyone sees "Score this interaction"; only leads can use it (checked when clicked).
    actions: { second: active, score: active },
  };
}

export function nomineeDmView(n: NominationFacts): NomineeDmView {
  return {
    kind: "nomination.nominee_dm",
    nominationId: n.id,
    nominator: n.nominator,
    story: n.story,
    reference: n.reference,
    behaviours: n.behaviours.map(behaviourLabel),
  };
}

/** The post's details line: who nominated, the behaviours shown and the interaction. */
function details(behaviours: string[], ref: string | null, by?: PersonRef): Block[] {
  const parts: Text[] = [];
  if (by) parts.push(t`Nominated by ${person(by)}`);
  if (behaviours.length) parts.push(t`Showed: ${behaviours.join(", ")}`);
  if (ref) parts.push(t`Interaction: ${reference(ref)}`);
  return parts.length ? [note(parts.flatMap((p, i) => (i ? ["  ·  ", ...p] : p)))] : [];
}

export function nominationPostMessage(view: NominationPostView): Message {
  const nominee = person(view.nominee);
  if (view.status !== "active") {
    const what = view.status === "retracted" ? "was retracted by the nominator" : "was removed by an admin";
    const says = t`This wow nomination for ${nominee} ${what}.`;
    return { summary: says, blocks: [line([emoji("grey_question"), " ", ...says])] };
  }
  const id = view.nominationId;
  const buttons: Button[] = [];
  if (view.actions.second) {
    buttons.push({
      label: view.seconds ? `Second this (${view.seconds})` : "Second this",
      emoji: "raised_hands",
      action: { kind: "nomination.second", nominationId: id },
    });
  }
  if (view.actions.score) buttons.push({ label: "Score this interaction (leads)", action: { kind: "nomination.score", nominationId: id } });
  if (buttons.length) {
    // Retracting (the nominator, within an hour) and removing (admins) are checked when chosen.
    buttons.push(
      { label: "Retract my nomination", action: { kind: "nomination.retract", nominationId: id }, menu: true },
      { label: "Remove (admins)", action: { kind: "nomination.remove", nominationId: id }, menu: true },
    );
  }
  return {
    summary: t`Wow moment for ${nominee}`,
    blocks: [
      heading(t`${emoji("star2")} Wow moment for ${nominee}`),
      quote(view.story ?? ""),
      ...details(view.behaviours, view.reference, view.nominator),
      ...(buttons.length ? [actions(...buttons)] : []),
    ],
  };
}

export function nomineeDmMessage(view: NomineeDmView): Message {
  return {
    summary: t`${person(view.nominator)} nominated you for a wow moment`,
    blocks: [
      line(t`${emoji("star2")} ${person(view.nominator)} nominated you for a ${bold("wow moment")}:`),
      quote(view.story),
      ...details(view.behaviours, view.reference),
    ],
  };
}

export function confirmationMessage(view: NominationConfirmationView): Message {
  const where = view.postChannel
    ? t` It's being posted in ${channel(view.postChannel, "the recognition channel")}, and they'll get a DM.`
    : t` They'll get a DM.`;
  const already = view.replayed ? " (You had already sent this one; nothing new was created.)" : "";
  return { blocks: [line(t`${emoji("white_check_mark")} Your wow nomination for ${person(view.nominee)} is in.${where}${already}`)] };
}
