import { describe, expect, it } from "vitest";
import type { Generation } from "@/lib/contract/generations/types";
import { planProof, sentProofs } from "./proof-run";

const target = {
  setId: "ss_aaaaaaaaaaaaaaaaaaaa",
  name: "Noir",
  version: 3,
  references: [{ imageUrl: "https://example.com/ink.png", strength: -0.5, label: "ink.png" }],
  settings: { prompts: ["a red door", "a harbour", "a lamp"], tier: "large" as const, seed: 7 },
};

describe("planProof", () => {
  it("is one workflow per test prompt, each priced on its own from the builder's table", () => {
    const plan = planProof(target);
    expect(plan.kind).toBe("proof");
    expect(plan.members.map((m) => [m.input.prompt, m.input.size, m.input.seed, m.cost])).toEqual([
      ["a red door", "large", 7, 85],
      ["a harbour", "large", 7, 85],
      ["a lamp", "large", 7, 85],
    ]);
    expect(plan.total).toBe(255);
    expect(plan.members[0]?.input.imageStyleReferences).toEqual([
      { imageUrl: "https://example.com/ink.png", strength: -0.5 },
    ]);
  });

  it("costs the plain rate for a set version without references", () => {
    expect(planProof({ ...target, references: [] }).total).toBe(3 * 78);
  });
});

describe("sentProofs", () => {
  it("records each prompt whose workflow exists, by its place in the settings", () => {
    const g = (id: string) => ({ id }) as Generation;
    expect(sentProofs([g("wf_a"), null, g("wf_c")])).toEqual([
      { promptIndex: 0, workflowId: "wf_a" },
      { promptIndex: 2, workflowId: "wf_c" },
    ]);
  });
});
