// What a `wowbot` subcommand declares, so main.ts parses, checks and dispatches every command the same way.
import type { ParseArgsConfig } from "node:util";
import type { Config } from "../config/env.js";
import type { Output } from "./output.js";

export type Options = NonNullable<ParseArgsConfig["options"]>;
export type OptionValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

export interface Command<A = unknown> {
  name: string;
  /** One line for `wowbot --help`. */
  summary: string;
  /** The full `wowbot NAME --help` text, starting "Usage: wowbot NAME". */
  help: string;
  /** Options only this command takes (besides --help and --version); any other command refuses them. */
  options?: Options;
  /** Checks the command line before any configuration is read; a usage problem exits 2. Default: no arguments. */
  parse?(positionals: string[], values: OptionValues): A | { usage: string };
  run(config: Config, args: A, output: Output): Promise<number>;
}

/** A --name option's value: undefined when absent, a usage problem when empty. */
export function stringOption(values: OptionValues, name: string): string | undefined | { usage: string } {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !value.trim()) return { usage: `--${name} needs a value` };
  return value.trim();
}
