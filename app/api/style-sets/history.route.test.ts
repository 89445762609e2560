import { describe, expect, it } from "vitest";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import type { StyleSetVersion } from "@/lib/contract/style-sets/history";
import { jsonRequest, params } from "@/lib/server/testing/studio-api";
import {
  STYLE_SETS_URL,
  testReference,
  startStyleSetApiForFile,
} from "@/lib/server/testing/style-set-api";
import { POST as restoreVersion } from "./[id]/restore-version/route";
import { PATCH } from "./[id]/route";
import { POST as setStatus } from "./[id]/status/route";
import { GET as oneVersion } from "./[id]/versions/[n]/route";
import { GET as versions } from "./[id]/versions/route";
import { POST } from "./route";

startStyleSetApiForFile();

const isProblem = (res: Response) =>
  expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);

async function create(): Promise<StyleSet> {
  const res = await POST(
    jsonRequest("/api/style-sets", {
      name: `H ${Math.random()}`,
      references: [testReference(1)],
      author: "Ana",
    }),
    {},
  );
  expect(res.status).toBe(201);
  return res.json();
}
const patch = (id: string, body: unknown) =>
  PATCH(jsonRequest(`/api/style-sets/${id}`, body, { method: "PATCH" }), params({ id }));
const post = (handler: typeof setStatus, id: string, what: string, body: unknown) =>
  handler(jsonRequest(`/api/style-sets/${id}/${what}`, body), params({ id }));

describe("style set history routes", () => {
  it("lists versions newest first and reads one", async () => {
    const set = await create();
    expect(
      (await patch(set.id, { references: [testReference(1, 0.5)], version: 1, author: "Ben" }))
        .status,
    ).toBe(200);
    const res = await versions(
      new Request(`${STYLE_SETS_URL}/${set.id}/versions`),
      params({ id: set.id }),
    );
    const body: { items: StyleSetVersion[] } = await res.json();
    expect(body.items.map((v) => [v.version, v.author])).toEqual([
      [2, "Ben"],
      [1, "Ana"],
    ]);
    expect(body.items[0]?.diff?.strength).toMatchObject([{ from: 1, to: 0.5 }]);
    const v1 = await oneVersion(
      new Request(`${STYLE_SETS_URL}/${set.id}/versions/1`),
      params({ id: set.id, n: "1" }),
    );
    expect(await v1.json()).toMatchObject({ version: 1, references: [testReference(1)] });
    for (const n of ["0", "3", "x", "1e3"]) {
      const bad = await oneVersion(
        new Request(`${STYLE_SETS_URL}/${set.id}/versions/${n}`),
        params({ id: set.id, n }),
      );
      expect(bad.status, n).toBe(404);
      isProblem(bad);
    }
  });

  it("restores a version as a new one; stale is a 409 with their change", async () => {
    const set = await create();
    await patch(set.id, { references: [testReference(2)], version: 1, author: "Ben" });
    const restored = await post(restoreVersion, set.id, "restore-version", {
      from: 1,
      version: 2,
      author: "Cleo",
    });
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({
      version: 3,
      references: [testReference(1)],
      updatedBy: "Cleo",
    });
    const stale = await post(restoreVersion, set.id, "restore-version", { from: 1, version: 2 });
    expect(stale.status).toBe(409);
    isProblem(stale);
    const problem = await stale.json();
    expect(problem.theirChange).toMatchObject({ from: 2, to: 3, authors: ["Cleo"] });
    expect(problem.theirChange.diff.added).toMatchObject([{ reference: testReference(1) }]);
    for (const body of [
      { from: 0, version: 3 },
      { version: 3 },
      { from: 1 },
      { from: 1, version: 3, x: 1 },
    ]) {
      const bad = await post(restoreVersion, set.id, "restore-version", body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      isProblem(bad);
    }
  });

  it("changes status, recording who and when; stale is a 409", async () => {
    const set = await create();
    const res = await post(setStatus, set.id, "status", {
      status: "approved",
      version: 1,
      author: "Dee",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "approved",
      approvedVersion: 1,
      statusBy: "Dee",
    });
    await patch(set.id, { note: "changed", version: 1 });
    const stale = await post(setStatus, set.id, "status", { status: "approved", version: 1 });
    expect(stale.status).toBe(409);
    const bad = await post(setStatus, set.id, "status", { status: "published", version: 2 });
    expect(bad.status).toBe(400);
    isProblem(bad);
    expect(JSON.stringify(await bad.json())).toMatch(
      /status must be one of draft, approved, retired/,
    );
  });
});
