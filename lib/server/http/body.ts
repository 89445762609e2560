// Reads a request body without ever holding more than `limit` bytes: refused
// early when Content-Length already says too much, and while streaming when it
// does not. Shared by the studio's routes and the embedded engine.
import "server-only";

export async function readCapped(
  request: Request,
  limit: number,
  tooLarge: () => Error,
): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
