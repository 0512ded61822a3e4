// The quick-score form's submission: errors next to their inputs; success closes with the score.
import type { SlackDeps } from "../../deps.js";
import { SCORE_FIELDS } from "../../render/score.js";
import { formSubmit, inputOf } from "./form-submit.js";

export const scoreSubmit = (deps: SlackDeps) =>
  formSubmit(deps, "form.score", (values) => {
    const choice = (f: keyof typeof SCORE_FIELDS) => inputOf(values, SCORE_FIELDS[f])?.selected_option?.value ?? "";
    return {
      agent: inputOf(values, SCORE_FIELDS.agent)?.selected_user ?? null,
      reference: inputOf(values, SCORE_FIELDS.reference)?.value ?? "",
      channel: choice("channel"),
      connection: choice("connection"),
      rapport: choice("rapport"),
      unstatedNeeds: choice("unstatedNeeds"),
      wow: choice("wow"),
      note: inputOf(values, SCORE_FIELDS.note)?.value ?? null,
    };
  });
