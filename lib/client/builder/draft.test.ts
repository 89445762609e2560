import { describe, expect, it } from "vitest";
import {
  DEFAULT_VALUES,
  DRAFT_KEY,
  readDraft,
  toKreaDraft,
  writeDraft,
  type KreaDraft,
} from "./draft";
import { memoryStore } from "@/lib/client/platform/session-store";

describe("builder draft", () => {
  it("round-trips every field", () => {
    const store = memoryStore();
    const values: KreaDraft = {
      prompt: "a quiet harbour, fog, 35mm",
      size: "large",
      aspectRatio: "2.35:1",
      creativity: "raw",
      quantity: 4,
      seed: 42,
      imageStyleReferences: [
        {
          key: "r1",
          imageUrl: "https://a.example/r.png",
          strength: -1.5,
          label: "a.example",
          status: "warning",
          message: "The address answered 404",
          thumbnailId: null,
          previewUrl: null,
          blobId: null,
          urlExpiresAt: null,
        },
      ],
    };
    writeDraft(store, values);
    expect(readDraft(store)).toEqual(values);
  });

  it("keeps what the designer typed even when it is invalid", () => {
    const store = memoryStore();
    const long = "x".repeat(6000);
    writeDraft(store, { ...DEFAULT_VALUES, prompt: long, quantity: 11 });
    expect(readDraft(store)).toMatchObject({ prompt: long, quantity: 11 });
  });

  it("falls back field by field on odd values", () => {
    const store = memoryStore();
    store.setItem(
      DRAFT_KEY,
      JSON.stringify({
        prompt: "kept",
        size: "huge",
        aspectRatio: "5:4",
        creativity: "Wild",
        quantity: "3",
        seed: null,
        imageStyleReferences: [{ imageUrl: "ftp://x" }, { imageUrl: "https://ok.example/a.png" }],
      }),
    );
    expect(readDraft(store)).toMatchObject({
      ...DEFAULT_VALUES,
      prompt: "kept",
      imageStyleReferences: [
        { imageUrl: "https://ok.example/a.png", strength: 1, label: "ok.example", status: "ready" },
      ],
    });
  });

  it("strips reference rows to what Krea takes", () => {
    expect(
      toKreaDraft({
        prompt: "p",
        imageStyleReferences: [
          {
            key: "k",
            imageUrl: "https://a.example/r.png",
            strength: 0.5,
            label: "a",
            status: "ready",
            thumbnailId: null,
          },
        ],
      }),
    ).toEqual({
      prompt: "p",
      imageStyleReferences: [{ imageUrl: "https://a.example/r.png", strength: 0.5 }],
    });
  });

  it("gives the defaults with no draft, broken JSON or no storage", () => {
    const store = memoryStore();
    expect(readDraft(store)).toEqual(DEFAULT_VALUES);
    store.setItem(DRAFT_KEY, "{oops");
    expect(readDraft(store)).toEqual(DEFAULT_VALUES);
    expect(readDraft(null)).toEqual(DEFAULT_VALUES);
  });
});
