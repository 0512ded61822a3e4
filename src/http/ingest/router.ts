// The ingest API (PRODUCT.md §5) under /api/v1: a failure brake per address, bearer-token authentication, JSON only
// (5 MB), then one use case per endpoint. Bad rows come back as 422 with every problem; nothing is half saved.
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import type { ApiTokenRecord } from "../../app/api-tokens.js";
import { authenticateApiToken } from "../../app/authenticate-token.js";
import { ingestAttendance } from "../../app/ingest-attendance.js";
import type { ContactDataStore } from "../../app/ingest-batch.js";
import { ingestChatSessions } from "../../app/ingest-chat-sessions.js";
import { ingestFeedback } from "../../app/ingest-feedback.js";
import { ingestRoster } from "../../app/ingest-roster.js";
import type { IngestCounts, IngestRefusal } from "../../app/ingest-rows.js";
import { ingestServiceLevel } from "../../app/ingest-service-level.js";
import type { Ports } from "../../app/ports.js";
import type { WorkspaceRecord } from "../../domain/records.js";
import type { Result } from "../../domain/result.js";
import type { Logger } from "../../logger.js";
import { FailureLimiter, type FailureLimits } from "./failure-limiter.js";
import { BODY_LIMIT, BODY_LIMIT_BYTES } from "./limits.js";
import { openApiDocument } from "./openapi.js";
import { ENDPOINTS, ingestBody } from "./schemas.js";

export interface IngestDeps {
  ports: Pick<Ports, "clock" | "members" | "attendance" | "tokens" | "teams" | "feedback">;
  contactData: ContactDataStore;
  workspaces: { findById(id: string): Promise<WorkspaceRecord | null> };
  logger: Logger;
  limits?: FailureLimits;
}

interface Caller {
  token: ApiTokenRecord;
  workspace: WorkspaceRecord;
}

type Kind = (typeof ENDPOINTS)[number]["kind"];

const errorJson = (res: Response, status: number, error: string, message: string) => res.status(status).json({ error, message });

export function ingestRouter(deps: IngestDeps): Router {
  const { ports, logger } = deps;
  const limiter = new FailureLimiter(ports.clock, deps.limits);
  const touched = new Map<string, number>();
  const router = express.Router();
  const parseJson = express.json({ limit: BODY_LIMIT_BYTES });

  router.get("/openapi.json", (_req, res) => {
    res.json(openApiDocument());
  });
  router.all("/openapi.json", methodNotAllowed("GET"));

  async function authenticate(req: Request, res: Response, next: NextFunction) {
    // Behind a reverse proxy every client has the proxy's address (Express trusts no X-Forwarded-For by default).
    const address = req.ip ?? req.socket.remoteAddress ?? "unknown";
    const waitMs = limiter.retryAfterMs(address);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      // Refusals are logged (never the token): an operator sees guessing and broken clients.
      logger.warn({ path: req.path, address, retryAfterSeconds: seconds }, "ingest refused: too many failed authentications from this address");
      res.set("Retry-After", String(seconds));
      errorJson(res, 429, "too_many_failures", `Too many failed authentications from this address: try again in ${Math.ceil(seconds / 60)} minute(s).`);
      return;
    }
    const result = await authenticateApiToken(ports, req.get("authorization"), touched);
    if (!result.ok) {
      limiter.failed(address);
      logger.info({ path: req.path, address, reason: result.error.message }, "ingest refused: unauthorized");
      res.set("WWW-Authenticate", 'Bearer realm="wowbot"');
      errorJson(res, 401, "unauthorized", result.error.message);
      return;
    }
    limiter.succeeded(address);
    const workspace = await deps.workspaces.findById(result.value.workspaceId);
    if (!workspace) {
      logger.info({ path: req.path, address, tokenName: result.value.name }, "ingest refused: the token's workspace no longer exists");
      res.set("WWW-Authenticate", 'Bearer realm="wowbot"');
      errorJson(res, 401, "unauthorized", "This token's workspace no longer exists.");
      return;
    }
    res.locals.caller = { token: result.value, workspace } satisfies Caller;
    next();
  }

  function requireJson(req: Request, res: Response, next: NextFunction) {
    if (req.is("application/json")) {
      next();
      return;
    }
    const given = req.get("content-type");
    logger.info({ path: req.path, contentType: given?.slice(0, 80) ?? null }, "ingest refused: the body is not JSON");
    errorJson(res, 415, "unsupported_media_type", `Send the body as JSON with Content-Type: application/json${given ? ` (got ${given.slice(0, 80)})` : ""}.`);
  }

  const run = (kind: Kind, caller: Caller, rows: unknown[]): Promise<Result<IngestCounts, IngestRefusal>> => {
    const input = { workspace: caller.workspace, rows };
    if (kind === "service-level") return ingestServiceLevel({ ...ports, contactData: deps.contactData }, input);
    if (kind === "chat-sessions") return ingestChatSessions({ ...ports, contactData: deps.contactData }, input);
    if (kind === "feedback") return ingestFeedback(ports, input);
    if (kind === "roster") return ingestRoster(ports, { ...input, actor: `api:${caller.token.name}` });
    return ingestAttendance(ports, { ...input, actor: `api:${caller.token.name}` });
  };

  for (const endpoint of ENDPOINTS) {
    router.post(endpoint.path, authenticate, requireJson, parseJson, async (req, res) => {
      const caller = res.locals.caller as Caller;
      const body = ingestBody.safeParse(req.body);
      if (!body.success) {
        logger.info({ path: req.path, workspaceId: caller.workspace.id, tokenName: caller.token.name }, "ingest refused: the body is not {rows: [...]}");
        errorJson(
          res,
          400,
          "invalid_body",
          `The body must be a JSON object with a "rows" array and nothing else: {"rows": [{...}, ...]} (at most ${BODY_LIMIT}).`,
        );
        return;
      }
      const result = await run(endpoint.kind, caller, body.data.rows);
      const context = { kind: endpoint.kind, workspaceId: caller.workspace.id, tokenName: caller.token.name, rows: body.data.rows.length };
      if (!result.ok) {
        logger.info({ ...context, problems: result.error.problems.length }, "ingest refused");
        res.status(422).json({ error: "invalid_rows", message: result.error.message, problems: result.error.problems });
        return;
      }
      logger.info({ ...context, ...result.value }, "ingest saved");
      res.json(result.value);
    });
    router.all(endpoint.path, methodNotAllowed("POST"));
  }
  // Other paths fall through to the server's JSON 404 (NOT_FOUND_MESSAGE).

  return router;
}

export const NOT_FOUND_MESSAGE = `No such ingest endpoint: use POST ${ENDPOINTS.map((e) => `/api/v1${e.path}`).join(", ")}; the description is at GET /api/v1/openapi.json.`;

function methodNotAllowed(allowed: string) {
  return (req: Request, res: Response) => {
    res.set("Allow", allowed);
    errorJson(res, 405, "method_not_allowed", `${req.method} is not allowed here: use ${allowed}.`);
  };
}
