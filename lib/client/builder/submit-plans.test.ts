import { describe, expect, it } from "vitest";
import { kreaInputSchema } from "@/lib/contract/krea/schema";
import { makeGeneration } from "@/lib/contract/generations/fixtures";
import {
  normaliseStrengths,
  parseStrengthList,
  planCompare,
  planCostText,
  planCreativitySweep,
  planGenerate,
  planRepeat,
  planStrengthSweep,
  planTierTry,
  type PlanTools,
} from "./submit-plans";

let seeds = 0;
const tools: PlanTools = { drawSeed: () => 1000 + seeds++, newId: (k) => `${k}_id` };
const ref = (strength = 1) => ({ imageUrl: "https://images.example/r.png", strength });
const input = (over: Record<string, unknown> = {}) =>
  kreaInputSchema.parse({ prompt: "a fox", ...over });

describe("Compare tiers", () => {
  it("submits the same input but size, with one seed drawn for both when random", () => {
    const p = planCompare(
      input({ quantity: 2, creativity: "raw", aspectRatio: "4:5" }),
      undefined,
      tools,
    );
    expect(p.members.map((m) => m.input.size)).toEqual(["medium", "large"]);
    const [a, b] = p.members.map((m) => m.input);
    expect({ ...a, size: "x" }).toEqual({ ...b, size: "x" });
    expect(typeof a?.seed).toBe("number");
    expect(p.members.every((m) => m.context.pair === "pair_id")).toBe(true);
  });

  it("keeps a pinned seed", () => {
    const p = planCompare(input({ seed: 7 }), undefined, tools);
    expect(p.members.map((m) => m.input.seed)).toEqual([7, 7]);
  });

  it.each([
    [{ quantity: 1 }, [39, 78], 117, "39 + 78 = 117 Buzz"],
    [{ quantity: 3 }, [117, 234], 351, "117 + 234 = 351 Buzz"],
    // 45.5 → 46 and 84.5 → 85: each workflow is rounded up on its own
    [{ imageStyleReferences: [ref()] }, [46, 85], 131, "46 + 85 = 131 Buzz"],
    [{ quantity: 3, imageStyleReferences: [ref()] }, [137, 254], 391, "137 + 254 = 391 Buzz"],
  ])("costs %o as the sum of both workflows", (over, costs, total, text) => {
    const p = planCompare(input(over), undefined, tools);
    expect(p.members.map((m) => m.cost)).toEqual(costs);
    expect(p.total).toBe(total);
    expect(planCostText(p)).toBe(text);
  });

  it("records the builder's parent on both sides", () => {
    const p = planCompare(input(), { id: "wf_parent", kind: "reuse" }, tools);
    expect(p.members.map((m) => m.context)).toEqual([
      { parent: "wf_parent", lineage: "reuse", pair: "pair_id" },
      { parent: "wf_parent", lineage: "reuse", pair: "pair_id" },
    ]);
  });
});

describe("sweeps", () => {
  it("runs one seed at raw, low, medium and high", () => {
    const p = planCreativitySweep(input({ creativity: "high" }), undefined, tools);
    expect(p.members.map((m) => m.input.creativity)).toEqual(["raw", "low", "medium", "high"]);
    expect(new Set(p.members.map((m) => m.input.seed)).size).toBe(1);
    expect(p.members[0]?.context).toEqual({ sweep: "sweep_id", sweepKind: "creativity" });
    expect(p.total).toBe(156);
  });

  it("costs a large sweep with references as four rounded workflows", () => {
    const p = planCreativitySweep(
      input({ size: "large", quantity: 2, imageStyleReferences: [ref()] }),
      undefined,
      tools,
    );
    expect(p.total).toBe(4 * 169);
  });

  it("varies one reference's strength and keeps the others", () => {
    const refs = [ref(0.5), ref(1.5)];
    const p = planStrengthSweep(
      input({ imageStyleReferences: refs }),
      1,
      [2, -1, 0, 1],
      { id: "wf_p", kind: "reuse" },
      tools,
    );
    expect(p.members.map((m) => m.input.imageStyleReferences.map((r) => r.strength))).toEqual([
      [0.5, -1],
      [0.5, 0],
      [0.5, 1],
      [0.5, 2],
    ]);
    expect(p.members.map((m) => m.label)).toEqual([
      "Strength −1.0",
      "Strength 0.0",
      "Strength +1.0",
      "Strength +2.0",
    ]);
    expect(p.members[0]?.context).toEqual({
      parent: "wf_p",
      lineage: "sweep",
      sweep: "sweep_id",
      sweepKind: "strength",
      sweepRef: 1,
    });
    expect(p.total).toBe(4 * 46);
  });

  it("keeps strengths in range and distinct, at the precision typed", () => {
    expect(normaliseStrengths([3, -2.5, 1, 1, 0.05, NaN, -2, 2])).toEqual([-2, 0.05, 1, 2]);
    expect(normaliseStrengths([0.1 + 0.2, -0.15])).toEqual([-0.15, 0.3]);
  });

  it("sends 0.25, 0.75 and −0.15 as typed, and labels them so", () => {
    const p = planStrengthSweep(
      input({ imageStyleReferences: [ref()] }),
      0,
      [0.25, 0.75, -0.15],
      undefined,
      tools,
    );
    expect(p.members.map((m) => m.input.imageStyleReferences[0]?.strength)).toEqual([
      -0.15, 0.25, 0.75,
    ]);
    expect(p.members.map((m) => m.label)).toEqual([
      "Strength −0.15",
      "Strength +0.25",
      "Strength +0.75",
    ]);
  });

  it("never trims a long list on its own", () => {
    const seven = [-1.5, -1, -0.5, 0, 0.5, 1, 1.5];
    expect(() =>
      planStrengthSweep(input({ imageStyleReferences: [ref()] }), 0, seven, undefined, tools),
    ).toThrow();
  });
});

describe("actions on a generation", () => {
  const g = makeGeneration({ id: "wf_orig" });
  it("tries the other tier with the same seed, paired with the original", () => {
    const p = planTierTry(g, tools)!;
    expect(p.title).toBe("Try on large");
    expect(p.members[0]?.input).toEqual({ ...g.input, size: "large" });
    expect(p.members[0]?.context).toEqual({ parent: "wf_orig", lineage: "tier", pair: "pair_id" });
    const again = planTierTry({ ...g, metadata: { pairId: "p_old" } }, tools)!;
    expect(again.members[0]?.context.pair).toBe("p_old");
  });

  it("remixes with a new seed and reruns with the same one", () => {
    expect(planRepeat(g, "remix", tools)!.members[0]?.input.seed).not.toBe(g.input?.seed);
    expect(planRepeat(g, "rerun", tools)!.members[0]).toMatchObject({
      input: g.input,
      context: { parent: "wf_orig", lineage: "rerun" },
    });
    expect(planRepeat({ ...g, input: null }, "rerun", tools)).toBeNull();
  });

  it("a plain Generate carries the builder's parent", () => {
    const p = planGenerate(input({ seed: 3 }), { id: "wf_orig", kind: "reuse" }, tools);
    expect(p.members[0]?.context).toEqual({ parent: "wf_orig", lineage: "reuse" });
    expect(planCostText(p)).toBe("39 Buzz");
  });
});

describe("parseStrengthList", () => {
  const values = (text: string) => {
    const r = parseStrengthList(text);
    return r.ok ? r.values : null;
  };
  const message = (text: string) => {
    const r = parseStrengthList(text);
    return r.ok ? null : r.message;
  };

  it("reads typed strengths, typographic minus included, in order and distinct", () => {
    expect(values("−1, 0, +1, 2")).toEqual([-1, 0, 1, 2]);
    expect(values("2 1 1 -0.5")).toEqual([-0.5, 1, 2]);
  });

  it("keeps the slider's precision: 0.25, 0.75, −0.15 stay so", () => {
    expect(values("0.25, 0.75, -0.15")).toEqual([-0.15, 0.25, 0.75]);
    expect(values("−1.95, 1.05")).toEqual([-1.95, 1.05]);
  });

  it("refuses anything a sweep could not send, naming it", () => {
    expect(message("1, 3")).toContain("+3.0");
    expect(message("1, abc")).toContain("abc");
    expect(message("0.27, 1")).toContain("0.27");
    expect(message("1")).not.toBeNull();
    expect(message("")).not.toBeNull();
  });

  it("refuses more than six strengths instead of keeping the lowest", () => {
    const eleven = "-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 0.25, 0.75";
    expect(values(eleven)).toBeNull();
    expect(message(eleven)).toMatch(/At most 6 .* you typed 11\. Remove 5/);
  });
});
