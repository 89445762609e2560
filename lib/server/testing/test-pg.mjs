// `npm run test:pg`: the store and route tests against PostgreSQL. Needs
// DATABASE_URL (postgres://…, a database the user may create schemas in): each
// test file gets schemas of its own there (lib/server/testing/test-db.ts) and
// drops them after. Extra arguments go to vitest (e.g. a narrower path).
import { spawnSync } from "node:child_process";

const url = process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error(
    "test:pg needs DATABASE_URL=postgres://user@host:port/db (a Postgres the tests may create schemas in).",
  );
  process.exit(2);
}
const paths = process.argv.length > 2 ? process.argv.slice(2) : ["lib/server", "app/api"];
const run = spawnSync("npx", ["vitest", "run", ...paths], { stdio: "inherit", env: process.env });
process.exit(run.status ?? 1);
