import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";

/**
 * Where the studio keeps everything it owns on disk: the embedded engine's
 * workflows and blobs, style sets, the generated cookie key. Git-ignored.
 * `STUDIO_DATA_DIR` moves it (tests use a temporary one).
 */
export function dataDir(...parts: string[]): string {
  const root = path.resolve(process.env.STUDIO_DATA_DIR || path.join(process.cwd(), ".data"));
  const dir = path.join(root, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
