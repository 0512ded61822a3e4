// A message with one button that opens a form's dialog: a bot cannot open a Teams dialog from a typed message, so
// "wow", "score", "attendance" and "wowbot settings" answer with this card; the button's task/fetch builds the form.
import { formOf } from "../../../views/form-definitions.js";
import { formPrompt } from "../../../views/form-inputs.js";
import type { FormView } from "../../../views/forms.js";
import { openFormAction } from "./actions.js";
import { messageCard, text } from "./elements.js";
import type { TeamsMessage } from "./message.js";
import { Mentions } from "./text.js";

/** What the dialog is opened with (the dialog re-checks everything when it opens). */
function prefillOf(form: FormView): Record<string, string | null | undefined> {
  switch (form.kind) {
    case "form.nomination":
      return { nominee: form.nominee, channel: form.channel };
    case "form.score":
      return { agent: form.agent, reference: form.reference, nominationId: form.nominationId };
    case "form.attendance":
      return { member: form.member };
    default:
      return {};
  }
}

export function renderFormOpener(form: FormView): TeamsMessage {
  const { title } = formOf(form);
  const prompt = formPrompt(formOf(form));
  return { text: prompt, card: messageCard([text(prompt)], [openFormAction(title, form.kind, prefillOf(form))], new Mentions()) };
}
