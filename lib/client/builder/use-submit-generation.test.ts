import { describe, expect, it } from "vitest";
import type { SubmitPlan } from "@/lib/client/builder/submit-plans";
import type { KreaInput } from "@/lib/contract/krea/schema";
import { preparePlan } from "./submit-click";

const input = (strength: number): KreaInput & { seed: number } => ({
  prompt: "a fox",
  size: "medium",
  aspectRatio: "1:1",
  creativity: "medium",
  quantity: 1,
  seed: 7,
  imageStyleReferences: [
    { imageUrl: "https://engine.example/old-a", strength: 1 },
    { imageUrl: "https://engine.example/old-b", strength },
  ],
});

describe("preparePlan", () => {
  it("renews the references once and carries the fresh URLs to every member, strengths kept", async () => {
    const plan = {
      title: "Strength sweep",
      total: 78,
      members: [-1, 0, 2].map((s) => ({ input: input(s), cost: 26 })),
    } as unknown as SubmitPlan;
    let calls = 0;
    const ready = await preparePlan(plan, async (first) => {
      calls++;
      return {
        ...first,
        imageStyleReferences: first.imageStyleReferences.map((r, i) => ({
          ...r,
          imageUrl: `https://engine.example/fresh-${i}`,
        })),
      };
    });
    expect(calls).toBe(1);
    expect(ready?.members.map((m) => m.input.imageStyleReferences)).toEqual(
      [-1, 0, 2].map((s) => [
        { imageUrl: "https://engine.example/fresh-0", strength: 1 },
        { imageUrl: "https://engine.example/fresh-1", strength: s },
      ]),
    );
  });

  it("returns null and sends nothing when renewing fails", async () => {
    const plan = {
      title: "Generate",
      total: 39,
      members: [{ input: input(1) }],
    } as unknown as SubmitPlan;
    expect(
      await preparePlan(plan, async () => {
        throw new Error("The upload link could not be renewed.");
      }),
    ).toBeNull();
  });
});
