// The wowbot command line: help everywhere, usage errors with exit code 2, versions.
import { describe, expect, it } from "vitest";
import { run } from "../../../src/cli/main.js";

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("wowbot CLI", () => {
  it("prints help with --help, -h and `help`, exit 0", async () => {
    for (const args of [["--help"], ["-h"], ["help"]]) {
      const r = await cli(...args);
      expect(r.code).toBe(0);
      expect(r.out).toContain("Usage: wowbot <command>");
      expect(r.out).toMatch(/serve .*\n.*migrate .*\n.*doctor/);
    }
  });

  it("prints each command's help with `<command> --help` and `help <command>`", async () => {
    for (const command of ["serve", "migrate", "doctor", "import"]) {
      for (const args of [
        [command, "--help"],
        ["help", command],
      ]) {
        const r = await cli(...args);
        expect(r.code).toBe(0);
        expect(r.out).toContain(`Usage: wowbot ${command}`);
      }
    }
  });

  it("exits 2 with a pointer to help on unknown commands, options and arguments", async () => {
    const unknown = await cli("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command "frobnicate"');
    expect((await cli("serve", "--bogus")).code).toBe(2);
    expect((await cli("migrate", "now")).code).toBe(2);
    expect((await cli("help", "nope")).code).toBe(2);
  });

  it("checks `import`'s arguments and options before reading any configuration (usage, exit 2)", async () => {
    const usage = async (...args: string[]) => {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      return r.err.split("\n")[0];
    };
    expect(await usage("import")).toBe("wowbot import: say what to import: wowbot import attendance|service-level|chat-sessions|roster|feedback FILE.csv");
    expect(await usage("import", "people", "x.csv")).toBe(
      'wowbot import: cannot import "people": use attendance, service-level, chat-sessions, roster or feedback',
    );
    expect(await usage("import", "attendance")).toBe("wowbot import: name the CSV file: wowbot import attendance FILE.csv");
    expect(await usage("import", "chat-sessions")).toBe("wowbot import: name the CSV file: wowbot import chat-sessions FILE.csv");
    expect(await usage("import", "attendance", "a.csv", "b.csv")).toBe('wowbot import: unexpected argument "b.csv"');
    expect(await usage("import", "attendance", "a.csv", "--workspace=")).toBe("wowbot import: --workspace needs a workspace id");
    expect(await usage("import", "attendance", "a.csv", "--workspace")).toContain("argument missing");
    expect(await usage("import", "attendance", "a.csv", "--bogus")).toContain("--bogus");
    // Only import takes --workspace.
    expect(await usage("migrate", "--workspace", "T1")).toBe('wowbot migrate: unknown option "--workspace"');
    const help = await cli("import", "--help");
    expect(help.out).toContain("member,date,type,note");
  });

  it("exits 2 and prints usage to stderr when no command is given", async () => {
    const r = await cli();
    expect(r.code).toBe(2);
    expect(r.err).toContain("Usage: wowbot <command>");
  });

  it("prints the package version", async () => {
    const r = await cli("--version");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+\.\d+\.\d+/);
  });
});
