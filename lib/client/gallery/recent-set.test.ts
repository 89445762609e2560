import { describe, expect, it } from "vitest";
import { recentSet } from "./recent-set";

describe("recentSet", () => {
  it("keeps only the latest entries, however many are added", () => {
    const seen = recentSet<string>(3);
    for (let i = 0; i < 10_000; i++) seen.add(`https://img.example/${i}.webp`);
    expect(seen.size).toBe(3);
    expect(seen.has("https://img.example/9999.webp")).toBe(true);
    expect(seen.has("https://img.example/9996.webp")).toBe(false);
  });

  it("counts a re-added entry as new", () => {
    const seen = recentSet<string>(2);
    seen.add("a");
    seen.add("b");
    seen.add("a");
    seen.add("c");
    expect(seen.has("a")).toBe(true);
    expect(seen.has("b")).toBe(false);
  });
});
