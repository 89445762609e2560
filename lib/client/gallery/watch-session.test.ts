import { describe, expect, it } from "vitest";
import { WatchSession } from "./watch-session";

describe("WatchSession", () => {
  it("covers the ids a long-poll started with, and those the server joined to it", () => {
    const s = new WatchSession();
    const { seq, params } = s.begin(["a"]);
    expect(params).toEqual({ session: s.id, seq: String(seq) });
    expect(s.misses(["a"])).toBe(false);
    expect(s.misses(["a", "b"])).toBe(true);
    s.noteJoined("b", String(seq));
    expect(s.misses(["a", "b"])).toBe(false);
  });

  it("ignores a join answered for an earlier long-poll or not at all", () => {
    const s = new WatchSession();
    const first = s.begin(["a"]);
    s.begin(["a"]);
    s.noteJoined("b", String(first.seq));
    s.noteJoined("c", null);
    expect(s.misses(["a", "b"])).toBe(true);
    expect(s.misses(["a", "c"])).toBe(true);
  });

  it("misses nothing between long-polls: the next one asks for every id", () => {
    const s = new WatchSession();
    const { seq } = s.begin(["a"]);
    s.end(seq);
    expect(s.misses(["a", "b"])).toBe(false);
  });

  it("sends its id with submits", () => {
    const s = new WatchSession();
    expect(s.submitHeaders()).toEqual({ "x-watch-session": s.id });
    expect(s.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});
