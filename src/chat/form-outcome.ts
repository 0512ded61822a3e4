// What a submitted form comes to, for every form: its last screen, or problems beside their inputs (FORM_FIELDS).
import { FORM_FIELDS, type FormErrors, type FormKind } from "../views/forms.js";
import type { View } from "../views/index.js";

/**
 * The form's last screen: a title and what happened. A notice's text may carry `*bold*`, `code` and `<@ID>`
 * mentions (rendered as the platform's own); a nomination's is its confirmation view.
 */
export interface FormDone {
  title: string;
  view: View;
}

export type FormOutcome = { ok: FormDone } | { errors: FormErrors };

/** A problem beside its own input, or beside the form's first one when it has no field of that form. */
export function problem(kind: FormKind, field: string | undefined, message: string): FormOutcome {
  const fields: readonly string[] = FORM_FIELDS[kind];
  return { errors: { [field && fields.includes(field) ? field : (fields[0] ?? "")]: message } };
}
