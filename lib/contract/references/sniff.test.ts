import { describe, expect, it } from "vitest";
import { notAnImageMessage, sniffImage } from "./sniff";
import { HTML, png, SVG } from "@/lib/server/references/testing/images";

const bytes = (text: string) => Buffer.from(text, "latin1");

describe("sniffImage", () => {
  it("knows the three accepted formats by their magic bytes", async () => {
    expect(sniffImage(await png())).toEqual({ format: "png", mime: "image/png" });
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toMatchObject({
      format: "jpeg",
    });
    expect(sniffImage(bytes("RIFF\x10\0\0\0WEBPVP8 "))).toMatchObject({ format: "webp" });
  });

  it.each([
    ["HTML", HTML, "html"],
    ["HTML with an inline <svg>", Buffer.from("<!doctype html><body><svg></svg>"), "html"],
    ["a bare HTML fragment", Buffer.from("  <script>alert(1)</script>"), "html"],
    ["SVG", SVG, "svg"],
    ["SVG after a BOM", Buffer.from("\uFEFF<svg xmlns='x'/>"), "svg"],
    ["GIF", bytes("GIF89a\x01\0\x01\0"), "gif"],
    ["PDF", bytes("%PDF-1.7\n"), "pdf"],
    ["HEIC", bytes("\0\0\0\x18ftypheic\0\0\0\0"), "heic"],
    ["AVIF", bytes("\0\0\0\x1cftypavif\0\0\0\0"), "avif"],
    ["JSON", Buffer.from('{"not":"an image"}'), "json"],
    ["RIFF that is not WebP (a WAV)", bytes("RIFF\x10\0\0\0WAVEfmt "), null],
    ["random bytes", Buffer.from([0, 1, 2, 3, 250, 251, 252, 0, 9]), null],
  ])("refuses %s and says what it looks like", (_, input, looks) => {
    expect(sniffImage(input)).toEqual({ format: null, looksLike: looks });
  });

  it("does not take a PNG signature cut short for a PNG", () => {
    expect(sniffImage(Buffer.from([0x89, 0x50, 0x4e, 0x47])).format).toBeNull();
  });
});

describe("notAnImageMessage", () => {
  it("names what the file is", () => {
    expect(notAnImageMessage("html", "file")).toMatch(/^This file is HTML, not an image\./);
    expect(notAnImageMessage("svg", "file")).toMatch(/SVG drawing.*export it as PNG/);
    expect(notAnImageMessage("gif", "address")).toMatch(/^This address answers with a GIF\./);
    expect(notAnImageMessage(null, "file")).toMatch(/not an image.*JPEG, PNG or WebP/);
  });
});
