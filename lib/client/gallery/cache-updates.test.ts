import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { holdArrival } from "./arrivals";
import {
  GENERATIONS_KEY,
  flattenGenerations,
  generationsKey,
  upsertGeneration,
  type GenerationsData,
} from "./cache";
import {
  applyRefreshedUrls,
  firstPageOf,
  keepNewerThanPage,
  mergeGenerations,
} from "./cache-updates";
import { NO_FILTERS } from "@/lib/contract/generations/filters";
import type { Generation } from "@/lib/contract/generations/types";
import { makeGeneration, makeImage, makeRunning } from "@/lib/contract/generations/fixtures";
import { imageSource } from "@/lib/contract/generations/image-url";

function clientWith(pages: GenerationsData["pages"]): QueryClient {
  const qc = new QueryClient();
  qc.setQueryData<GenerationsData>(GENERATIONS_KEY, {
    pages,
    pageParams: pages.map((_, i) => (i === 0 ? null : `c${i}`)),
  });
  return qc;
}
const read = (qc: QueryClient) => qc.getQueryData<GenerationsData>(GENERATIONS_KEY)!;

describe("mergeGenerations", () => {
  it("replaces known generations in one write and leaves untouched pages as they were", () => {
    const a = makeRunning({ id: "a", createdAt: "2026-01-02T00:00:00Z" });
    const b = makeGeneration({ id: "b", createdAt: "2026-01-01T00:00:00Z" });
    const qc = clientWith([
      { items: [a], next: "c1" },
      { items: [b], next: null },
    ]);
    const before = read(qc);
    mergeGenerations(qc, [{ ...a, status: "succeeded", final: true }]);
    const after = read(qc);
    expect(after.pages[0]!.items[0]!.status).toBe("succeeded");
    expect(after.pages[1]).toBe(before.pages[1]);
  });

  it("keeps a canceled generation canceled when a stale running answer arrives", () => {
    const canceled = makeGeneration({ id: "a", status: "canceled" });
    const qc = clientWith([{ items: [canceled], next: null }]);
    mergeGenerations(qc, [makeRunning({ id: "a" })]);
    expect(read(qc).pages[0]!.items[0]!.status).toBe("canceled");
  });

  it("inserts unknown generations newest first", () => {
    const old = makeGeneration({ id: "old", createdAt: "2026-01-01T00:00:00Z" });
    const qc = clientWith([{ items: [old], next: null }]);
    mergeGenerations(qc, [makeRunning({ id: "new", createdAt: "2026-01-03T00:00:00Z" })]);
    expect(flattenGenerations(read(qc)).map((g) => g.id)).toEqual(["new", "old"]);
  });
});

describe("applyRefreshedUrls", () => {
  it("puts the renewed URL on the image and leaves the others alone", () => {
    const g = makeGeneration({
      images: [makeImage({ id: "x", url: "/old" }), makeImage({ id: "y", url: "/y" })],
    });
    const qc = clientWith([{ items: [g], next: null }]);
    applyRefreshedUrls(qc, {
      id: "x",
      url: "/new",
      urlExpiresAt: "2031-01-01T00:00:00Z",
      previewUrl: "/new-preview",
      previewUrlExpiresAt: "2031-01-01T00:00:00Z",
    });
    const images = read(qc).pages[0]!.items[0]!.images;
    expect(images[0]).toMatchObject({ url: "/new", previewUrl: "/new-preview" });
    expect(images[1]!.url).toBe("/y");
  });

  it("shows the fresh full URL when the answer carries no preview (the spec's Blob has none)", () => {
    const g = makeGeneration({
      images: [makeImage({ id: "x", url: "/old", previewUrl: "/old-preview" })],
    });
    const qc = clientWith([{ items: [g], next: null }]);
    applyRefreshedUrls(qc, {
      id: "x",
      url: "/new",
      urlExpiresAt: "2031-01-01T00:00:00Z",
      previewUrl: null,
      previewUrlExpiresAt: null,
    });
    const image = read(qc).pages[0]!.items[0]!.images[0]!;
    expect(imageSource(image, "preview")).toEqual({
      src: "/new",
      expiresAt: "2031-01-01T00:00:00Z",
    });
  });
});

describe("keepNewerThanPage", () => {
  it("keeps a generation submitted while the list was loading", () => {
    const submitted = makeRunning({ id: "s", createdAt: "2026-01-03T00:00:00Z" });
    const listed = makeGeneration({ id: "l", createdAt: "2026-01-02T00:00:00Z" });
    const deleted = makeGeneration({ id: "d", createdAt: "2026-01-01T00:00:00Z" });
    const cached: GenerationsData = {
      pages: [{ items: [submitted, deleted], next: null }],
      pageParams: [null],
    };
    const page = keepNewerThanPage({ items: [listed], next: null }, cached);
    expect(page.items.map((g) => g.id)).toEqual(["s", "l"]);
  });
});

describe("a generation that arrives while the view's first page is loading", () => {
  // The view exists but has no data yet; the list it asked for was read before
  // the submit. Before arrivals.ts the submit's answer had nowhere to go and the
  // card never appeared (and nothing watched it).
  async function loadWith(arrive: (qc: QueryClient) => void, listed: Generation[]) {
    const qc = new QueryClient();
    const key = generationsKey(NO_FILTERS);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const loading = qc.fetchInfiniteQuery({
      queryKey: key,
      initialPageParam: null as string | null,
      queryFn: async () => {
        await gate;
        return firstPageOf(qc, key, { items: listed, next: null });
      },
    });
    arrive(qc);
    release();
    await loading;
    return flattenGenerations(qc.getQueryData<GenerationsData>(key)).map((g) => [g.id, g.status]);
  }
  const older = makeGeneration({ id: "old", createdAt: "2026-01-01T00:00:00Z" });

  it("a submit's answer goes on top of the page that predates it", async () => {
    const submitted = makeRunning({ id: "new", createdAt: "2026-01-02T00:00:00Z" });
    const ids = await loadWith((qc) => upsertGeneration(qc, submitted), [older]);
    expect(ids).toEqual([
      ["new", submitted.status],
      ["old", older.status],
    ]);
  });

  it("a watch update that finished it meanwhile wins over the submit's running copy", async () => {
    const running = makeRunning({ id: "new", createdAt: "2026-01-02T00:00:00Z" });
    const done = makeGeneration({ id: "new", createdAt: "2026-01-02T00:00:00Z" });
    const ids = await loadWith(
      (qc) => {
        upsertGeneration(qc, running);
        mergeGenerations(qc, [done]);
        upsertGeneration(qc, running);
      },
      [older],
    );
    expect(ids).toEqual([
      ["new", done.status],
      ["old", older.status],
    ]);
  });

  it("is taken once: a later reload of the page does not bring it back", async () => {
    const qc = new QueryClient();
    const submitted = makeRunning({ id: "new", createdAt: "2026-01-02T00:00:00Z" });
    holdArrival(qc, submitted);
    const key = generationsKey(NO_FILTERS);
    expect(firstPageOf(qc, key, { items: [older], next: null }).items).toHaveLength(2);
    expect(firstPageOf(qc, key, { items: [older], next: null }).items).toHaveLength(1);
  });
});
