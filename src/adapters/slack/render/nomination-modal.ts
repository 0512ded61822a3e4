// The "Nominate for a wow" modal: nominee, interaction reference, story and behaviours.

import { BEHAVIOURS, REFERENCE_MAX, STORY_MAX } from "../../../domain/nomination.js";
import { doneModal } from "./blocks.js";
import { LIMITS } from "./limits.js";

export const NOMINATION_MODAL = "nomination.submit";
export const FIELDS = {
  nominee: { block: "nominee", action: "nominee" },
  reference: { block: "reference", action: "reference" },
  story: { block: "story", action: "story" },
  behaviours: { block: "behaviours", action: "behaviours" },
} as const;

export interface NominationModalInput {
  /** Channel the modal was opened from: the post goes there when no recognition channel is set. */
  channel: string | null;
  nominee?: string;
  reference?: string;
  story?: string;
}

export function nominationModal(input: NominationModalInput) {
  const metadata = JSON.stringify({ channel: input.channel });
  return {
    type: "modal" as const,
    callback_id: NOMINATION_MODAL,
    private_metadata: metadata.length <= LIMITS.privateMetadata ? metadata : "{}",
    title: { type: "plain_text" as const, text: "Nominate for a wow" },
    submit: { type: "plain_text" as const, text: "Nominate" },
    close: { type: "plain_text" as const, text: "Cancel" },
    blocks: [
      {
        type: "input",
        block_id: FIELDS.nominee.block,
        label: { type: "plain_text", text: "Who made the wow moment?" },
        element: { type: "users_select", action_id: FIELDS.nominee.action, ...(input.nominee ? { initial_user: input.nominee } : {}) },
      },
      {
        type: "input",
        block_id: FIELDS.reference.block,
        optional: true,
        label: { type: "plain_text", text: "Interaction reference" },
        hint: { type: "plain_text", text: "Ticket, call or chat id, or a link" },
        element: {
          type: "plain_text_input",
          action_id: FIELDS.reference.action,
          max_length: REFERENCE_MAX,
          ...(input.reference ? { initial_value: input.reference.slice(0, REFERENCE_MAX) } : {}),
        },
      },
      {
        type: "input",
        block_id: FIELDS.story.block,
        label: { type: "plain_text", text: "What happened?" },
        hint: { type: "plain_text", text: "What they did and why it mattered to the customer (20-2000 characters)" },
        element: {
          type: "plain_text_input",
          action_id: FIELDS.story.action,
          multiline: true,
          max_length: STORY_MAX,
          ...(input.story ? { initial_value: input.story.slice(0, STORY_MAX) } : {}),
        },
      },
      {
        type: "input",
        block_id: FIELDS.behaviours.block,
        optional: true,
        label: { type: "plain_text", text: "Behaviours shown" },
        element: {
          type: "checkboxes",
          action_id: FIELDS.behaviours.action,
          options: BEHAVIOURS.map((b) => ({ text: { type: "plain_text", text: b.label }, value: b.id })),
        },
      },
    ],
  };
}

/** The modal's closing screen after a successful nomination. */
export const nominationSentModal = (text: string) => doneModal("Nomination sent", text);
