// .env.example and the README document every variable wowbot reads, so operators never have to read the code.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VARIABLES } from "../../../src/config/variables.js";

describe(".env.example", () => {
  const example = readFileSync(".env.example", "utf8");
  it.each(VARIABLES.map((v) => v.name))("documents %s", (name) => {
    expect(example).toMatch(new RegExp(`^#? ?${name}=`, "m"));
  });
  it("holds no secret values", () => {
    for (const v of VARIABLES.filter((s) => s.secret)) {
      expect(example).toMatch(new RegExp(`^#? ?${v.name}=$`, "m"));
    }
  });
});

describe("README configuration table", () => {
  const readme = readFileSync("README.md", "utf8");
  it.each(VARIABLES.map((v) => v.name))("lists %s", (name) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${name}\` \\|`, "m"));
  });
});
