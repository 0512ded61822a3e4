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

let watchingStdout = false;

export const consoleOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  // Settles when the chunk is handed to the OS; a reader that went away (`| head`) rejects it with EPIPE instead of
  // crashing the process with an unhandled 'error' event, so the command can stop and close the database.
  write: (chunk) => {
    if (!watchingStdout) {
      watchingStdout = true;
      process.stdout.on("error", () => {});
    }
    return new Promise<void>((resolve, reject) => {
      process.stdout.write(chunk, (error) => (error ? reject(error) : resolve()));
    });
  },
};
