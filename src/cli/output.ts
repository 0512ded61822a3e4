// What every CLI command prints through: plain lines for people, to stdout or stderr, and raw data to stdout.
export interface Output {
  out(line: string): void;
  err(line: string): void;
  /**
   * Raw text to stdout, as is (no line end added): exports write CSV through it. Settles once stdout can take more,
   * so a slow reader holds the export back instead of the process buffering it. Without it, callers use out().
   */
  write?(chunk: string): void | Promise<void>;
}

export const consoleOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  write: (chunk) => new Promise<void>((resolve) => (process.stdout.write(chunk) ? resolve() : process.stdout.once("drain", resolve))),
};
