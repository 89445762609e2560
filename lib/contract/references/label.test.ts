import { describe, expect, it } from "vitest";
import { REFERENCE_LABEL_MAX } from "@/lib/contract/style-sets/schema";
import { LABEL_MAX, labelFromFile, labelFromUrl } from "./label";

describe("row labels", () => {
  it("names a link by its host", () => {
    expect(labelFromUrl("https://www.example.com/a/b/ref.png?x=1")).toBe("example.com");
    expect(labelFromUrl("https://images.example.com/ref.png")).toBe("images.example.com");
    expect(labelFromUrl("not a url")).toBe("Link");
  });

  it("calls an orchestrator blob URL an uploaded image, not a host", () => {
    expect(
      labelFromUrl("http://127.0.0.1:3000/api/local-engine/v2/consumer/blobs/content/eyJ.abc"),
    ).toBe("Uploaded image");
  });

  it("shortens labels to what a style set may store", () => {
    expect(LABEL_MAX).toBe(REFERENCE_LABEL_MAX);
  });

  it("names a file by its own name, without folders, shortened from the middle", () => {
    expect(labelFromFile("C:\\fakepath\\moodboard.webp")).toBe("moodboard.webp");
    expect(labelFromFile("")).toBe("Pasted image");
    const long = `${"a".repeat(300)}.png`;
    const label = labelFromFile(long);
    expect(Array.from(label).length).toBe(200);
    expect(label.endsWith(".png")).toBe(true);
    expect(label).toContain("…");
  });
});
