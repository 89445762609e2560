import { describe, expect, it } from "vitest";
import {
  CONFIRM_ABOVE_KEY,
  DEFAULT_CONFIRM_ABOVE,
  needsConfirmation,
  readConfirmAbove,
  writeConfirmAbove,
} from "./spend-threshold";
import { memoryStore } from "@/lib/client/platform/session-store";

const memory = memoryStore;

describe("spend threshold", () => {
  it("asks above 300 Buzz by default: a 4-image compare (468) asks, a creativity sweep (156) does not", () => {
    const store = memory();
    expect(readConfirmAbove(store)).toBe(DEFAULT_CONFIRM_ABOVE);
    expect(needsConfirmation(468, readConfirmAbove(store))).toBe(true);
    expect(needsConfirmation(156, readConfirmAbove(store))).toBe(false);
    expect(needsConfirmation(300, readConfirmAbove(store))).toBe(false);
  });

  it("keeps the designer's limit and ignores junk", () => {
    const store = memory();
    writeConfirmAbove(store, 100);
    expect(readConfirmAbove(store)).toBe(100);
    expect(needsConfirmation(117, readConfirmAbove(store))).toBe(true);
    writeConfirmAbove(store, -5);
    expect(readConfirmAbove(store)).toBe(100);
    store.data.set(CONFIRM_ABOVE_KEY, "lots");
    expect(readConfirmAbove(store)).toBe(DEFAULT_CONFIRM_ABOVE);
    expect(readConfirmAbove(null)).toBe(DEFAULT_CONFIRM_ABOVE);
  });
});
