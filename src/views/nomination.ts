// Nomination views, platform-neutral: the recognition post, the nominee's DM and the nominator's confirmation.
import { type BehaviourId, behaviourLabel } from "../domain/nomination.js";

export interface PersonRef {
  platformUserId: string;
  displayName: string;
}

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
