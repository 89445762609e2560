import { describe, expect, it } from "vitest";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import type { StyleSetVersion } from "@/lib/contract/style-sets/history";
import { describeDiff } from "@/lib/contract/style-sets/diff";
import { jsonRequest, params } from "@/lib/server/testing/studio-api";
import { startStyleSetApiForFile } from "@/lib/server/testing/style-set-api";
import { PATCH } from "./[id]/route";
import { GET as oneVersion } from "./[id]/versions/[n]/route";
import { GET as listProofs, POST as recordProofs } from "./[id]/versions/[n]/proofs/route";
import { POST } from "./route";

startStyleSetApiForFile();

const proof = { prompts: ["a red door", "a quiet harbour"], tier: "medium", seed: 42 };

async function create(): Promise<StyleSet> {
  const res = await POST(
    jsonRequest("/api/style-sets", {
      name: `P ${Math.random()}`,
      references: [{ imageUrl: "https://images.example/1.png", strength: 1 }],
      author: "Ana",
    }),
    {},
  );
  expect(res.status).toBe(201);
  return res.json();
}
const patch = (id: string, body: unknown) =>
  PATCH(jsonRequest(`/api/style-sets/${id}`, body, { method: "PATCH" }), params({ id }));

describe("style set proof settings", () => {
  it("are saved as a new version with a diff line, and kept per version", async () => {
    const set = await create();
    expect(set.proof).toBeNull();
    const res = await patch(set.id, { proof, version: 1, author: "Ben" });
    expect(res.status).toBe(200);
    const saved: StyleSet = await res.json();
    expect(saved).toMatchObject({ version: 2, proof });
    const v2res = await oneVersion(
      new Request(`http://127.0.0.1:3000/api/style-sets/${set.id}/versions/2`),
      params({ id: set.id, n: "2" }),
    );
    const v2: StyleSetVersion = await v2res.json();
    expect(v2.proof).toEqual(proof);
    expect(describeDiff(v2.diff!, (k) => k)).toEqual([
      "Proof settings: 2 test prompts, medium, seed 42",
    ]);
    // A later edit of something else keeps them; null clears them.
    const v3: StyleSet = await (await patch(set.id, { note: "wet", version: 2 })).json();
    expect(v3.proof).toEqual(proof);
    const v4: StyleSet = await (await patch(set.id, { proof: null, version: 3 })).json();
    expect(v4.proof).toBeNull();
  });

  it.each([
    [
      "too many prompts",
      { ...proof, prompts: Array.from({ length: 7 }, (_, i) => `p${i}`) },
      "proof.prompts",
      /at most 6/,
    ],
    ["an empty prompt", { ...proof, prompts: ["  "] }, "proof.prompts.0", /cannot be empty/],
    ["no prompts", { ...proof, prompts: [] }, "proof.prompts", /at least one/],
    ["an unknown tier", { ...proof, tier: "huge" }, "proof.tier", /Medium or Large/],
    ["a seed past int32", { ...proof, seed: 2 ** 31 }, "proof.seed", /whole number/],
    ["a fractional seed", { ...proof, seed: 1.5 }, "proof.seed", /whole number/],
  ])("refuses %s with problem+json naming the field", async (_name, bad, field, message) => {
    const set = await create();
    const res = await patch(set.id, { proof: bad, version: 1 });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    const body: { errors?: Record<string, string[]> } = await res.json();
    expect(body.errors?.[field]?.join(" ")).toMatch(message);
  });
});

const proofsUrl = (id: string, n: string) =>
  `http://127.0.0.1:3000/api/style-sets/${id}/versions/${n}/proofs`;
const record = (id: string, n: string, body: unknown) =>
  recordProofs(jsonRequest(proofsUrl(id, n), body), params({ id, n }));
const list = async (id: string, n: string) =>
  (await (await listProofs(new Request(proofsUrl(id, n)), params({ id, n }))).json()) as {
    items: {
      version: number;
      promptIndex: number;
      prompt: string;
      workflowId: string;
      author: string;
    }[];
  };

describe("style set proofs", () => {
  it("are recorded per version with the version's own prompt text, append-only", async () => {
    const set = await create();
    await patch(set.id, { proof, version: 1 });
    await patch(set.id, { proof: { ...proof, prompts: ["a lighthouse"] }, version: 2 });
    const res = await record(set.id, "2", {
      proofs: [
        { promptIndex: 0, workflowId: "wf_a" },
        { promptIndex: 1, workflowId: "wf_b" },
      ],
      author: "Ana",
    });
    expect(res.status).toBe(201);
    expect(
      (await record(set.id, "3", { proofs: [{ promptIndex: 0, workflowId: "wf_c" }] })).status,
    ).toBe(201);
    expect((await list(set.id, "2")).items).toEqual([
      expect.objectContaining({
        version: 2,
        promptIndex: 0,
        prompt: "a red door",
        workflowId: "wf_a",
        author: "Ana",
      }),
      expect.objectContaining({
        version: 2,
        promptIndex: 1,
        prompt: "a quiet harbour",
        workflowId: "wf_b",
      }),
    ]);
    expect((await list(set.id, "3")).items.map((p) => [p.prompt, p.workflowId])).toEqual([
      ["a lighthouse", "wf_c"],
    ]);
    expect((await list(set.id, "1")).items).toEqual([]);
  });

  it("lists a render recorded twice (a retried record) once; a new run of the prompt is kept", async () => {
    const set = await create();
    await patch(set.id, { proof, version: 1 });
    const run = { proofs: [{ promptIndex: 0, workflowId: "wf_a" }], author: "Ana" };
    expect((await record(set.id, "2", run)).status).toBe(201);
    expect((await record(set.id, "2", run)).status).toBe(201);
    await record(set.id, "2", { proofs: [{ promptIndex: 0, workflowId: "wf_b" }] });
    expect((await list(set.id, "2")).items.map((p) => p.workflowId)).toEqual(["wf_a", "wf_b"]);
  });

  it("refuses a version that does not exist, a prompt the version lacks and a bad body", async () => {
    const set = await create();
    await patch(set.id, { proof, version: 1 });
    const missing = await record(set.id, "9", { proofs: [{ promptIndex: 0, workflowId: "wf_a" }] });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(
      (await listProofs(new Request(proofsUrl(set.id, "9")), params({ id: set.id, n: "9" })))
        .status,
    ).toBe(404);
    // Version 1 has no proof settings; version 2 has two prompts.
    expect(
      (await record(set.id, "1", { proofs: [{ promptIndex: 0, workflowId: "wf_a" }] })).status,
    ).toBe(400);
    expect(
      (await record(set.id, "2", { proofs: [{ promptIndex: 2, workflowId: "wf_a" }] })).status,
    ).toBe(400);
    const bad = await record(set.id, "2", {
      proofs: [{ promptIndex: 0, workflowId: "no spaces" }],
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      errors: { "proofs.0.workflowId": ["workflowId is not a workflow id"] },
    });
    expect((await list(set.id, "2")).items).toEqual([]);
  });
});
