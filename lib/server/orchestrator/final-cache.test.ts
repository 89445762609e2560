import { describe, expect, it } from "vitest";
import { makeGeneration } from "@/lib/contract/generations/fixtures";
import { cachedFinal, forgetFinal, readMark, rememberFinal } from "./final-cache";
import type { OrchestratorTarget } from "./target";

const target: OrchestratorTarget = {
  kind: "local",
  baseUrl: "http://e",
  token: "t",
  source: "local",
};
const other: OrchestratorTarget = { ...target, token: "someone else" };

describe("final-state cache", () => {
  it("keeps final generations only, per account", async () => {
    const done = makeGeneration({ id: "wf_a", status: "succeeded", final: true });
    const running = makeGeneration({ id: "wf_b", status: "processing", final: false });
    rememberFinal(target, done, 0);
    rememberFinal(target, running, 0);
    expect(await cachedFinal(target, "wf_a", 1)).toBe(done);
    expect(await cachedFinal(target, "wf_b", 1)).toBeUndefined();
    expect(await cachedFinal(other, "wf_a", 1)).toBeUndefined();
  });

  it("expires after 30 s, or a minute before any image URL does", async () => {
    const done = makeGeneration({ id: "wf_c", status: "succeeded", final: true });
    rememberFinal(target, done, 0);
    expect(await cachedFinal(target, "wf_c", 29_999)).toBe(done);
    expect(await cachedFinal(target, "wf_c", 30_000)).toBeUndefined();

    const soon = makeGeneration({ id: "wf_d", status: "succeeded", final: true });
    const image = soon.images[0];
    if (!image) throw new Error("fixture has an image");
    image.urlExpiresAt = new Date(70_000).toISOString();
    rememberFinal(target, soon, 0);
    expect(await cachedFinal(target, "wf_d", 9_999)).toBe(soon);
    expect(await cachedFinal(target, "wf_d", 10_000)).toBeUndefined();
  });

  it("never keeps a generation with an image that lacks its URL", async () => {
    const hidden = makeGeneration({ id: "wf_f", status: "succeeded", final: true });
    const image = hidden.images[0];
    if (!image) throw new Error("fixture has an image");
    hidden.images = [{ ...image, url: null, previewUrl: null, available: false }];
    rememberFinal(target, hidden, 0);
    expect(await cachedFinal(target, "wf_f", 1)).toBeUndefined();
  });

  it("forgets an entry the studio changed", async () => {
    const done = makeGeneration({ id: "wf_e", status: "canceled", final: true });
    rememberFinal(target, done, 0);
    await forgetFinal(target, "wf_e");
    expect(await cachedFinal(target, "wf_e", 1)).toBeUndefined();
  });
});

describe("a read racing a change", () => {
  it("is not kept when the studio changed the workflow after the read began", async () => {
    const before = makeGeneration({ id: "wf_race", status: "succeeded", final: true });
    const mark = readMark();
    // The star lands (forget before and after) while the read is still upstream.
    await forgetFinal(target, "wf_race");
    await forgetFinal(target, "wf_race");
    rememberFinal(target, before, 0, undefined, mark);
    expect(await cachedFinal(target, "wf_race", 1)).toBeUndefined();
    // A read that began after the change is kept as usual.
    rememberFinal(target, before, 0, undefined, readMark());
    expect(await cachedFinal(target, "wf_race", 1)).toBe(before);
  });
});
