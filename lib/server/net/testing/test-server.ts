// A tiny HTTP server on 127.0.0.1 for URL guard and reference check tests:
// /image.png, /page.html, /missing, /big (1 MB), /slow (never answers),
// /redirect?to=<url>, /chain/<n> (n redirects, then the image). It counts hits.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface TestServer {
  port: number;
  /** http://<host>:<port> for a host name the fake resolver maps to 127.0.0.1 */
  origin(host?: string): string;
  hits: string[];
  close(): Promise<void>;
}

export async function startTestServer(image: Buffer): Promise<TestServer> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    hits.push(url.pathname + url.search);
    const chain = /^\/chain\/(\d+)$/.exec(url.pathname);
    if (url.pathname === "/image.png") {
      res.writeHead(200, { "content-type": "image/png", "content-length": image.length });
      res.end(image);
    } else if (url.pathname === "/disguised") {
      // A PNG served as text/plain: the bytes decide.
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(image);
    } else if (url.pathname === "/page.html") {
      res.writeHead(200, { "content-type": "image/png" });
      res.end("<!doctype html><html><body>Sign in to see this image</body></html>");
    } else if (url.pathname === "/big") {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end(Buffer.alloc(1024 * 1024, 7));
    } else if (url.pathname === "/slow") {
      // never answers; the client's timeout must end it
    } else if (url.pathname === "/redirect") {
      res.writeHead(302, { location: url.searchParams.get("to") ?? "/" });
      res.end();
    } else if (chain) {
      const n = Number(chain[1]);
      res.writeHead(301, { location: n > 1 ? `/chain/${n - 1}` : "/image.png" });
      res.end();
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = address && typeof address === "object" ? (address satisfies AddressInfo).port : 0;
  return {
    port,
    origin: (host = "images.example") => `http://${host}:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
