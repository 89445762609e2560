import "server-only";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/server/db/data-dir";
import { env } from "@/lib/server/env";

let cached: string | undefined;

/**
 * The key that seals the studio's cookies. `STUDIO_SECRET` when set (at least 32
 * characters); otherwise one is generated on first use and kept in the data dir
 * with owner-only permissions, so a fresh clone needs no setup and a restart
 * keeps existing sessions.
 */
export function studioSecret(): string {
  if (cached) return cached;
  const fromEnv = env().STUDIO_SECRET;
  if (fromEnv) return (cached = fromEnv);
  const file = path.join(dataDir(), "studio-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    const fresh = randomBytes(32).toString("base64url");
    try {
      // "wx": if another process won the race, read theirs instead.
      writeFileSync(file, fresh, { mode: 0o600, flag: "wx" });
      cached = fresh;
    } catch {
      cached = readFileSync(file, "utf8").trim();
    }
  }
  if (!cached || cached.length < 32)
    throw new Error(`The cookie key in ${file} is unreadable; delete it to make a new one`);
  return cached;
}
