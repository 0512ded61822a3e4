// A TCP proxy on 127.0.0.1 between the service and PostgreSQL that a test can cut (every open connection dropped,
// new ones refused or held) and restore: a database connection lost mid-request or mid-job, on demand.
import { connect, createServer, type Server, type Socket } from "node:net";

export interface TcpProxy {
  /** The port the proxy listens on (127.0.0.1). */
  port: number;
  /** Rewrites a PostgreSQL URL so it goes through the proxy. */
  urlThrough(url: string): string;
  /** Drops every open connection; until restore(), new connections are refused (closed at once) or held unanswered. */
  cut(mode?: "refuse" | "hold"): void;
  /** Lets connections through again; held ones are connected now. */
  restore(): void;
  /** Connections accepted so far (to wait for the service to be using the proxy). */
  readonly accepted: number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const held: Socket[] = [];
  let state: "open" | "refuse" | "hold" = "open";
  let accepted = 0;

  const pipe = (client: Socket) => {
    const upstream = connect(target.port, target.host);
    open.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  };

  const server: Server = createServer((client) => {
    accepted++;
    if (state === "refuse") return void client.destroy();
    if (state === "hold") {
      client.pause();
      client.on("error", () => {});
      held.push(client);
      return;
    }
    pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;

  return {
    port,
    get accepted() {
      return accepted;
    },
    urlThrough(url) {
      const u = new URL(url);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    cut(mode = "refuse") {
      state = mode;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    restore() {
      state = "open";
      for (const client of held.splice(0)) {
        if (client.destroyed) continue;
        pipe(client);
        client.resume();
      }
    },
    async close() {
      state = "refuse";
      for (const socket of [...open, ...held]) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The host and port of a PostgreSQL URL. */
export function targetOf(url: string): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || 5432) };
}
