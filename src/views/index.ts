// Every view a platform adapter must know how to render.
import type { HelpView } from "./help.js";
import type { NominationConfirmationView, NominationPostView, NomineeDmView } from "./nomination.js";
import type { NoticeView } from "./notice.js";

export type View = HelpView | NoticeView | NominationPostView | NomineeDmView | NominationConfirmationView;
