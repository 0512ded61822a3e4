// How many PostgreSQL connections a process keeps by default (DATABASE_POOL_SIZE). At 10, a burst of 200 requests/s
// left modal submissions waiting seconds for a connection; 20 kept them under Slack's 3 s (bench/README.md, "Load").
export const DEFAULT_POOL_SIZE = 20;
