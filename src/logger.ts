// JSON logs (pino) with tokens and secrets redacted, whatever shape the object that carries them has.
import { type Logger, pino } from "pino";

export type { Logger };

const SECRET_KEYS = [
  "token",
  "botToken",
  "password",
  "secret",
  "signingSecret",
  "clientSecret",
  "stateSecret",
  "appPassword",
  "authorization",
  "databaseUrl",
  "cookie",
];

// Slack tokens (xoxb-, xoxp-, xapp-...), bearer values and passwords inside URLs, wherever they appear in text.
const SECRET_TEXT: ReadonlyArray<[RegExp, string]> = [
  [/\bxox[abpeors]-[A-Za-z0-9-]+/g, "[redacted]"],
  [/\bxapp-[A-Za-z0-9-]+/g, "[redacted]"],
  [/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, "$1[redacted]"],
  [/(\/\/[^:/@\s]+:)[^@\s]+@/g, "$1[redacted]@"],
];

/** Masks secrets inside free text (error messages, URLs). */
export function scrubSecrets(text: string): string {
  return SECRET_TEXT.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const paths = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]).concat([
    "req.headers.authorization",
    "req.headers.cookie",
    'req.headers["x-slack-signature"]',
  ]);
  return pino(
    {
      level,
      base: { service: "wowbot" },
      redact: { paths, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === "string" ? scrubSecrets(a) : a instanceof Error ? scrubError(a) : a)) as Parameters<typeof method>);
        },
      },
      serializers: { err: (e: unknown) => pino.stdSerializers.err(e instanceof Error ? scrubError(e) : (e as Error)) },
    },
    destination as pino.DestinationStream | undefined,
  );
}

function scrubError(error: Error): Error {
  error.message = scrubSecrets(error.message);
  if (error.stack) error.stack = scrubSecrets(error.stack);
  return error;
}
