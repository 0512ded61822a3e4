// The fetch Slack's WebClient and Bolt's respond() use, on node:http(s) with keep-alive connections. Node's built-in
// fetch (undici) took about a quarter of a request's CPU under load, most of it its web streams around each call
// (bench/README.md, "Load"). Bodies other than text (file uploads) still go through the built-in fetch.
import http from "node:http";
import https from "node:https";

// Idle connections are closed before a Node server's default 5 s keep-alive timeout, so a request never goes out on a
// connection the server is closing at that moment.
const IDLE_MS = 4_000;
const agents = {
  "http:": new http.Agent({ keepAlive: true, timeout: IDLE_MS }),
  "https:": new https.Agent({ keepAlive: true, timeout: IDLE_MS }),
};
/** What undici allows for the answer's headers, kept so a Slack that never answers is not waited for forever. */
const ANSWER_TIMEOUT_MS = 300_000;

function headersOf(init: RequestInit["headers"]): Record<string, string> {
  if (!init) return {};
  if (init instanceof Headers || Array.isArray(init)) return Object.fromEntries(new Headers(init));
  return init as Record<string, string>;
}

/** Fails as the built-in fetch does: a TypeError whose cause is the socket error, so callers classify it the same. */
const fetchFailed = (cause: unknown) => new TypeError("fetch failed", { cause });

export const slackFetch: typeof fetch = (input, init) => {
  const body = init?.body;
  const url = typeof input === "string" ? new URL(input) : input instanceof URL ? input : undefined;
  const agent = url && agents[url.protocol as keyof typeof agents];
  if (!url || !agent || !(body === undefined || body === null || typeof body === "string" || body instanceof URLSearchParams)) return fetch(input, init);
  const payload = body === undefined || body === null ? undefined : String(body);
  const signal = init?.signal ?? undefined;
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const headers = headersOf(init?.headers);
    if (payload !== undefined) headers["content-length"] = String(Buffer.byteLength(payload));
    const request = (url.protocol === "https:" ? https : http).request(url, { method: init?.method ?? "GET", headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", (error) => reject(fetchFailed(error)));
      response.on("end", () => {
        signal?.removeEventListener("abort", onAbort);
        const status = response.statusCode ?? 0;
        const answer = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) answer.append(name, v);
        }
        const noBody = status === 204 || status === 205 || status === 304;
        resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, statusText: response.statusMessage ?? "", headers: answer }));
      });
    });
    const onAbort = () => request.destroy(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    request.setTimeout(ANSWER_TIMEOUT_MS, () => request.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS / 1000} s`)));
    request.on("error", (error) => {
      signal?.removeEventListener("abort", onAbort);
      reject(signal?.aborted ? signal.reason : fetchFailed(error));
    });
    request.end(payload);
  });
};
