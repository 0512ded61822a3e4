// Requests that fail after Slack was (or is about to be) acknowledged: the person is told privately, so nobody is
// left looking at nothing. A lost database says nothing was saved and to try again; anything else says something went
// wrong on wowbot's side and goes on to app.error's log with its stack.
import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { isDatabaseUnreachable } from "../../db/errors.js";
import type { Logger } from "../../logger.js";
import { DATABASE_UNREACHABLE, FAILURE_TITLE, notice, SOMETHING_WENT_WRONG } from "../../views/notice.js";
import { renderMessage } from "./block-kit.js";
import { renderFormDone } from "./modal.js";

/** Global middleware, registered before anything that touches the database or the Web API. */
export function tellFailures(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    try {
      await args.next();
    } catch (error) {
      const unreachable = isDatabaseUnreachable(error);
      await tell(args, unreachable).catch((tellError: unknown) => logger.warn({ err: tellError }, "Slack: could not tell the user their request failed"));
      // Slack gets its acknowledgement either way (an error status would only make it retry).
      if (!unreachable) throw error;
      logger.error({ err: error, type: args.body.type }, "Slack request failed: the database cannot be reached");
    }
  };
}

/** An acknowledgement not yet sent is sent now (a second one throws, which is fine to ignore). */
async function ackOnce(args: AnyMiddlewareArgs, response?: Record<string, unknown>): Promise<boolean> {
  if (!("ack" in args) || typeof args.ack !== "function") return false;
  try {
    await (args.ack as (r?: unknown) => Promise<void>)(response);
    return true;
  } catch {
    return false;
  }
}

async function tell(args: AnyMiddlewareArgs & AllMiddlewareArgs, unreachable: boolean): Promise<void> {
  const text = unreachable ? DATABASE_UNREACHABLE : SOMETHING_WENT_WRONG;
  const body = args.body as { type?: string; response_url?: string; user?: { id?: string }; user_id?: string };
  // A modal's submission: a screen on top of the form, so closing it returns to the form with what was typed.
  const screen = renderFormDone({ title: unreachable ? FAILURE_TITLE.unreachable : FAILURE_TITLE.failed, view: notice("error", text) });
  if (body.type === "view_submission" && (await ackOnce(args, { response_action: "push", view: screen }))) return;
  await ackOnce(args);
  const message = renderMessage(notice("error", text));
  if ("respond" in args && typeof args.respond === "function" && body.response_url) {
    await args.respond({ response_type: "ephemeral", replace_original: false, ...message });
    return;
  }
  // Nothing to answer in place (a click on the home tab, a modal already acknowledged): a direct message.
  const userId = body.user?.id ?? body.user_id;
  if (userId && body.type !== "event_callback") await args.client.chat.postMessage({ channel: userId, ...message });
}
