// Invoke answers Teams expects in the HTTP body: task/fetch and task/submit (dialogs) and adaptiveCard/action
// (Action.Execute buttons, which may replace the card in place).

import { formOf } from "../../../views/form-definitions.js";
import type { FormErrors, FormView } from "../../../views/forms.js";
import { CARD_CONTENT_TYPE } from "./elements.js";
import { type FormCardOptions, formCard, type PeopleNames } from "./forms.js";

/** Opens (or, with errors, reopens) a form dialog: the task/fetch answer, and the task/submit answer for a form to fix. */
export function taskModule(form: FormView, errors?: FormErrors, names?: PeopleNames, options?: FormCardOptions) {
  const { title, size } = formOf(form);
  return {
    task: {
      type: "continue" as const,
      value: {
        title,
        width: size.width,
        height: size.height,
        card: { contentType: CARD_CONTENT_TYPE, content: formCard(form, errors, names, options) },
      },
    },
  };
}

/** Closes the dialog with a short message shown to the person (task/submit after success). */
export const doneTaskModule = (text: string) => ({ task: { type: "message" as const, value: text } });

/** adaptiveCard/action answer that replaces the card the button was on. */
export const cardActionUpdate = (card: Record<string, unknown>) => ({ statusCode: 200, type: CARD_CONTENT_TYPE, value: card });

/** adaptiveCard/action answer that leaves the card and shows a short message to the person who clicked. */
export const cardActionMessage = (text: string) => ({ statusCode: 200, type: "application/vnd.microsoft.activity.message", value: text });
