import { describe, expect, it } from "vitest";
import { comparedVersion, pairProofs, proofInputs, type StyleSetProof } from "./proof";

const proof = (
  version: number,
  promptIndex: number,
  workflowId: string,
  prompt = "p",
): StyleSetProof => ({
  setId: "ss_x",
  version,
  promptIndex,
  prompt,
  workflowId,
  author: "Ana",
  at: "2026-12-05T10:00:00.000Z",
});

describe("proofInputs", () => {
  it("renders every test prompt with the version's references, tier and seed, and nothing else", () => {
    const refs = [
      { imageUrl: "https://example.com/a.png", strength: -0.5, label: "a", thumbnailId: "t" },
    ];
    const inputs = proofInputs(refs, {
      prompts: ["a red door", "a harbour"],
      tier: "large",
      seed: 7,
    });
    expect(inputs).toEqual(
      ["a red door", "a harbour"].map((prompt) => ({
        prompt,
        size: "large",
        aspectRatio: "1:1",
        creativity: "medium",
        quantity: 1,
        seed: 7,
        imageStyleReferences: [{ imageUrl: "https://example.com/a.png", strength: -0.5 }],
      })),
    );
  });
});

describe("pairProofs", () => {
  it("pairs each prompt with the approved version's proof at the same index, newest run first", () => {
    const rows = pairProofs(
      ["door", "harbour"],
      [proof(3, 0, "m0-old", "door"), proof(3, 1, "m1", "harbour"), proof(3, 0, "m0", "door")],
      [proof(1, 0, "a0", "door"), proof(1, 1, "a1", "a boat")],
    );
    expect(rows.map((r) => [r.prompt, r.mine?.workflowId, r.approved?.workflowId])).toEqual([
      ["door", "m0", "a0"],
      ["harbour", "m1", "a1"],
    ]);
    expect(rows.map((r) => r.approvedPromptDiffers)).toEqual([false, true]);
  });

  it("shows this version's proofs alone when no version was approved, and unrendered prompts as empty", () => {
    const rows = pairProofs(["door", "harbour", "lamp"], [proof(2, 1, "m1", "harbour")], null);
    expect(rows.map((r) => [r.prompt, r.mine?.workflowId ?? null, r.approved])).toEqual([
      ["door", null, null],
      ["harbour", "m1", null],
      ["lamp", null, null],
    ]);
  });

  it("keeps a recorded proof whose prompt index the settings no longer have", () => {
    const rows = pairProofs(["door"], [proof(2, 1, "m1", "harbour")], []);
    expect(rows.map((r) => r.prompt)).toEqual(["door", "harbour"]);
  });
});

describe("comparedVersion", () => {
  const approved = (version: number, at: string) => ({ status: "approved", version, at });
  it("is the set's approved version, or the one approved before this one, or none", () => {
    expect(comparedVersion(3, 1, [approved(1, "2026-01-01T00:00:00Z")])).toBe(1);
    expect(
      comparedVersion(3, 3, [
        approved(1, "2026-01-01T00:00:00Z"),
        approved(2, "2026-02-01T00:00:00Z"),
        { status: "draft", version: 2, at: "2026-02-02T00:00:00Z" },
        approved(3, "2026-03-01T00:00:00Z"),
      ]),
    ).toBe(2);
    expect(comparedVersion(2, null, [])).toBeNull();
    expect(comparedVersion(1, 1, [approved(1, "2026-01-01T00:00:00Z")])).toBeNull();
  });
});
