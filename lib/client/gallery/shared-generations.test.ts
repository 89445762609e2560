import { describe, expect, it } from "vitest";
import { makeGeneration, makeImage } from "@/lib/contract/generations/fixtures";
import type { GenerationPage } from "@/lib/contract/generations/types";
import { generationSharing } from "./shared-generations";

/** A page as the network gives it: new objects every time. */
const read = (page: GenerationPage): GenerationPage => structuredClone(page);

const page: GenerationPage = {
  items: [makeGeneration({ id: "a" }), makeGeneration({ id: "b" })],
  next: "c1",
  prev: null,
};

describe("generationSharing", () => {
  it("hands back the object already held for a generation read again unchanged", () => {
    const sharing = generationSharing();
    const first = sharing.share(read(page));
    const again = sharing.share(read(page));
    expect(again.items[0]).toBe(first.items[0]);
    expect(again.items[1]).toBe(first.items[1]);
    expect(again).toEqual(page);
  });

  it("takes the fresh data of a changed generation, sharing its unchanged parts", () => {
    const sharing = generationSharing();
    const first = sharing.share(read(page));
    const changed = read(page);
    changed.items[0] = makeGeneration({
      id: "a",
      tags: ["krea-studio", "fav:0"],
      images: [makeImage({ url: "/renewed", urlExpiresAt: "2031-01-01T00:00:00.000Z" })],
    });
    const again = sharing.share(changed);
    expect(again.items[0]).toEqual(changed.items[0]);
    expect(again.items[0]).not.toBe(first.items[0]);
    expect(again.items[0]?.input).toBe(first.items[0]?.input);
    expect(again.items[1]).toBe(first.items[1]);
  });

  it("holds each repeated string once and the data unchanged", () => {
    const sharing = generationSharing();
    const jobs = [0, 1].map((i) => ({
      id: `job-${i}`,
      status: "succeeded" as const,
      cost: 39,
      progress: null,
      queuePosition: null,
      startedAt: null,
      completedAt: null,
    }));
    const images = [0, 1].map((i) =>
      makeImage({ id: `blob-${i}`, jobId: `job-${i}`, previewUrl: `/p${i}`, url: `/u${i}` }),
    );
    const parsed = read({ items: [makeGeneration({ id: "c", jobs, images })], next: null });
    const lean = sharing.share(parsed).items[0];
    expect(lean).toEqual(parsed.items[0]);
    expect(lean?.images.map((i) => i.jobId)).toEqual(["job-0", "job-1"]);
  });
});
