// Requests that fail because the database cannot be reached: the person is told privately that nothing was saved
// and to try again, and Slack gets its acknowledgement instead of an error status (which it would only retry).
import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { isDatabaseUnreachable } from "../../db/errors.js";
import type { Logger } from "../../logger.js";
import { DATABASE_UNREACHABLE } from "../../views/notice.js";
import { doneModal } from "./render/blocks.js";

/** Global middleware, registered before anything that touches the database; other errors go on to app.error. */
export function tellDatabaseFailures(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    try {
      await args.next();
    } catch (error) {
      if (!isDatabaseUnreachable(error)) throw error;
      logger.error({ err: error, type: args.body.type }, "Slack request failed: the database cannot be reached");
      await tell(args).catch((tellError: unknown) => logger.warn({ err: tellError }, "Slack: could not tell the user that nothing was saved"));
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

async function tell(args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  const body = args.body as { type?: string; response_url?: string; user?: { id?: string }; user_id?: string };
  // A modal's submission: a screen on top of the form, so closing it returns to the form with what was typed.
  if (body.type === "view_submission" && (await ackOnce(args, { response_action: "push", view: doneModal("Not saved", DATABASE_UNREACHABLE) }))) return;
  await ackOnce(args);
  if ("respond" in args && typeof args.respond === "function" && body.response_url) {
    await args.respond({ response_type: "ephemeral", replace_original: false, text: DATABASE_UNREACHABLE });
    return;
  }
  // Nothing to answer in place (a click on the home tab, a modal already acknowledged): a direct message.
  const userId = body.user?.id ?? body.user_id;
  if (userId && body.type !== "event_callback") await args.client.chat.postMessage({ channel: userId, text: DATABASE_UNREACHABLE });
}
