// `wowbot serve`: runs the service until SIGTERM/SIGINT, then shuts down cleanly and exits 0. The signal handlers are
// installed before anything starts, so a signal during start-up (opening PGlite, migrating) stops it cleanly too.
import type { Config } from "../../config/env.js";
import { DatabaseUnavailableError } from "../../db/errors.js";
import { MigrationError } from "../../db/migrate.js";
import { createLogger } from "../../logger.js";
import { PortInUseError, type Service, StartupInterrupted, startService } from "../../main.js";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import type { Output } from "../output.js";

const serveHelp = `Usage: wowbot serve

Starts the HTTP service (Slack at POST /slack/events, health at /healthz and /readyz, metrics at /metrics),
applying database migrations first. Stops cleanly on SIGTERM or SIGINT, also during start-up; a second signal while
stopping is noted and waits for the stop to finish, a third forces the exit.`;

/** Errors a person can fix from one line; anything else is a bug and keeps its stack trace. */
const EXPECTED = [DatabaseUnavailableError, MigrationError, PortInUseError];

/** How long a stop may take before the process exits anyway: inside an orchestrator's usual 10 s of patience. */
const STOP_DEADLINE_MS = 9_000;

/**
 * The first SIGTERM or SIGINT asks the service to stop. A terminal's Ctrl-C reaches both `npm start` and the service,
 * and npm forwards another SIGINT: that second signal must not kill a shutdown half-way, so it is only logged. A third
 * is a person insisting, and forces the exit.
 */
function stopOnSignals(logger: ReturnType<typeof createLogger>): AbortSignal {
  const stop = new AbortController();
  let received = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    received += 1;
    if (received === 1) {
      logger.info({ signal }, "shutting down");
      setTimeout(() => {
        logger.warn(`shutdown did not finish within ${STOP_DEADLINE_MS / 1000} s; exiting`);
        process.exit(EXIT.ok);
      }, STOP_DEADLINE_MS).unref();
      stop.abort();
    } else if (received === 2) {
      logger.warn({ signal }, "already shutting down: waiting for it to finish (signal again to force the exit)");
    } else {
      logger.warn({ signal }, "shutdown forced by a third signal");
      process.exit(EXIT.failure);
    }
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  return stop.signal;
}

async function serve(config: Config, output: Output): Promise<number> {
  const logger = createLogger(config.logLevel);
  const stopRequested = stopOnSignals(logger);
  let service: Service;
  try {
    service = await startService({ config, logger, abort: stopRequested });
  } catch (error) {
    if (error instanceof StartupInterrupted) {
      logger.info("wowbot stopped");
      return EXIT.ok;
    }
    if (EXPECTED.some((E) => error instanceof E)) {
      output.err(`wowbot: ${(error as Error).message}`);
      return EXIT.failure;
    }
    throw error;
  }
  if (!stopRequested.aborted) await new Promise((resolve) => stopRequested.addEventListener("abort", resolve, { once: true }));
  try {
    await service.stop();
    return EXIT.ok;
  } catch (error) {
    logger.error({ err: error }, "shutdown failed");
    return EXIT.failure;
  }
}

export const serveCommand: Command<void> = {
  name: "serve",
  summary: "run the service (what `npm start` runs)",
  help: serveHelp,
  run: (config, _args, output) => serve(config, output),
};
