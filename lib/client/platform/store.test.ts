import { describe, expect, it, vi } from "vitest";
import { createEvents, createStore, lazy } from "./store";

describe("createStore", () => {
  it("notifies only when the state really changed, and stops notifying after unsubscribe", () => {
    const store = createStore(1);
    const listener = vi.fn();
    const stop = store.subscribe(listener);
    store.set(1);
    expect(listener).not.toHaveBeenCalled();
    store.update((n) => n + 1);
    expect(store.get()).toBe(2);
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    store.set(3);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("runs whileObserved from the first listener to the last", () => {
    const stopped = vi.fn();
    const started = vi.fn(() => stopped);
    const store = createStore(0, { whileObserved: started });
    const a = store.subscribe(() => {});
    const b = store.subscribe(() => {});
    expect(started).toHaveBeenCalledTimes(1);
    a();
    expect(stopped).not.toHaveBeenCalled();
    b();
    expect(stopped).toHaveBeenCalledTimes(1);
    store.subscribe(() => {});
    expect(started).toHaveBeenCalledTimes(2);
  });

  it("computes a lazy initial state on first read only, and needs a server snapshot", () => {
    const init = vi.fn(() => "stored");
    const store = createStore(lazy(init), { server: null as string | null });
    expect(init).not.toHaveBeenCalled();
    expect(store.server).toBeNull();
    expect(store.get()).toBe("stored");
    expect(store.get()).toBe("stored");
    expect(init).toHaveBeenCalledTimes(1);
    expect(() => createStore(lazy(() => 1))).toThrow(/server snapshot/);
  });

  it("keeps the initial state as the server snapshot unless given one", () => {
    expect(createStore(false).server).toBe(false);
    expect(createStore(Date.now(), { server: 0 }).server).toBe(0);
  });
});

describe("createEvents", () => {
  it("delivers to whoever listens right now", () => {
    const events = createEvents<string>();
    events.emit("nobody");
    const seen: string[] = [];
    const off = events.on((v) => seen.push(v));
    events.emit("a");
    off();
    events.emit("b");
    expect(seen).toEqual(["a"]);
  });
});
