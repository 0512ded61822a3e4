// Any neutral form (src/views/forms.ts) as the Slack modal that asks for it, and its done screen.
import type { FormDone } from "../../../chat/submit-form.js";
import type { FormView } from "../../../views/forms.js";
import { attendanceModal } from "./attendance.js";
import { doneModal } from "./blocks.js";
import { renderMessage } from "./index.js";
import { confirmationText } from "./nomination.js";
import { nominationModal } from "./nomination-modal.js";
import { ptoRequestModal } from "./pto.js";
import { scoreModal } from "./score.js";
import { settingsModal } from "./settings-modal.js";

export function renderForm(form: FormView) {
  switch (form.kind) {
    case "form.nomination":
      return nominationModal({
        channel: form.channel,
        nominee: form.nominee ?? undefined,
        reference: form.reference ?? undefined,
        story: form.story ?? undefined,
      });
    case "form.score":
      return scoreModal({ agent: form.agent ?? undefined, reference: form.reference });
    case "form.attendance":
      return attendanceModal({ member: form.member ?? undefined, today: form.today });
    case "form.paid_day":
      return ptoRequestModal(form.today, form.hoursPerPaidDay);
    case "form.settings":
      return settingsModal(form.settings, form.timezone);
  }
}

/** The modal a successful form submission turns into: its title, what happened, and Done. */
export function renderFormDone(done: FormDone) {
  const { view } = done;
  // Done texts are written in Slack's mrkdwn already (bold, code, <@ID> mentions), so they are not escaped.
  const text = view.kind === "nomination.confirmation" ? confirmationText(view) : view.kind === "notice" ? view.text : renderMessage(view).text;
  return doneModal(done.title, text);
}
