import { describe, expect, it, vi } from "vitest";
import { AppError, problemResponse, toAppError } from "./problem";

describe("AppError across bundle copies", () => {
  it("stays the same error when another copy of the module threw it", async () => {
    // What Next does: the page and a route each bundle their own copy of this
    // module, and a store shared on globalThis throws the copy that made it.
    vi.resetModules();
    const other = await import("./problem");
    expect(other.AppError).not.toBe(AppError);
    const thrown = new other.AppError("conflict", { detail: "changed by someone else" });

    expect(thrown instanceof AppError).toBe(true);
    const mapped = toAppError(thrown);
    expect(mapped).toBe(thrown);
    expect(mapped.status).toBe(409);
    expect(problemResponse(thrown, "req-1").status).toBe(409);
  });

  it("does not take a plain error or a look-alike for one", () => {
    expect(new Error("x") instanceof AppError).toBe(false);
    expect({ kind: "conflict", status: 409 } instanceof AppError).toBe(false);
    expect(toAppError(new Error("boom")).status).toBe(500);
  });

  it("keeps subclass checks exact", () => {
    class Special extends AppError {}
    expect(new Special("conflict", { detail: "x" }) instanceof Special).toBe(true);
    expect(new AppError("conflict", { detail: "x" }) instanceof Special).toBe(false);
  });
});
