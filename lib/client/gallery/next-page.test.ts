import { describe, expect, it } from "vitest";
import { makeGeneration } from "@/lib/contract/generations/fixtures";
import { nextPageParam } from "./next-page";

describe("nextPageParam", () => {
  it("follows a new cursor, also past a page with no items (a filtered scan)", () => {
    expect(nextPageParam({ items: [makeGeneration()], next: "c1" }, [null])).toBe("c1");
    expect(nextPageParam({ items: [], next: "c2" }, [null, "c1"])).toBe("c2");
  });

  it("stops at the end, and when a page hands back a cursor already used", () => {
    expect(nextPageParam({ items: [], next: null }, [null])).toBeUndefined();
    expect(nextPageParam({ items: [], next: "c1" }, [null, "c1"])).toBeUndefined();
    expect(nextPageParam({ items: [makeGeneration()], next: "c1" }, [null, "c1"])).toBeUndefined();
  });

  it("takes any cursor the orchestrator hands out, however long", () => {
    const long = "x".repeat(4096);
    expect(nextPageParam({ items: [], next: long }, [null])).toBe(long);
  });
});
