import "server-only";
import { sql } from "kysely";
import { getStudioDb, studioDbTarget } from "@/lib/server/db/studio-db";

// One `SELECT 1` on the studio's database (SQLite, or PostgreSQL with
// DATABASE_URL), bounded so that a database that hangs reads as down.

export interface DatabaseHealth {
  kind: "sqlite" | "postgres";
  ok: boolean;
  latencyMs: number | null;
  reason?: string;
}

const CHECK_TIMEOUT_MS = 2_000;

export async function checkDatabase(): Promise<DatabaseHealth> {
  const kind = studioDbTarget().dialect;
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      (async () => {
        const db = await getStudioDb();
        await sql`SELECT 1`.execute(db.kysely);
      })(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("no answer within 2 s")), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { kind, ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    const said =
      error instanceof Error
        ? error.message.replace(/postgres(ql)?:\/\/\S+/g, "postgres://…")
        : "unreachable";
    return {
      kind,
      ok: false,
      latencyMs: null,
      reason: `The ${kind === "postgres" ? "PostgreSQL" : "SQLite"} database is unreachable (${said.slice(0, 200)})`,
    };
  } finally {
    clearTimeout(timer);
  }
}
