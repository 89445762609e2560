import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildWorkflowBody, MAX_TAG_LENGTH, MAX_TAGS } from "@/lib/contract/krea/workflow-body";
import { kreaInputSchema } from "@/lib/contract/krea/schema";
import {
  ASPECT_RATIOS,
  CREATIVITY_LEVELS,
  KREA_SIZES,
  SEED_MAX,
} from "@/lib/contract/krea/options";
import {
  favouriteIndices,
  newLinkId,
  parseSubmitContext,
  PROMPT_SEARCH_MAX,
  submitContextQuery,
  submitLinks,
  withFavourite,
  LINK_ID_PATTERN,
} from "./links";

const input = (over: Record<string, unknown> = {}) => ({
  ...kreaInputSchema.parse({ prompt: "a fox", ...over }),
  seed: typeof over.seed === "number" ? over.seed : 42,
});

describe("submit context", () => {
  it("round-trips through the query string", () => {
    const context = {
      parent: "wf_1",
      lineage: "sweep" as const,
      sweep: "s_1",
      sweepKind: "strength" as const,
      sweepRef: 2,
      pair: "p_1",
    };
    expect(parseSubmitContext(submitContextQuery(context))).toEqual({ context, errors: {} });
  });

  it("defaults a parent's lineage to reuse", () => {
    expect(parseSubmitContext(new URLSearchParams("parent=wf_9")).context).toEqual({
      parent: "wf_9",
      lineage: "reuse",
    });
  });

  it("names every bad field", () => {
    const { errors } = parseSubmitContext(
      new URLSearchParams("parent=a b&sweepKind=hue&sweepRef=12&lineage=clone"),
    );
    expect(Object.keys(errors).sort()).toEqual(["lineage", "parent", "sweepKind", "sweepRef"]);
  });

  it("ignores parameters that are not its own", () => {
    expect(parseSubmitContext(new URLSearchParams("styleSet=ss_1&wait=4"))).toEqual({
      context: {},
      errors: {},
    });
  });
});

describe("tags and metadata within the orchestrator's limits", () => {
  it("stays within 10 tags of ≤ 200 characters with every link, a style set and both favourite tags", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KREA_SIZES),
        fc.constantFrom(...ASPECT_RATIOS),
        fc.constantFrom(...CREATIVITY_LEVELS),
        fc.integer({ min: 0, max: SEED_MAX }),
        fc.stringMatching(/^[A-Za-z0-9_.:-]{1,128}$/),
        fc.stringMatching(/^[A-Za-z0-9_.:-]{1,128}$/),
        (size, aspectRatio, creativity, seed, pair, sweep) => {
          const i = input({ size, aspectRatio, creativity, seed });
          const links = submitLinks(i, { pair, sweep, sweepKind: "creativity", parent: "wf_1" });
          const styleSet = "styleset:ss_abcdefghijklmnopqrst";
          const body = buildWorkflowBody(i, { tags: [...links.tags, styleSet] });
          const starred = withFavourite(withFavourite(body.tags, 9, true), 0, true);
          expect(starred.length).toBeLessThanOrEqual(MAX_TAGS);
          for (const t of starred) expect(t.length).toBeLessThanOrEqual(MAX_TAG_LENGTH);
        },
      ),
    );
  });

  it("copies the prompt into metadata, shortened for search", () => {
    const long = "x".repeat(5000);
    const { metadata } = submitLinks(input({ prompt: long }), {});
    expect(metadata.prompt).toHaveLength(PROMPT_SEARCH_MAX);
    expect(metadata).not.toHaveProperty("parentId");
  });

  it("records lineage only with a parent, and the sweep's reference", () => {
    const { metadata, tags } = submitLinks(input(), {
      parent: "wf_2",
      lineage: "remix",
      sweep: "s_2",
      sweepKind: "strength",
      sweepRef: 1,
    });
    expect(metadata).toMatchObject({
      parentId: "wf_2",
      lineageKind: "remix",
      sweepId: "s_2",
      sweepRef: 1,
    });
    expect(tags).toEqual(["size:medium", "ratio:1:1", "creativity:medium", "seed:42", "sweep:s_2"]);
  });
});

describe("favourites as tags", () => {
  it("keeps one list tag and the filter tag while anything is starred", () => {
    let tags = ["krea-studio", "seed:1"];
    tags = withFavourite(tags, 3, true);
    expect(tags).toEqual(["krea-studio", "seed:1", "fav:3", "fav"]);
    tags = withFavourite(tags, 0, true);
    expect(tags).toEqual(["krea-studio", "seed:1", "fav:0,3", "fav"]);
    expect(favouriteIndices(tags)).toEqual([0, 3]);
    tags = withFavourite(withFavourite(tags, 0, false), 3, false);
    expect(tags).toEqual(["krea-studio", "seed:1"]);
  });

  it("reads several lists as their union and skips junk", () => {
    expect(favouriteIndices(["fav:1,x", "fav:4", "fav:12", "favourite", "fav"])).toEqual([1, 4]);
  });
});

it("makes link ids the submit accepts", () => {
  expect(newLinkId("pair")).toMatch(/^p_[a-z0-9]{18}$/);
  expect(newLinkId("sweep")).toMatch(LINK_ID_PATTERN);
});
