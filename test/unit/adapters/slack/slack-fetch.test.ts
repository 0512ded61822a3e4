// The fetch Slack's clients use, against a local HTTP server: what WebClient and respond() read (status, headers,
// body), aborts by signal, and socket failures reported as the built-in fetch reports them.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackFetch } from "../../../../src/adapters/slack/slack-fetch.js";

describe("slackFetch", () => {
  let server: http.Server;
  let base: string;
  const received: Array<{ method?: string; url?: string; type?: string; body: string }> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => {
        body += c.toString();
      });
      req.on("end", () => {
        received.push({ method: req.method, url: req.url, type: req.headers["content-type"], body });
        if (req.url === "/hang") return; // never answers
        if (req.url === "/empty") return void res.writeHead(204).end();
        if (req.url === "/limited") return void res.writeHead(429, { "retry-after": "7" }).end();
        res.writeHead(200, { "content-type": "application/json", "x-oauth-scopes": "chat:write,users:read" });
        res.end(JSON.stringify({ ok: true, echo: body }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("posts a form body and answers with status, headers and JSON, as the Web API client reads them", async () => {
    const response = await slackFetch(`${base}/api/chat.postMessage`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ channel: "C1", text: "héllo" }),
    });
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get("x-oauth-scopes")).toBe("chat:write,users:read");
    expect(await response.json()).toEqual({ ok: true, echo: "channel=C1&text=h%C3%A9llo" });
    expect(received.at(-1)).toMatchObject({ method: "POST", url: "/api/chat.postMessage", type: "application/x-www-form-urlencoded" });
  });

  it("answers 204 with no body, and 429 with its Retry-After", async () => {
    const empty = await slackFetch(`${base}/empty`, { method: "POST", body: "{}" });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe("");
    const limited = await slackFetch(`${base}/limited`, { method: "POST", body: "{}" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
  });

  it("gives up when its signal is aborted, with the signal's reason", async () => {
    const started = Date.now();
    await expect(slackFetch(`${base}/hang`, { method: "POST", body: "x", signal: AbortSignal.timeout(100) })).rejects.toMatchObject({ name: "TimeoutError" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("reports an unreachable server as the built-in fetch does: a TypeError caused by the socket error", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await slackFetch(`http://127.0.0.1:${port}/api/users.info`, { method: "POST", body: "" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).cause).toMatchObject({ code: "ECONNREFUSED" });
  });
});
