import { afterEach, describe, expect, it, vi } from "vitest";
import { addFiles, addTypedUrl, addUrls, type ReferenceListApi } from "./add-pipeline";
import type { ReferenceEntry } from "./entry";

// The network is kept out: uploads and link checks never answer, so rows stay
// in their first state and only the list's own behaviour is under test.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

function fakeList() {
  let rows: readonly ReferenceEntry[] = [];
  const messages: string[] = [];
  const api: ReferenceListApi = {
    get: () => rows,
    set: (next) => (rows = next),
    report: (m) => messages.splice(0, messages.length, ...m),
    append: (m) => messages.push(m),
  };
  return { api, labels: () => rows.map((r) => r.label), messages };
}

afterEach(() => vi.unstubAllGlobals());

describe("adding references", () => {
  it("keeps the order things were added in, though a file is read before its row appears", async () => {
    vi.stubGlobal("fetch", () => new Promise(() => {}));
    vi.stubGlobal(
      "XMLHttpRequest",
      class {
        upload = {};
        open() {}
        send() {}
      },
    );
    const list = fakeList();
    const files = addFiles(list.api, [new File([PNG], "first.png", { type: "image/png" })]);
    const urls = addUrls(list.api, ["https://example.com/second.png"]);
    await Promise.all([files, urls]);
    expect(list.labels()).toEqual(["first.png", "example.com"]);
  });

  it("refuses the 11th with a message and changes nothing", async () => {
    vi.stubGlobal("fetch", () => new Promise(() => {}));
    const list = fakeList();
    const ten = Array.from({ length: 10 }, (_, i) => `https://example.com/${i}.png`);
    expect(await addUrls(list.api, ten)).toBe(true);
    const before = list.api.get();
    expect(await addTypedUrl(list.api, "https://example.com/eleventh.png")).toEqual({
      fieldError: null,
      added: false,
    });
    expect(list.api.get()).toBe(before);
    expect(list.messages).toEqual(["At most 10 style references: remove one first"]);
  });
});
