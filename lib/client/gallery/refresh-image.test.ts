import { describe, expect, it, vi } from "vitest";
import { createImageRefresher } from "./refresh-image";

const fresh = (id: string) => ({
  id,
  url: `/fresh/${id}`,
  urlExpiresAt: null,
  previewUrl: null,
  previewUrlExpiresAt: null,
});

describe("createImageRefresher", () => {
  it("shares one request between concurrent refreshes of the same blob", async () => {
    const fetcher = vi.fn(async (id: string) => fresh(id));
    const refresher = createImageRefresher(fetcher, () => 1234);
    const [a, b] = await Promise.all([refresher.refresh("x"), refresher.refresh("x")]);
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(a).toBe(b);
    expect(refresher.lastRefreshedAt("x")).toBe(1234);
    await refresher.refresh("x");
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it("lets a failed refresh be tried again and records no renewal", async () => {
    const fetcher = vi.fn(async () => {
      throw new Error("down");
    });
    const refresher = createImageRefresher(fetcher);
    await expect(refresher.refresh("x")).rejects.toThrow("down");
    await expect(refresher.refresh("x")).rejects.toThrow("down");
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(refresher.lastRefreshedAt("x")).toBeUndefined();
  });
});
