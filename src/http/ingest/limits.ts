// Limits of the ingest API that the router, the error handler and the OpenAPI description all state.
/** The largest request body accepted (about 50,000 service-level rows); larger ones get 413. */
export const BODY_LIMIT = "5 MB";
export const BODY_LIMIT_BYTES = 5 * 1024 * 1024;
