// Reading the Adaptive Cards the fake Bot Connector captured and the dialogs invoke answers carry, for the Teams
// end-to-end tests that look at card inputs and buttons directly.
import type { CapturedActivity } from "./fake-bot-connector.js";

export type Card = { body: Array<Record<string, unknown>>; actions?: Array<{ type?: string; title?: string; data?: Record<string, unknown> }> };
export type TaskBody = { task: { type: string; value: unknown } };

/** The card a captured activity carries (its first attachment), if any. */
export const cardOf = (a: CapturedActivity | undefined): Card | undefined => a?.activity.attachments?.[0]?.content as Card | undefined;

/** The card of a task/fetch or task/submit answer that continues the dialog. */
export const dialogCard = (body: unknown): Card => ((body as TaskBody).task.value as { card: { content: Card } }).card.content;
