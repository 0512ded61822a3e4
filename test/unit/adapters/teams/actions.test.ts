// Card actions: readCardAction accepts what Teams delivers for wowbot's own buttons and rejects forged or malformed data.
import { describe, expect, it } from "vitest";
import { readCardAction } from "../../../../src/adapters/teams/cards/actions.js";

const nominationId = "11111111-1111-4111-8111-111111111111";

describe("readCardAction", () => {
  it("reads each action from message values, task/fetch values and adaptiveCard/action invokes", () => {
    expect(readCardAction({ wowbot: "nomination.second", nominationId })).toEqual({ wowbot: "nomination.second", nominationId });
    expect(readCardAction({ action: { type: "Action.Execute", verb: "pto.approve", data: { wowbot: "pto.approve", requestId: "r-1" } } })).toEqual({
      wowbot: "pto.approve",
      requestId: "r-1",
    });
    expect(readCardAction({ action: { verb: "attendance.delete", data: { occurrenceId: "o-1" } } })).toEqual({
      wowbot: "attendance.delete",
      occurrenceId: "o-1",
    });
    expect(
      readCardAction({
        data: {
          msteams: { type: "task/fetch" },
          wowbot: "form.open",
          form: "form.score",
          nominationId,
          agent: "00000000-0000-4000-a000-000000000001",
          reference: "T-1",
        },
        context: { theme: "default" },
      }),
    ).toEqual({ wowbot: "form.open", form: "form.score", nominationId, agent: "00000000-0000-4000-a000-000000000001", reference: "T-1" });
    expect(readCardAction({ data: { wowbot: "form.submit", form: "form.paid_day", date: "2026-03-11", note: "x" } })).toEqual({
      wowbot: "form.submit",
      form: "form.paid_day",
      date: "2026-03-11",
      note: "x",
    });
  });

  it.each([
    ["nothing", undefined],
    ["a string", "nomination.second"],
    ["an array", [{ wowbot: "nomination.second", nominationId }]],
    ["an unknown action", { wowbot: "admin.promote", memberId: "x" }],
    ["a missing id", { wowbot: "nomination.second" }],
    ["an id of the wrong kind", { wowbot: "pto.approve", nominationId }],
    ["an id that is not a string", { wowbot: "pto.decline", requestId: { $ne: null } }],
    ["an empty id", { wowbot: "pto.cancel", requestId: "" }],
    ["an id with markup", { wowbot: "nomination.remove", nominationId: "<at>x</at>" }],
    ["an oversized id", { wowbot: "nomination.retract", nominationId: "a".repeat(300) }],
    ["an unknown form", { wowbot: "form.open", form: "form.admin" }],
    ["a forged prefill", { wowbot: "form.open", form: "form.score", agent: "x y" }],
    ["a verb that disagrees with its data", { action: { verb: "pto.approve", data: { wowbot: "pto.decline", requestId: "r-1" } } }],
    ["a verb that is not a string", { action: { verb: 7, data: { requestId: "r-1" } } }],
  ])("rejects %s", (_name, value) => {
    expect(readCardAction(value)).toBeNull();
  });
});
