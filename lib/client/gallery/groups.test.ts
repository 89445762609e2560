import { describe, expect, it } from "vitest";
import { makeGeneration } from "@/lib/contract/generations/fixtures";
import { estimateItemHeight, itemSpan, memberColumns, packRows } from "./feed-layout";
import { groupGenerations, sweepValue, type FeedItem } from "./groups";
import type { Generation, StudioMetadata } from "@/lib/contract/generations/types";

const gen = (id: string, metadata: StudioMetadata = {}, input: Partial<Generation["input"]> = {}) =>
  makeGeneration({
    id,
    metadata: { app: "krea-prompt-studio", ...metadata },
    input: { ...makeGeneration().input!, ...input },
  });
const shape = (items: FeedItem[]) =>
  items.map((i) =>
    i.kind === "single"
      ? i.generation.id
      : i.kind === "pair"
        ? `pair(${i.medium?.id ?? "-"},${i.large?.id ?? "-"})`
        : `sweep(${i.members.map((m) => m.id).join(",")})`,
  );

describe("groupGenerations", () => {
  it("puts a decision grid's cells in one card, in cell order, where its newest cell is", () => {
    const items = groupGenerations([
      gen("new"),
      gen("c2", { gridId: "g_1", gridCell: 2 }),
      gen("c0", { gridId: "g_1", gridCell: 0, pairId: "p9" }, { size: "medium" }),
      gen("old"),
      gen("c1", { gridId: "g_1", gridCell: 1 }),
    ]);
    expect(
      items.map((i) => (i.kind === "grid" ? `grid(${i.members.map((m) => m.id)})` : i.key)),
    ).toEqual(["new", "grid(c0,c1,c2)", "old"]);
    expect(itemSpan(items[1]!, 4)).toBe(2);
  });

  it("puts a tier pair in one card where its newest member is", () => {
    const items = groupGenerations([
      gen("new"),
      gen("L", { pairId: "p1" }, { size: "large" }),
      gen("mid"),
      gen("M", { pairId: "p1" }, { size: "medium" }),
      gen("old"),
    ]);
    expect(shape(items)).toEqual(["new", "pair(M,L)", "mid", "old"]);
  });

  it("completes a tier try with its original when the original is not loaded", () => {
    const tryLarge = gen(
      "L",
      { pairId: "p2", parentId: "M0", lineageKind: "tier" },
      { size: "large" },
    );
    const [item] = groupGenerations([tryLarge]);
    expect(item).toMatchObject({ kind: "pair", medium: null, missingId: "M0" });
  });

  it("pairs a tier try with its loaded original even when the original's copy predates its pair id", () => {
    const tryLarge = gen(
      "L",
      { pairId: "p3", parentId: "M1", lineageKind: "tier" },
      { size: "large" },
    );
    const items = groupGenerations([tryLarge, gen("x"), gen("M1")]);
    expect(shape(items)).toEqual(["pair(M1,L)", "x"]);
    expect(items[0]).toMatchObject({ missingId: null, pairId: "p3" });
  });

  it("leaves a compare side whose partner is not loaded as a card of its own", () => {
    expect(shape(groupGenerations([gen("L", { pairId: "p3" }, { size: "large" })]))).toEqual(["L"]);
  });

  it("orders a creativity sweep raw → high and a strength sweep weakest → strongest", () => {
    const sweep = (id: string, creativity: "raw" | "low" | "medium" | "high") =>
      gen(id, { sweepId: "s1", sweepKind: "creativity" }, { creativity });
    expect(
      shape(
        groupGenerations([
          sweep("h", "high"),
          sweep("r", "raw"),
          sweep("m", "medium"),
          sweep("l", "low"),
        ]),
      ),
    ).toEqual(["sweep(r,l,m,h)"]);
    const ref = (strength: number) => [{ imageUrl: "https://a.example/x.png", strength }];
    const strength = (id: string, s: number) =>
      gen(
        id,
        { sweepId: "s2", sweepKind: "strength", sweepRef: 0 },
        { imageStyleReferences: ref(s) },
      );
    const items = groupGenerations([strength("b", 2), strength("a", -1), strength("c", 0)]);
    expect(shape(items)).toEqual(["sweep(a,c,b)"]);
    expect(items[0]?.kind === "sweep" && items[0].members.map((m) => sweepValue(m).label)).toEqual([
      "Strength −1.0",
      "Strength 0.0",
      "Strength +2.0",
    ]);
  });

  it("lets a sweep member tried on the other tier join its pair, the rest of the sweep staying a row", () => {
    const s = (id: string, c: "raw" | "low" | "high", pairId?: string) =>
      gen(id, { sweepId: "s3", sweepKind: "creativity", pairId }, { creativity: c });
    const large = gen(
      "L",
      { pairId: "p4", parentId: "b", lineageKind: "tier" },
      { size: "large", creativity: "low" },
    );
    expect(
      shape(groupGenerations([large, s("a", "raw"), s("b", "low", "p4"), s("c", "high")])),
    ).toEqual(["pair(b,L)", "sweep(a,c)"]);
  });
});

describe("feed layout", () => {
  const single: FeedItem = { kind: "single", key: "a", generation: gen("a") };
  const pair: FeedItem = {
    kind: "pair",
    key: "p",
    pairId: "p",
    medium: gen("m"),
    large: gen("l"),
    missingId: null,
  };
  const sweep: FeedItem = {
    kind: "sweep",
    key: "s",
    sweepId: "s",
    sweepKind: "creativity",
    members: ["1", "2", "3", "4"].map((id) => gen(id)),
  };

  it("gives a pair two columns and a sweep as many as fit", () => {
    expect(itemSpan(pair, 3)).toBe(2);
    expect(itemSpan(sweep, 3)).toBe(3);
    expect(itemSpan(sweep, 1)).toBe(1);
    expect(itemSpan(single, 3)).toBe(1);
  });

  it("packs rows in order, starting a new row when a wide card does not fit", () => {
    const rows = packRows([single, single, pair, sweep, single], 3);
    expect(rows.map((r) => r.map((i) => i.kind))).toEqual([
      ["single", "single"],
      ["pair"],
      ["sweep"],
      ["single"],
    ]);
  });

  it("wraps a sweep's members on a phone and estimates its height from its rows", () => {
    expect(memberColumns(4, 334)).toBe(2);
    expect(memberColumns(4, 1000)).toBe(4);
    expect(estimateItemHeight(sweep, 358)).toBeGreaterThan(estimateItemHeight(sweep, 1028) * 0.9);
  });
});
