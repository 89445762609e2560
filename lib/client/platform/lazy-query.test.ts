import { QueryClient } from "@tanstack/react-query";
import { beforeEach, describe, expect, it, vi } from "vitest";

// Each test starts before the query library has loaded, as a page in a browser
// does (the tab's one client is made only where there is a window).
beforeEach(() => {
  vi.resetModules();
  vi.stubGlobal("window", globalThis);
  return () => vi.unstubAllGlobals();
});

describe("withQueryClient", () => {
  it("applies changes asked for before the library loaded, once it has, in order", async () => {
    const { loadQueryRuntime, withQueryClient } = await import("./lazy-query");
    const seen: string[] = [];
    withQueryClient((client) => {
      client.setQueryData(["a"], 1);
      seen.push("first");
    });
    withQueryClient(() => seen.push("second"));
    expect(seen).toEqual([]);
    const runtime = await loadQueryRuntime();
    await Promise.resolve();
    expect(seen).toEqual(["first", "second"]);
    expect(runtime.sharedQueryClient().getQueryData(["a"])).toBe(1);
  });

  it("runs at once, on the tab's one client, once the library has loaded", async () => {
    const { loadQueryRuntime, withQueryClient } = await import("./lazy-query");
    const runtime = await loadQueryRuntime();
    let used: QueryClient | null = null;
    withQueryClient((client) => {
      used = client;
    });
    expect(used).toBeInstanceOf(QueryClient);
    expect(used).toBe(runtime.sharedQueryClient());
    expect(await loadQueryRuntime()).toBe(runtime);
  });
});
