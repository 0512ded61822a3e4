// The paid-day request form's submission: problems next to their inputs; success closes with what happens next.
import type { SlackDeps } from "../../deps.js";
import { PTO_REQUEST_FIELDS as F } from "../../render/pto.js";
import { formSubmit, inputOf } from "./form-submit.js";

export const paidDaySubmit = (deps: SlackDeps) =>
  formSubmit(deps, "form.paid_day", (values) => ({
    date: inputOf(values, F.date)?.selected_date ?? null,
    note: inputOf(values, F.note)?.value ?? null,
  }));
