import "server-only";
import { pingStudioDb, studioDbTarget } from "@/lib/server/db/studio-db";

// One round trip to the studio's database (SQLite, or PostgreSQL with
// DATABASE_URL; pingStudioDb), bounded so that a database that hangs reads as down.

export interface DatabaseHealth {
  kind: "sqlite" | "postgres";
  ok: boolean;
  latencyMs: number | null;
  reason?: string;
}

const CHECK_TIMEOUT_MS = 2_000;

export async function checkDatabase(): Promise<DatabaseHealth> {
  const kind = studioDbTarget().dialect;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const { latencyMs } = await Promise.race([
      pingStudioDb(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("no answer within 2 s")), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { kind, ok: true, latencyMs };
  } catch (error) {
    // Never the URL (it may carry a password).
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
