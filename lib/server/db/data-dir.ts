import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/server/env";

/**
 * Where the studio keeps everything it owns on disk: the embedded engine's
 * workflows and blobs, style sets, the generated cookie key. Git-ignored.
 * `STUDIO_DATA_DIR` moves it (tests use a temporary one).
 */
export function dataDir(...parts: string[]): string {
  // The ignore comments keep Next's file tracing from pulling the whole project
  // (and the data itself) into the server bundle for these runtime paths.
  const root = path.resolve(
    /*turbopackIgnore: true*/ env().STUDIO_DATA_DIR ||
      path.join(/*turbopackIgnore: true*/ process.cwd(), ".data"),
  );
  const dir = path.join(/*turbopackIgnore: true*/ root, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
