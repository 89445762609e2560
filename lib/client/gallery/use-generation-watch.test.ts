import { WatchSession } from "@/lib/client/gallery/watch-session";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  GENERATIONS_KEY,
  flattenGenerations,
  type GenerationsData,
} from "@/lib/client/gallery/cache";
import { makeGeneration, makeRunning } from "@/lib/contract/generations/fixtures";
import type { WatchResult } from "@/lib/contract/generations/types";
import {
  LOST_KEY,
  WatchInterrupted,
  watchOnce,
  type LostGenerations,
} from "./use-generation-watch";

function clientWith(...items: ReturnType<typeof makeRunning>[]): QueryClient {
  const qc = new QueryClient();
  qc.setQueryData<GenerationsData>(GENERATIONS_KEY, {
    pages: [{ items, next: null }],
    pageParams: [null],
  });
  return qc;
}

function answer(result: WatchResult) {
  const fetch = vi.fn(
    async (_url: string) => new Response(JSON.stringify(result), { status: 200 }),
  );
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("watchOnce", () => {
  const a = makeRunning({ id: "a", createdAt: "2026-01-02T00:00:00Z" });
  const b = makeRunning({ id: "b", createdAt: "2026-01-01T00:00:00Z" });

  it("asks once for every id and merges what finished", async () => {
    const qc = clientWith(a, b);
    const fetch = answer({ items: [makeGeneration({ id: "a" }), b], errors: {} });
    const session = new WatchSession();
    await watchOnce(qc, ["a", "b"], new AbortController().signal, session);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String(fetch.mock.calls[0]?.[0])).toBe(
      `/api/workflows/watch?ids=a%2Cb&wait=25&session=${session.id}&seq=1`,
    );
    // Answered: the next id this tab submits cannot have joined it.
    expect(session.misses(["a", "b", "c"])).toBe(false);
    const byId = new Map(
      flattenGenerations(qc.getQueryData(GENERATIONS_KEY)).map((g) => [g.id, g]),
    );
    expect(byId.get("a")?.status).toBe("succeeded");
    expect(byId.get("b")?.final).toBe(false);
  });

  it("marks a generation the orchestrator no longer knows and stops following it", async () => {
    const qc = clientWith(a);
    answer({
      items: [],
      errors: { a: { kind: "not_found", detail: "There is no workflow.", retryable: false } },
    });
    await watchOnce(qc, ["a"], new AbortController().signal);
    expect(qc.getQueryData<LostGenerations>(LOST_KEY)?.a).toMatch(/^It was deleted/);
  });

  it("backs off on a passing failure and leaves the card as it was", async () => {
    const qc = clientWith(a);
    answer({
      items: [],
      errors: { a: { kind: "unavailable", detail: "Try again.", retryable: true } },
    });
    await expect(watchOnce(qc, ["a"], new AbortController().signal)).rejects.toBeInstanceOf(
      WatchInterrupted,
    );
    expect(flattenGenerations(qc.getQueryData(GENERATIONS_KEY))[0]).toBe(a);
    expect(qc.getQueryData(LOST_KEY)).toBeUndefined();
  });
});
