import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { closeStudioDbs, getStudioDb } from "@/lib/server/db/studio-db";
import { pointStudioDbAtFreshPlace } from "@/lib/server/testing/test-db";
import type { OrchestratorTarget } from "./target";
import type { SubmitResult } from "./workflows";

// Runs on SQLite, and on Postgres with DATABASE_URL set (npm run test:pg).
let dir: string;
let undoDb: () => Promise<void>;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "krea-idempotency-"));
  process.env.STUDIO_DATA_DIR = dir;
  undoDb = await pointStudioDbAtFreshPlace(dir);
});
afterEach(async () => {
  await closeStudioDbs();
  await undoDb();
  delete process.env.STUDIO_DATA_DIR;
  rmSync(dir, { recursive: true, force: true });
});

const target: OrchestratorTarget = {
  kind: "local",
  baseUrl: "http://127.0.0.1:1",
  token: "secret-token",
  source: "local",
};

function submitted(id: string): () => Promise<SubmitResult> {
  return async () => ({ generation: { id } as SubmitResult["generation"], upstreamStatus: 202 });
}

/** idempotency.ts as a freshly started instance has it: nothing in memory. */
async function freshInstance() {
  vi.resetModules();
  return import("./idempotency");
}

describe("submitOnce", () => {
  it("a repeat on another instance (nothing in its memory) is a replay: the record is in the database", async () => {
    const a = await freshInstance();
    expect((await a.submitOnce(target, "key-1", submitted("wf_1"))).replay).toBe(false);
    const b = await freshInstance();
    const again = await b.submitOnce(target, "key-1", submitted("wf_1"));
    expect(again.replay).toBe(true);
    expect((await b.submitOnce(target, "key-2", submitted("wf_2"))).replay).toBe(false);
  });

  it("concurrent requests with one key share one upstream call", async () => {
    const { submitOnce } = await freshInstance();
    const submit = vi.fn(submitted("wf_3"));
    const [first, second] = await Promise.all([
      submitOnce(target, "key-3", submit),
      submitOnce(target, "key-3", submit),
    ]);
    expect(submit).toHaveBeenCalledTimes(1);
    expect([first.replay, second.replay].sort()).toEqual([false, true]);
  });

  it("stores a hash of orchestrator, token and key, never the token", async () => {
    const { submitOnce, idempotencyScope } = await freshInstance();
    await submitOnce(target, "key-4", submitted("wf_4"));
    const rows = await (
      await getStudioDb()
    ).kysely
      .selectFrom("idempotency_records")
      .selectAll()
      .execute();
    expect(rows).toMatchObject([{ scope: idempotencyScope(target, "key-4"), workflow_id: "wf_4" }]);
    expect(JSON.stringify(rows)).not.toContain("secret-token");
  });
});
