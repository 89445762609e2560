// Serves an engine over node:http, converting IncomingMessage ↔ Web
// Request/Response with streaming both ways. When a client goes away the
// request's signal aborts, so a long-poll (`?wait=`) ends at once instead of
// holding a timer for a listener that is gone.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { Engine } from "./engine";

export interface NodeServerOptions {
  /** 0 picks a free port */
  port?: number;
  host?: string;
  /** where the engine is mounted; "/" standalone */
  basePath?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export function toRequest(
  req: IncomingMessage,
  signal: AbortSignal,
): { request: Request; discardBody: () => void } {
  const host = req.headers.host ?? "localhost";
  const url = new URL(req.url ?? "/", `http://${host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(":")) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const body = hasBody ? bodyStream(req) : null;
  const init: RequestInit & { duplex: "half" } = {
    method,
    headers,
    signal,
    body: body?.stream,
    // Required by undici for streamed request bodies.
    duplex: "half",
  };
  return { request: new Request(url, init), discardBody: body?.discard ?? (() => req.resume()) };
}

/**
 * The request body as a Web stream with backpressure. Canceling it (a route
 * refusing a body that is too large) drains and discards the rest instead of
 * destroying the socket, so the client still receives the 413 rather than a
 * connection reset.
 */
function bodyStream(req: IncomingMessage): {
  stream: ReadableStream<Uint8Array>;
  discard: () => void;
} {
  let open = true;
  const onData = (chunk: Buffer, controller: ReadableStreamDefaultController<Uint8Array>) => {
    if (!open) return;
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on("data", (chunk: Buffer) => onData(chunk, controller));
        req.on("end", () => {
          if (open) controller.close();
          open = false;
        });
        req.on("error", (error) => {
          if (open) controller.error(error);
          open = false;
        });
      },
      pull() {
        req.resume();
      },
      cancel() {
        open = false;
        req.resume();
      },
    },
    { highWaterMark: 4 },
  );
  const discard = () => {
    open = false;
    req.resume();
  };
  return { stream, discard };
}

export async function writeResponse(
  response: Response,
  res: ServerResponse,
  method: string,
): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body || method === "HEAD") {
    res.end();
    return;
  }
  const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
  await new Promise<void>((resolve) => {
    body.on("error", () => {
      res.destroy();
      resolve();
    });
    res.on("close", resolve);
    body.pipe(res);
  });
}

export function startNodeServer(
  engine: Engine,
  options: NodeServerOptions = {},
): Promise<RunningServer> {
  const basePath = options.basePath && options.basePath !== "/" ? options.basePath : "";
  const server = createServer((req, res) => {
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    // A body the route never read (refused early) is drained, keeping the connection usable.
    const { request, discardBody } = toRequest(req, controller.signal);
    res.on("finish", () => {
      if (!req.complete) discardBody();
    });
    void (async () => {
      try {
        const response = await engine.handle(request, basePath);
        await writeResponse(response, res, req.method ?? "GET");
      } catch (error) {
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "application/problem+json" });
          res.end(
            JSON.stringify({ title: "Internal Server Error", status: 500, detail: String(error) }),
          );
        } else {
          res.destroy();
        }
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      const host =
        options.host && options.host !== "0.0.0.0" && options.host !== "::"
          ? options.host
          : "127.0.0.1";
      resolve({
        url: `http://${host.includes(":") ? `[${host}]` : host}:${port}${basePath}`,
        port,
        server,
        close: () =>
          new Promise<void>((done) => {
            // Long-polls would keep close() waiting for up to 100 s otherwise.
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
