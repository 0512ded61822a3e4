// Opening the App Home tab publishes the member's own page, fresh each time.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, types } from "@slack/bolt";
import { memberHome } from "../../../../app/member-home.js";
import { renderHome } from "../../block-kit.js";
import type { SlackDeps } from "../../deps.js";
import { provision } from "../../provision.js";

export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs): Promise<void> => {
    const { workspace, member } = await provision(deps, context, client);
    if (event.tab !== "home") return;
    if (!workspace || !member) return;
    // The converter builds plain Block Kit objects; the limits test, not Slack's types, keeps them valid.
    const view = renderHome(await memberHome(deps.ports, { workspace, member })) as unknown as types.HomeView;
    await client.views.publish({ user_id: event.user, view });
  };
}
