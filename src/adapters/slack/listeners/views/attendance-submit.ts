// The /attendance form's submission: problems next to their inputs; success (or a no-op duplicate) says so.
import type { SlackDeps } from "../../deps.js";
import { ATTENDANCE_FIELDS as F } from "../../render/attendance.js";
import { formSubmit, inputOf } from "./form-submit.js";

export const attendanceSubmit = (deps: SlackDeps) =>
  formSubmit(deps, "form.attendance", (values) => ({
    member: inputOf(values, F.member)?.selected_user ?? null,
    date: inputOf(values, F.date)?.selected_date ?? null,
    type: inputOf(values, F.type)?.selected_option?.value ?? "",
    note: inputOf(values, F.note)?.value ?? null,
  }));
