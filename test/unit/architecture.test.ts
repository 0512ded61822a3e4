// The core (domain rules, use cases, views, chat commands) never imports a chat platform SDK or the Prisma client,
// so Slack, Teams and the database stay replaceable adapters around it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const CORE = ["src/domain", "src/app", "src/views", "src/chat"];
const FORBIDDEN = [/^@slack\//, /^botbuilder/, /^botframework-/, /^@prisma\//, /generated\/prisma/, /^pg$/, /^@electric-sql\//, /\/(adapters|db)\//];

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.[cm]?tsx?$/.test(e) ? [p] : [];
  });
}

/** Module specifiers of static imports, re-exports, dynamic imports and require calls. */
function importsOf(source: string): string[] {
  const patterns = [
    /\bimport\s+(?:type\s+)?[^'"]*?from\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bexport\s+[^'"]*?from\s*["']([^"']+)["']/g,
    /\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1] as string));
}

function violations(files: Array<{ file: string; source: string }>): string[] {
  return files.flatMap(({ file, source }) =>
    importsOf(source)
      .filter((spec) => FORBIDDEN.some((re) => re.test(spec)))
      .map((spec) => `${file} imports ${spec}`),
  );
}

/**
 * Sentences in string literals, read by the TypeScript parser: four or more words ending in ".", "!" or "?", each
 * template's interpolations cut out. Log messages are phrases without a full stop, so they are not counted.
 */
function sentencesOf(source: string): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) out.push([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" "));
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile("x.ts", source, ts.ScriptTarget.Latest, true));
  return out.map((l) => l.trim()).filter((l) => /[.!?]$/.test(l) && (l.match(/[A-Za-z][A-Za-z']*/g) ?? []).length >= 4);
}

/** What adapters may say themselves: answers to clients that sent no valid activity at all (developers, not people). */
const ADAPTER_WORDS_ALLOWED = [
  "Send a Bot Framework activity: a JSON object with a type.",
  "Teams activities carry a tenant (conversation.tenantId); this one has none.",
  'wowbot does not handle " " invokes.',
];

describe("architecture", () => {
  it("adapters write no sentence a person reads: every word is in a view (src/views), converted per platform", () => {
    const found = sourceFiles("src/adapters").flatMap((file) =>
      sentencesOf(readFileSync(file, "utf8"))
        .filter((sentence) => !ADAPTER_WORDS_ALLOWED.includes(sentence))
        .map((sentence) => `${file}: ${sentence}`),
    );
    expect(found).toEqual([]);
    expect(sentencesOf('const a = "That button isn\'t valid any more."; // Not this one, it is a comment.')).toEqual(["That button isn't valid any more."]);
    // A log message is a phrase without a full stop; a template's interpolations are cut out.
    const $ = "$";
    expect(sentencesOf(`log.info({ id }, \`Teams activity failed for ${$}{id}\`);`)).toEqual([]);
    expect(sentencesOf(`notice("error", \`You can't second ${$}{what} twice.\`);`)).toEqual(["You can't second   twice."]);
  });

  it("views import no adapter: each platform converts the views, never the other way round", () => {
    const found = sourceFiles("src/views").flatMap((file) =>
      importsOf(readFileSync(file, "utf8"))
        .filter((spec) => /\/adapters\//.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(sourceFiles("src/views").length).toBeGreaterThan(0);
    expect(found).toEqual([]);
  });

  it("the core imports no Slack, Teams, Prisma or database driver code", () => {
    const files = CORE.flatMap(sourceFiles).map((file) => ({ file, source: readFileSync(file, "utf8") }));
    expect(files.length).toBeGreaterThan(0);
    expect(violations(files)).toEqual([]);
  });

  it("botbuilder stays inside the Teams adapter, so moving to the Microsoft 365 Agents SDK touches one folder", () => {
    const teamsSdk = [/^botbuilder/, /^botframework-/];
    const outside = sourceFiles("src")
      .filter((file) => !file.startsWith(path.join("src", "adapters", "teams") + path.sep))
      .flatMap((file) =>
        importsOf(readFileSync(file, "utf8"))
          .filter((spec) => teamsSdk.some((re) => re.test(spec)))
          .map((spec) => `${file} imports ${spec}`),
      );
    expect(sourceFiles("src/adapters/teams").length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });

  it("the Teams adapter is loaded only when Teams is served: nothing outside it imports it statically", () => {
    // botbuilder costs about 30 MB of resident memory; a static import would load it for Slack-only services too.
    const staticValueImport = /^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s*["']([^"']*adapters\/teams\/[^"']*)["']/gm;
    const outside = sourceFiles("src")
      .filter((file) => !file.startsWith(path.join("src", "adapters", "teams") + path.sep))
      .flatMap((file) => [...readFileSync(file, "utf8").matchAll(staticValueImport)].map((m) => `${file} imports ${m[1]}`));
    expect(outside).toEqual([]);
    expect('import { createTeamsAdapter } from "./adapters/teams/teams-adapter.js";'.match(staticValueImport)).not.toBeNull();
    expect('import type { TeamsAdapter } from "./adapters/teams/teams-adapter.js";'.match(staticValueImport)).toBeNull();
  });

  it("the checker catches every kind of import it guards against", () => {
    const bad = [
      'import { App } from "@slack/bolt";',
      "import type { TurnContext } from 'botbuilder';",
      'import { PrismaClient } from "../generated/prisma/client.js";',
      'export { x } from "@prisma/client";',
      'const m = await import("botbuilder-core");',
      'import "../adapters/slack/render/help.js";',
      'import { MemberRepository } from "../db/member.repository.js";',
    ];
    const found = violations(bad.map((source, i) => ({ file: `f${i}.ts`, source })));
    expect(found).toHaveLength(bad.length);
    expect(violations([{ file: "ok.ts", source: 'import { z } from "zod";\nimport type { Clock } from "./clock.js";' }])).toEqual([]);
  });

  it("no file of src is in an import cycle", () => {
    // Relative imports of src, type-only ones included: a cycle is a tangle of design, whether or not it bites at run time.
    const graph = new Map<string, string[]>();
    for (const file of sourceFiles("src").filter((f) => !f.includes(`${path.sep}generated${path.sep}`))) {
      const targets = importsOf(readFileSync(file, "utf8"))
        .filter((spec) => spec.startsWith("."))
        .map((spec) => path.join(path.dirname(file), spec.replace(/\.js$/, ".ts")));
      graph.set(file, targets);
    }
    expect(cyclesOf(graph)).toEqual([]);
    expect(
      cyclesOf(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
          ["c", ["a"]],
          ["d", ["a"]],
        ]),
      ),
    ).toEqual([["a", "b", "c", "a"]]);
  });
});

/** Every cycle of a graph, once each (as found by depth-first search from each node in order). */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}
