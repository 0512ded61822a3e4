// `wowbot serve`: runs the service until SIGTERM/SIGINT, then shuts down cleanly and exits 0.
import type { Config } from "../../config/env.js";
import { DatabaseUnavailableError } from "../../db/errors.js";
import { MigrationError } from "../../db/migrate.js";
import { createLogger } from "../../logger.js";
import { PortInUseError, startService } from "../../main.js";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import type { Output } from "../output.js";

const serveHelp = `Usage: wowbot serve

Starts the HTTP service (Slack at POST /slack/events, health at /healthz and /readyz, metrics at /metrics),
applying database migrations first. Stops cleanly on SIGTERM or SIGINT.`;

/** Errors a person can fix from one line; anything else is a bug and keeps its stack trace. */
const EXPECTED = [DatabaseUnavailableError, MigrationError, PortInUseError];

async function serve(config: Config, output: Output): Promise<number> {
  const logger = createLogger(config.logLevel);
  let service: Awaited<ReturnType<typeof startService>>;
  try {
    service = await startService({ config, logger });
  } catch (error) {
    if (EXPECTED.some((E) => error instanceof E)) {
      output.err(`wowbot: ${(error as Error).message}`);
      return EXIT.failure;
    }
    throw error;
  }
  return new Promise((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, "shutting down");
      // A stuck dependency must not keep the process past the orchestrator's patience (10 s).
      setTimeout(() => {
        logger.warn("shutdown did not finish within 9 s; exiting");
        process.exit(EXIT.ok);
      }, 9_000).unref();
      service.stop().then(
        () => resolve(EXIT.ok),
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          resolve(EXIT.failure);
        },
      );
    };
    process.once("SIGTERM", shutdown);
    process.once("SIGINT", shutdown);
  });
}

export const serveCommand: Command<void> = {
  name: "serve",
  summary: "run the service (what `npm start` runs)",
  help: serveHelp,
  run: (config, _args, output) => serve(config, output),
};
