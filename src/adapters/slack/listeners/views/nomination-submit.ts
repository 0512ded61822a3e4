// The nomination modal's submission: field errors shown next to their inputs, success as the modal's last screen.
import type { SlackDeps } from "../../deps.js";
import { FIELDS } from "../../render/nomination-modal.js";
import { formSubmit } from "./form-submit.js";

export const nominationSubmit = (deps: SlackDeps) =>
  formSubmit(
    deps,
    "form.nomination",
    (values) => {
      const field = (f: keyof typeof FIELDS) => values[FIELDS[f].block]?.[FIELDS[f].action];
      return {
        nominee: field("nominee")?.selected_user ?? null,
        story: field("story")?.value ?? "",
        reference: field("reference")?.value ?? null,
        behaviours: (field("behaviours")?.selected_options ?? []).map((o) => o.value),
      };
    },
    (field) => FIELDS[field as keyof typeof FIELDS].block,
  );
