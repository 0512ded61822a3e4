// The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas the router and use cases check with.
import { z } from "zod";
import { BODY_LIMIT } from "./limits.js";
import { attendanceCountsBody, countsBody, ENDPOINTS, errorBody, ingestBody, refusalBody } from "./schemas.js";

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), describing what a client sends. */
const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" });
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string, description: string) => ({ description, content: { "application/json": { schema: ref(name) } } });

/** The request body: ingestBody's schema, with the endpoint's row schema as the items of `rows`. */
function bodySchema(row: string) {
  const body = jsonSchema(ingestBody);
  return { ...body, properties: { ...body.properties, rows: { ...(body.properties?.rows as object), items: ref(row) } } };
}

let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  cached ??= build();
  return cached;
}

function build(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {
    Error: jsonSchema(errorBody),
    Refusal: jsonSchema(refusalBody),
    Counts: jsonSchema(countsBody),
    AttendanceCounts: jsonSchema(attendanceCountsBody),
  };
  const paths: Record<string, unknown> = {};
  for (const e of ENDPOINTS) {
    const row = `${e.name}Row`;
    schemas[row] = jsonSchema(e.row);
    paths[`/api/v1${e.path}`] = {
      post: {
        operationId: `post${e.name}`,
        summary: e.summary,
        description:
          "Checks every row first. A batch with any bad row is refused whole (422) with every problem listed; otherwise all rows are " +
          "saved in one transaction, upserted by their natural key, so sending the same rows again is safe.",
        requestBody: {
          required: true,
          content: { "application/json": { schema: bodySchema(row) } },
        },
        responses: {
          "200": json(e.kind === "attendance" ? "AttendanceCounts" : "Counts", "Saved."),
          "400": json("Error", 'The body is not JSON, not an object with a "rows" array, or could not be read whole.'),
          "401": {
            ...json("Error", "The token is missing, malformed, not valid or revoked."),
            headers: { "WWW-Authenticate": { schema: { type: "string" }, description: "Bearer" } },
          },
          "413": json("Error", `The body is larger than ${BODY_LIMIT}: send the rows in smaller batches.`),
          "415": json("Error", "The body is not application/json in UTF-8."),
          "422": json("Refusal", "Some rows are bad: nothing was saved."),
          "429": {
            ...json("Error", "Too many failed authentications from this address: wait and try again."),
            headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds until the address may try again." } },
          },
        },
      },
    };
  }
  paths["/api/v1/openapi.json"] = {
    get: {
      operationId: "getOpenApi",
      summary: "This description",
      security: [],
      responses: { "200": { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "wowbot ingest API",
      version: "1.0.0",
      description:
        "Contact-centre data into wowbot: service level, chat sessions and attendance. Authenticate with a workspace's ingest token " +
        "(an admin creates one with `/wowbot token create NAME`) as `Authorization: Bearer <token>`. After 10 failed authentications " +
        "from one address within 15 minutes, that address gets 429 until the 15 minutes are over.",
    },
    // No servers: the document is served by the host it describes, so paths are absolute from that host's root.
    security: [{ bearerToken: [] }],
    paths,
    components: {
      securitySchemes: { bearerToken: { type: "http", scheme: "bearer", description: "An ingest API token (wowbot_...)." } },
      schemas,
    },
  };
}
