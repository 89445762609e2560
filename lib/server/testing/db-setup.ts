// Vitest setup for every test file. With DATABASE_URL set (npm run test:pg) the
// file's studio database is a Postgres schema of its own, dropped after, so test
// files running side by side never share rows and nothing lands in the URL's
// own schema. Without it (the default) this does nothing: SQLite lives in each
// test's data dir.
import { tmpdir } from "node:os";
import { afterAll, beforeAll } from "vitest";

if (process.env.DATABASE_URL) {
  let undo: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const { pointStudioDbAtFreshPlace } = await import("./test-db");
    undo = await pointStudioDbAtFreshPlace(tmpdir());
  });
  afterAll(async () => {
    const { closeStudioDbs } = await import("@/lib/server/db/studio-db");
    await closeStudioDbs();
    await undo?.();
  });
}
