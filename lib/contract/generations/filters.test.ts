import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STYLE_SET_ID_PATTERN } from "@/lib/contract/style-sets/schema";
import {
  ASPECT_RATIOS,
  CREATIVITY_LEVELS,
  KREA_SIZES,
  SEED_MAX,
} from "@/lib/contract/krea/options";
import { makeGeneration, makeRunning } from "./fixtures";
import {
  filterChips,
  historyQuery,
  isFiltered,
  matchesFilters,
  NO_FILTERS,
  normaliseQuery,
  parseFilters,
  serializeFilters,
  STATUS_FILTERS,
  withFilters,
  type GalleryFilters,
} from "./filters";

const parse = (query: string) => parseFilters(new URLSearchParams(query));
const open = { from: null, to: null };

describe("parseFilters", () => {
  it("reads every filter", () => {
    expect(
      parse(
        "q=red+fox&size=large&ratio=2.35:1&creativity=raw&seed=42&styleSet=ss_abcdefghij0123456789&status=failed&from=2026-01-02&to=2026-01-31&fav=1&grid=any",
      ),
    ).toEqual({
      q: "red fox",
      size: "large",
      ratio: "2.35:1",
      creativity: "raw",
      seed: 42,
      styleSet: "ss_abcdefghij0123456789",
      status: "failed",
      from: "2026-01-02",
      to: "2026-01-31",
      fav: true,
      grid: "any",
    });
  });

  it.each([
    ["", NO_FILTERS],
    ["size=huge&ratio=5:4&creativity=wild&status=lost", NO_FILTERS],
    ["seed=-1", NO_FILTERS],
    ["seed=4294967296", NO_FILTERS],
    ["seed=1e3", NO_FILTERS],
    ["from=2026-02-30&to=yesterday", NO_FILTERS],
    ["styleSet=../../etc", NO_FILTERS],
    ["fav=maybe", NO_FILTERS],
    ["q=%20%20", NO_FILTERS],
  ])("ignores junk: %s", (query, expected) => {
    expect(parse(query)).toEqual(expected);
  });

  it("normalises case, spaces, a backwards range and a very long search", () => {
    const f = parse(
      `q=${"  Red   FOX ".padEnd(500, "x")}&size=LARGE&creativity=High&from=2026-03-09&to=2026-03-01`,
    );
    expect(f.size).toBe("large");
    expect(f.creativity).toBe("high");
    expect(f.q.startsWith("Red FOX x")).toBe(true);
    expect(f.q.length).toBeLessThanOrEqual(200);
    expect([f.from, f.to]).toEqual(["2026-03-01", "2026-03-09"]);
  });

  it("accepts the largest seed and seed 0", () => {
    expect(parse(`seed=${SEED_MAX}`).seed).toBe(SEED_MAX);
    expect(parse("seed=0").seed).toBe(0);
    // No generation can carry a seed past int32, so such a filter is junk, dropped.
    expect(parse("seed=2147483648").seed).toBeNull();
  });

  it("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (k, v) => {
        const params = new URLSearchParams();
        params.set(k, v);
        for (const name of Object.keys(NO_FILTERS)) params.set(name, v);
        expect(() => parseFilters(params)).not.toThrow();
      }),
    );
  });

  it("takes every grid or one plan id as the grid filter, nothing else", () => {
    expect(parse("grid=any").grid).toBe("any");
    expect(parse("grid=g_abcdefghij012345").grid).toBe("g_abcdefghij012345");
    expect(parse("grid=ss_abcdefghij0123456789").grid).toBeNull();
  });

  it("keeps the style-set id shape of the style-set schema", () => {
    expect(parse("styleSet=ss_abcdefghij0123456789").styleSet).not.toBeNull();
    expect(STYLE_SET_ID_PATTERN.test("ss_abcdefghij0123456789")).toBe(true);
    expect(parse("styleSet=ss_ABCDEFGHIJ0123456789").styleSet).toBeNull();
    expect(STYLE_SET_ID_PATTERN.test("ss_ABCDEFGHIJ0123456789")).toBe(false);
  });
});

const day = fc
  .date({ min: new Date("2001-01-01"), max: new Date("2099-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const filtersArb: fc.Arbitrary<GalleryFilters> = fc
  .record({
    q: fc.stringMatching(/^[a-z0-9]{0,8}( [a-z0-9]{1,8}){0,2}$/),
    size: fc.constantFrom(null, ...KREA_SIZES),
    ratio: fc.constantFrom(null, ...ASPECT_RATIOS),
    creativity: fc.constantFrom(null, ...CREATIVITY_LEVELS),
    seed: fc.option(fc.integer({ min: 0, max: SEED_MAX }), { nil: null }),
    styleSet: fc.constantFrom(null, "ss_abcdefghij0123456789"),
    status: fc.constantFrom(null, ...STATUS_FILTERS),
    from: fc.option(day, { nil: null }),
    to: fc.option(day, { nil: null }),
    fav: fc.boolean(),
    grid: fc.constantFrom(null, "any", "g_abcdefghij012345"),
  })
  .map((f) => ({ ...f, q: normaliseQuery(f.q) }))
  .map((f) => (f.from && f.to && f.from > f.to ? { ...f, from: f.to, to: f.from } : f));

describe("serializeFilters", () => {
  it("round-trips every normalised filter set", () => {
    fc.assert(
      fc.property(filtersArb, (f) => {
        expect(parse(serializeFilters(f).toString())).toEqual(f);
      }),
    );
  });

  it("leaves defaults out, so no filters is an empty query", () => {
    expect(serializeFilters(NO_FILTERS).toString()).toBe("");
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(serializeFilters({ ...NO_FILTERS, fav: true, seed: 0 }).toString()).toBe("seed=0&fav=1");
  });

  it("keeps the page's other parameters", () => {
    const next = withFilters(new URLSearchParams("q=old&debug=1&size=large"), {
      ...NO_FILTERS,
      q: "new",
    });
    expect(next.toString()).toBe("debug=1&q=new");
  });

  it("sends days to the history route as the designer's local midnights", () => {
    const q = historyQuery({ ...NO_FILTERS, from: "2026-01-02", to: "2026-01-02", size: "large" });
    expect(q.get("size")).toBe("large");
    expect(q.has("from")).toBe(false);
    const from = Date.parse(q.get("fromDate") ?? "");
    const to = Date.parse(q.get("toDate") ?? "");
    expect(from).toBe(new Date(2026, 0, 2).getTime());
    expect(to - from).toBe(new Date(2026, 0, 3).getTime() - 1 - new Date(2026, 0, 2).getTime());
  });
});

describe("matchesFilters", () => {
  const g = makeGeneration({
    input: {
      ...makeGeneration().input!,
      prompt: "A Red Fox in the snow",
      size: "large",
      creativity: "raw",
      seed: 7,
    },
    tags: ["krea-studio", "fav", "fav:0"],
  });
  it.each<[string, Partial<GalleryFilters>, boolean]>([
    ["words in any order and case", { q: "snow fox" }, true],
    ["a word that is missing", { q: "fox whale" }, false],
    ["tier", { size: "large" }, true],
    ["other tier", { size: "medium" }, false],
    ["seed", { seed: 7 }, true],
    ["other seed", { seed: 8 }, false],
    ["favourites", { fav: true }, true],
    ["status", { status: "succeeded" }, true],
    ["running", { status: "running" }, false],
    ["style set", { styleSet: "ss_abcdefghij0123456789" }, false],
  ])("%s", (_, patch, expected) => {
    expect(matchesFilters(g, { ...NO_FILTERS, ...patch }, open)).toBe(expected);
  });

  it("checks dates against the range", () => {
    const at = Date.parse(g.createdAt);
    expect(matchesFilters(g, NO_FILTERS, { from: at, to: at })).toBe(true);
    expect(matchesFilters(g, NO_FILTERS, { from: at + 1, to: null })).toBe(false);
    expect(matchesFilters(makeRunning(), { ...NO_FILTERS, status: "running" }, open)).toBe(true);
  });

  it("finds grid cells: every grid's, or one grid's", () => {
    const cell = makeGeneration({ metadata: { gridId: "g_abcdefghij012345", gridCell: 3 } });
    expect(matchesFilters(g, { ...NO_FILTERS, grid: "any" }, open)).toBe(false);
    expect(matchesFilters(cell, { ...NO_FILTERS, grid: "any" }, open)).toBe(true);
    expect(matchesFilters(cell, { ...NO_FILTERS, grid: "g_abcdefghij012345" }, open)).toBe(true);
    expect(matchesFilters(cell, { ...NO_FILTERS, grid: "g_000000000000000x" }, open)).toBe(false);
  });
});

it("offers one removable chip per filter", () => {
  const f = parse("q=fox&size=large&fav=1&from=2026-01-01");
  const chips = filterChips(f);
  expect(chips.map((c) => c.label)).toEqual(["“fox”", "Favourites", "Large", "Since 2026-01-01"]);
  expect(chips[2]?.without).toEqual({ ...f, size: null });
});
