// Roles: admins do what leads do, leads what agents do; WOWBOT_ADMINS and the installer start as admins.
import { describe, expect, it } from "vitest";
import { hasRole, initialRole } from "../../../src/domain/roles.js";

describe("roles", () => {
  it("orders agent < lead < admin", () => {
    expect(hasRole("admin", "lead")).toBe(true);
    expect(hasRole("lead", "lead")).toBe(true);
    expect(hasRole("agent", "lead")).toBe(false);
    expect(hasRole("lead", "admin")).toBe(false);
  });

  it("makes WOWBOT_ADMINS ids and the installer admins, everyone else an agent", () => {
    expect(initialRole("U1", ["U1"])).toBe("admin");
    expect(initialRole("U2", ["U1"])).toBe("agent");
    expect(initialRole("U2", [], true)).toBe("admin");
  });
});
