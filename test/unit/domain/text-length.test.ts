// Visible length: graphemes a person sees, not UTF-16 code units.
import { describe, expect, it } from "vitest";
import { visibleLength } from "../../../src/domain/text-length.js";

describe("visibleLength", () => {
  it("counts an emoji with its modifiers or joiners as one character", () => {
    expect(visibleLength("👍🏽")).toBe(1);
    expect(visibleLength("👩‍👩‍👧‍👦")).toBe(1);
    expect(visibleLength("🇩🇪 ok")).toBe(4);
    expect(visibleLength("café")).toBe(4);
    expect(visibleLength("cafe\u0301")).toBe(4);
  });

  it("does not count characters that show nothing, but counts spaces and line breaks", () => {
    expect(visibleLength("\u200b\u200c\u200d\u2060\ufeff\u200e")).toBe(0);
    expect(visibleLength("a b\nc")).toBe(5);
    expect(visibleLength("\u0301")).toBe(0);
  });
});
